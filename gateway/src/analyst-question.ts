/**
 * The analyst page's question and its faults: the GraphQL document and variables of a grouping,
 * and the page's control an input fault's path names.
 *
 * These functions run in the browser (analyst-logic.ts serves them from their own compiled
 * source): each uses nothing but its arguments, the language's built-ins and the other functions
 * of LOGIC_FUNCTIONS, by name.
 */
import type { ModelAggregate } from "./analyst-model.js";

/** What the analyst picked. */
export interface AggregateChoice {
  aggregate: string;
  unitCode: string;
  year?: number | null;
  from?: string | null;
  to?: string | null;
  asOf?: string | null;
  /** The map the places are on (`UnitMap`), sent to the aggregates that take it; AS_RECORDED when not given. */
  map?: "AS_RECORDED" | "TODAY" | null;
  groupBy: string[];
  /** Filter fields: lists of enum values, whole numbers; empty ones are left out. */
  filter: Record<string, unknown>;
  orderBy?: { by: string; direction: "ASC" | "DESC" } | null;
  first?: number | null;
}

/** What the page POSTs to /graphql. */
export interface AggregateRequest {
  operationName: string;
  query: string;
  variables: Record<string, unknown>;
}

/**
 * The GraphQL document and variables of a grouping: one named query with a variable for each
 * argument given (`map` always, where the aggregate takes it, so that a copied query says which
 * map its places are on), the grouped dimensions (a place as `{ code name }`) and every measure
 * selected, `suppressed` where the aggregate has it, `totalRows`, and `coverage` where the
 * aggregate answers it.
 */
export function buildAggregateRequest(aggregate: ModelAggregate, choice: AggregateChoice): AggregateRequest {
  const args: [string, string, unknown][] = [["unitCode", "ID!", choice.unitCode]];
  const p = aggregate.period;
  if (p === "year") args.push(["year", "Int!", choice.year]);
  if (p === "range") args.push(["from", "Date!", choice.from], ["to", "Date!", choice.to]);
  if (p === "optionalRange") {
    if (choice.from) args.push(["from", "Date", choice.from]);
    if (choice.to) args.push(["to", "Date", choice.to]);
  }
  if (p === "asOf" && choice.asOf) args.push(["asOf", "Date", choice.asOf]);
  if (aggregate.map) args.push(["map", "UnitMap", choice.map || "AS_RECORDED"]);
  args.push(["groupBy", `[${aggregate.prefix}Dimension!]!`, choice.groupBy.slice()]);
  const filter: Record<string, unknown> = {};
  for (const f of aggregate.filters) {
    const v = choice.filter[f.field];
    if (Array.isArray(v) ? v.length > 0 : v !== undefined && v !== null && v !== "") filter[f.field] = v;
  }
  if (Object.keys(filter).length > 0) args.push(["filter", `${aggregate.prefix}AggregateFilter`, filter]);
  if (choice.orderBy) {
    args.push([
      "orderBy",
      `[${aggregate.prefix}AggregateOrder!]`,
      [{ by: choice.orderBy.by, direction: choice.orderBy.direction }],
    ]);
  }
  if (choice.first !== undefined && choice.first !== null) args.push(["first", "Int", choice.first]);

  const operationName = `${aggregate.prefix}Aggregate`;
  const selection: string[] = [];
  for (const name of choice.groupBy) {
    const d = aggregate.dimensions.find((x) => x.name === name);
    if (!d) continue;
    if (d.kind === "place") selection.push(`${d.field} {`, "  code", "  name", "}");
    else selection.push(d.field);
  }
  for (const m of aggregate.measures) selection.push(m.field);
  if (aggregate.suppressed) selection.push("suppressed");
  const unitList = (field: string) => [`  ${field} {`, "    code", "    name", "  }"];
  const coverage = aggregate.coverage
    ? [
        "coverage {",
        "  complete",
        "  approximate",
        ...unitList("uncoveredUnits"),
        ...unitList("countedWholeUnits"),
        "}",
      ]
    : [];
  const query = [
    `query ${operationName}(${args.map(([name, type]) => `$${name}: ${type}`).join(", ")}) {`,
    `  ${aggregate.field}(${args.map(([name]) => `${name}: $${name}`).join(", ")}) {`,
    "    rows {",
    ...selection.map((line) => `      ${line}`),
    "    }",
    "    totalRows",
    ...coverage.map((line) => `    ${line}`),
    "  }",
    "}",
    "",
  ].join("\n");
  const variables: Record<string, unknown> = {};
  for (const [name, , value] of args) variables[name] = value;
  return { operationName, query, variables };
}

/**
 * The page's control an input fault's path names (`extensions.fields[].path`): `groupBy.1` is
 * the second dimension, `filter.kinds.0` the kinds filter, `orderBy.0.by` the sort; null when
 * the path names none.
 */
export function controlOfPath(path: string): string | null {
  const parts = path.split(".");
  const head = parts[0];
  if (head === "unitCode") return "unit";
  if (head === "asOf") return "as-of";
  if (head === "map") return "map";
  if (head === "year" || head === "from" || head === "to" || head === "first") return head;
  if (head === "groupBy") {
    const i = Number(parts[1]);
    return Number.isInteger(i) && i >= 0 && i < 4 ? `dim-${i + 1}` : "dim-1";
  }
  if (head === "orderBy") return parts[2] === "direction" ? "direction" : "sort";
  if (head === "filter" && parts[1]) return `filter-${parts[1]}`;
  return null;
}
