import type { DataSource } from "typeorm";
import { placeholders } from "@danvan/kit";
import { aggregateRowLimit, SortDirection } from "@danvan/kit/aggregates";

/**
 * The one SQL statement behind each grouped aggregate: the facts grouped by the dimensions
 * asked for, empty groups dropped, sorted and cut to `first` in SQL, with the number of groups
 * before the cut from a window (`COUNT(*) OVER ()`, on both databases). JavaScript only shapes
 * the rows that come back.
 *
 * A dimension read from the unit a fact belongs to (its district, its fund's level) comes from a
 * small table of those units (`place`): the facts are grouped by unit first, then joined to it
 * and grouped again, so the join touches a few hundred groups, not every fact. The measures are
 * counts and sums, which add up across the two steps. Where the place of a fact depends on its
 * date (the unit its code named that day, unit-places.ts), the facts are grouped by unit and
 * epoch, and the place table has a row for each.
 */

/** A dimension in SQL: its value (text or integer, null where a row has none) and how it sorts. */
export interface DimensionSql {
  value: string;
  /** An enum's values in declaration order: the dimension sorts by position, not by spelling. */
  order?: readonly string[];
  /** Read from the place table `s` (`s.district_code`), not from the facts. */
  fromPlace?: boolean;
}

export interface GroupedFacts<D extends string, M extends string> {
  /** `FROM … WHERE …` over the facts, with `?` placeholders, and its parameters in order. */
  source: string;
  params: unknown[];
  dimensions: Record<D, DimensionSql>;
  /** Each measure's count or sum over the facts (`SUM(t.households)`, `COUNT(*)`). */
  measures: Record<M, string>;
  /** The counting measure: a group where it is 0 has no facts (a rollup row emptied by later moves). */
  countedBy: M;
  /**
   * The units the facts belong to: `key`, the facts' unit column; `table`, a table `s` of those
   * units (a VALUES table with its parameters), joined on `s.<column> = key`; with `epoch` (an SQL
   * expression over the facts), on `s.epoch = epoch` too. `flag`: a column of `s`, '1' or '0',
   * whose maximum over the groups returned is runGrouping's `flagged`.
   */
  place?: { key: string; epoch?: string; table: { sql: string; params: unknown[] }; column: string; flag?: string };
}

export interface Grouping<D extends string, F extends string> {
  groupBy: readonly D[];
  orderBy?: readonly { by: F; direction?: SortDirection | null }[] | null;
  first?: number | null;
}

/** One group: the grouped dimensions' values and every measure, as the driver returned them. */
export interface GroupRow<D extends string, M extends string> {
  dimensions: Partial<Record<D, string | number | null>>;
  measures: Record<M, string | number | bigint | null>;
}

/** The sort key of a grouped column: null last whichever the direction, enums by position. */
function sortTerms(column: string, dimension: DimensionSql, direction: SortDirection): string[] {
  const key = dimension.order
    ? `CASE ${column} ${dimension.order.map((v, i) => `WHEN '${v}' THEN ${i}`).join(" ")} ELSE ${dimension.order.length} END`
    : column;
  return [`CASE WHEN ${column} IS NULL THEN 1 ELSE 0 END`, `${key} ${direction}`];
}

/** The grouping's SELECT (without ORDER BY), its columns named d0…, m0…; parameters after the facts'. */
function groupedSelect<D extends string, M extends string>(
  facts: GroupedFacts<D, M>,
  dims: readonly D[],
  measures: readonly M[],
): { sql: string; params: unknown[]; flagged: boolean } {
  const byGroup = (values: string[]) => (values.length ? `GROUP BY ${values.join(", ")}` : "");
  const place = dims.some((d) => facts.dimensions[d].fromPlace) ? facts.place : undefined;
  if (!place) {
    const values = dims.map((d) => facts.dimensions[d].value);
    const select = [
      ...values.map((v, i) => `${v} AS d${i}`),
      ...measures.map((m, j) => `${facts.measures[m]} AS m${j}`),
    ];
    return {
      sql: `SELECT ${select.join(", ")} ${facts.source} ${byGroup(values)}`,
      params: facts.params,
      flagged: false,
    };
  }
  // By unit first (and the dimensions the facts hold), then by the place's dimensions too.
  const inner = dims.filter((d) => !facts.dimensions[d].fromPlace).map((d) => facts.dimensions[d].value);
  const unitGroup = [place.key, ...(place.epoch ? [place.epoch] : [])];
  const innerSelect = [
    ...inner.map((v, i) => `${v} AS f${i}`),
    `${place.key} AS unit_key`,
    ...(place.epoch ? [`${place.epoch} AS epoch`] : []),
    ...measures.map((m, j) => `${facts.measures[m]} AS m${j}`),
  ];
  let k = 0;
  const outer = dims.map((d) => (facts.dimensions[d].fromPlace ? facts.dimensions[d].value : `i.f${k++}`));
  const select = [
    ...outer.map((v, i) => `${v} AS d${i}`),
    ...measures.map((_, j) => `SUM(i.m${j}) AS m${j}`),
    ...(place.flag ? [`MAX(s.${place.flag}) AS fx`] : []),
  ];
  return {
    sql: `SELECT ${select.join(", ")}
      FROM (SELECT ${innerSelect.join(", ")} ${facts.source} ${byGroup([...inner, ...unitGroup])}) i
      JOIN ${place.table.sql} ON s.${place.column} = i.unit_key${place.epoch ? " AND s.epoch = i.epoch" : ""}
      ${byGroup(outer)}`,
    params: [...facts.params, ...place.table.params],
    flagged: !!place.flag,
  };
}

/**
 * Runs the grouping. `measureOf` names the measure each sortable measure field stands for
 * (`HOUSEHOLDS` → `households`); the grouping is already checked (checkGrouping). `flagged`: some
 * group (returned or cut by `first`) holds facts of a place whose flag column is '1'.
 */
export async function runGrouping<D extends string, M extends string, F extends string>(
  ds: DataSource,
  facts: GroupedFacts<D, M>,
  grouping: Grouping<D, F>,
  measureOf: Partial<Record<F, M>>,
): Promise<{ rows: GroupRow<D, M>[]; totalRows: number; flagged: boolean }> {
  const dims = grouping.groupBy;
  const measures = Object.keys(facts.measures) as M[];
  const dimColumn = (d: D) => `g.d${dims.indexOf(d)}`;
  const measureColumn = (m: M) => `g.m${measures.indexOf(m)}`;

  const order: string[] = [];
  for (const o of grouping.orderBy ?? []) {
    const direction = o.direction ?? SortDirection.DESC;
    const measure = measureOf[o.by];
    if (measure) order.push(`${measureColumn(measure)} ${direction}`);
    else order.push(...sortTerms(dimColumn(o.by as string as D), facts.dimensions[o.by as string as D], direction));
  }
  // Ties, and the default order: the grouped dimensions in the order they were named.
  for (const d of dims) {
    if (!(grouping.orderBy ?? []).some((o) => (o.by as string) === d))
      order.push(...sortTerms(dimColumn(d), facts.dimensions[d], SortDirection.ASC));
  }

  const grouped = groupedSelect(facts, dims, measures);
  const sql = `SELECT g.*, COUNT(*) OVER () AS total_rows${grouped.flagged ? ", MAX(g.fx) OVER () AS any_flag" : ""}
    FROM (${grouped.sql}) g
    WHERE ${measureColumn(facts.countedBy)} > 0
    ${order.length ? `ORDER BY ${order.join(", ")}` : ""}
    LIMIT ?`;
  const raw = (await ds.query(placeholders(ds, sql), [...grouped.params, aggregateRowLimit(grouping.first)])) as Record<
    string,
    string | number | null
  >[];
  return {
    totalRows: raw.length ? Number(raw[0]!.total_rows) : 0,
    flagged: raw.length > 0 && String(raw[0]!.any_flag) === "1",
    rows: raw.map((r) => ({
      dimensions: Object.fromEntries(dims.map((d, i) => [d, r[`d${i}`] ?? null])) as Partial<
        Record<D, string | number | null>
      >,
      measures: Object.fromEntries(measures.map((m, j) => [m, r[`m${j}`] ?? null])) as Record<
        M,
        string | number | null
      >,
    })),
  };
}
