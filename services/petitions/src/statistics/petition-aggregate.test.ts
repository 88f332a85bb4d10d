import { after, before, describe, it } from "node:test";
import assert from "node:assert/strict";
import { ANONYMOUS, childrenOf, communesIn, districtOf, type Identity } from "@danvan/kit";
import { kitMessage, translate } from "@danvan/kit/i18n";
import { ADMIN, ANALYST, officerOf, startHarness, type Harness } from "../testing/harness.js";
import { PetitionKind, PetitionStatus } from "../petitions/petition-graphql-enums.js";

const AGGREGATE = `query($unitCode: ID!, $from: Date!, $to: Date!, $groupBy: [PetitionDimension!]!,
    $filter: PetitionAggregateFilter, $orderBy: [PetitionAggregateOrder!], $first: Int) {
  petitionAggregate(unitCode: $unitCode, from: $from, to: $to, groupBy: $groupBy, filter: $filter, orderBy: $orderBy, first: $first) {
    totalRows
    rows { district { code } commune { code } month quarter year kind status onTime
           received resolved resolvedOnTime overdue medianDaysToResolve suppressed }
  }
}`;
const STATISTICS = `query($unitCode: ID!, $from: Date!, $to: Date!) {
  petitionStatistics(unitCode: $unitCode, from: $from, to: $to) {
    received resolved resolvedOnTime overdue medianDaysToResolve byKind { kind received resolved resolvedOnTime overdue }
  }
}`;

interface Row {
  district: { code: string } | null;
  commune: { code: string } | null;
  month: string | null;
  quarter: string | null;
  year: string | null;
  kind: PetitionKind | null;
  status: PetitionStatus | null;
  onTime: boolean | null;
  received: number | null;
  resolved: number | null;
  resolvedOnTime: number | null;
  overdue: number | null;
  medianDaysToResolve: number | null;
  suppressed: boolean;
}
interface Figures {
  received: number;
  resolved: number;
  resolvedOnTime: number;
  overdue: number;
  medianDaysToResolve: number | null;
  byKind: { kind: PetitionKind; received: number; resolved: number; resolvedOnTime: number; overdue: number }[];
}
type Args = { unitCode: string; from: string; to: string; groupBy: string[] } & Record<string, unknown>;

const ALL_YEARS = { from: "2015-01-01", to: "2020-12-31" };
const MEASURES = ["received", "resolved", "resolvedOnTime", "overdue"] as const;

describe("petitionAggregate", () => {
  let h: Harness;
  before(async () => {
    h = await startHarness();
  });
  after(async () => h.close());

  async function aggregate(args: Args, identity: Identity = ANALYST) {
    const r = await h.run(AGGREGATE, { identity, variables: args });
    assert.equal(r.errors, undefined, JSON.stringify(r.errors));
    return r.data!.petitionAggregate as { rows: Row[]; totalRows: number };
  }
  async function statistics(unitCode: string, from: string, to: string): Promise<Figures> {
    const r = await h.run(STATISTICS, { variables: { unitCode, from, to } });
    assert.equal(r.errors, undefined, JSON.stringify(r.errors));
    return r.data!.petitionStatistics as Figures;
  }
  const sum = (rows: Row[], m: (typeof MEASURES)[number]) => rows.reduce((a, r) => a + (r[m] ?? 0), 0);
  const sums = (rows: Row[]) => Object.fromEntries(MEASURES.map((m) => [m, sum(rows, m)]));
  const pick = (f: Figures) => Object.fromEntries(MEASURES.map((m) => [m, f[m]]));

  it("groups by every dimension alone, each adding up to petitionStatistics", async () => {
    const expected = await statistics("89", ALL_YEARS.from, ALL_YEARS.to);
    assert.ok(expected.received > 500 && expected.resolved > 0 && expected.overdue > 0, "the seed has figures");
    const districts = new Set(childrenOf("89").map((u) => u.code));
    const communes = new Set(communesIn("89"));
    const wellFormed: Record<string, (r: Row) => boolean> = {
      DISTRICT: (r) => districts.has(r.district!.code),
      COMMUNE: (r) => communes.has(r.commune!.code),
      MONTH: (r) => /^20(1[5-9]|20)-(0[1-9]|1[0-2])$/.test(r.month!),
      QUARTER: (r) => /^20(1[5-9]|20)-Q[1-4]$/.test(r.quarter!),
      YEAR: (r) => /^20(1[5-9]|20)$/.test(r.year!),
      KIND: (r) => Object.values(PetitionKind).includes(r.kind!),
      STATUS: (r) => Object.values(PetitionStatus).includes(r.status!),
      ON_TIME: (r) => r.onTime === null || typeof r.onTime === "boolean",
    };
    const expectedGroups: Record<string, number> = { YEAR: 6, QUARTER: 24, MONTH: 72, KIND: 4, ON_TIME: 3 };
    for (const [dimension, ok] of Object.entries(wellFormed)) {
      const a = await aggregate({ unitCode: "89", ...ALL_YEARS, groupBy: [dimension], first: 1000 });
      assert.equal(a.totalRows, a.rows.length, dimension);
      assert.ok(a.rows.length > 1, dimension);
      assert.ok(a.rows.every(ok), `${dimension}: ${JSON.stringify(a.rows.find((r) => !ok(r)))}`);
      if (expectedGroups[dimension]) assert.equal(a.rows.length, expectedGroups[dimension], dimension);
      assert.deepEqual(sums(a.rows), pick(expected), dimension);
      // The other dimensions are null, and nothing is suppressed for an analyst.
      const others = Object.keys(wellFormed).filter((d) => d !== dimension);
      const field = (d: string) => (d === "ON_TIME" ? "onTime" : (d.toLowerCase() as keyof Row));
      for (const d of others) {
        assert.ok(
          a.rows.every((r) => r[field(d)] === null),
          `${dimension}: ${d} is null`,
        );
      }
      assert.ok(a.rows.every((r) => !r.suppressed));
    }
    // Districts in code order, years ascending, kinds in declaration order.
    const byDistrict = await aggregate({ unitCode: "89", ...ALL_YEARS, groupBy: ["DISTRICT"] });
    assert.deepEqual(
      byDistrict.rows.map((r) => r.district!.code),
      [...districts].sort(),
    );
    const byKind = await aggregate({ unitCode: "89", ...ALL_YEARS, groupBy: ["KIND"] });
    assert.deepEqual(
      byKind.rows.map((r) => r.kind),
      Object.values(PetitionKind),
    );
    // By kind, exactly petitionStatistics' byKind.
    assert.deepEqual(
      byKind.rows.map((r) => ({ kind: r.kind, ...Object.fromEntries(MEASURES.map((m) => [m, r[m]])) })),
      expected.byKind,
    );
  });

  it("adds up to petitionStatistics of the same unit and period in 2-, 3- and 4-dimension groupings", async () => {
    const groupings = [
      ["DISTRICT", "KIND"],
      ["QUARTER", "STATUS", "ON_TIME"],
      ["COMMUNE", "YEAR", "KIND", "ON_TIME"],
      ["MONTH", "DISTRICT", "STATUS"],
      ["ON_TIME", "KIND"],
    ];
    const cases = [
      { unitCode: "89", from: "2019-01-01", to: "2019-12-31" },
      { unitCode: "89", ...ALL_YEARS },
      { unitCode: "883", from: "2015-03-15", to: "2020-06-30" },
      { unitCode: "30280", ...ALL_YEARS },
    ];
    for (const c of cases) {
      const expected = await statistics(c.unitCode, c.from, c.to);
      assert.ok(expected.received > 0, c.unitCode);
      for (const groupBy of groupings) {
        const a = await aggregate({ ...c, groupBy, first: 1000 });
        assert.equal(a.totalRows, a.rows.length);
        assert.deepEqual(sums(a.rows), pick(expected), `${c.unitCode} ${c.from} ${groupBy.join(",")}`);
      }
      // No grouping: one row of totals, the median too.
      const total = await aggregate({ ...c, groupBy: [] });
      assert.equal(total.rows.length, 1);
      assert.equal(total.rows[0]!.medianDaysToResolve, expected.medianDaysToResolve);
      assert.deepEqual(sums(total.rows), pick(expected));
    }
  });

  it("gives each district the median days to resolve of its own petitionStatistics", async () => {
    const period = { from: "2016-01-01", to: "2019-12-31" };
    const a = await aggregate({ unitCode: "89", ...period, groupBy: ["DISTRICT"] });
    let even = 0;
    for (const row of a.rows) {
      const own = await statistics(row.district!.code, period.from, period.to);
      assert.equal(row.medianDaysToResolve, own.medianDaysToResolve, row.district!.code);
      assert.equal(row.received, own.received);
      if (own.resolved % 2 === 0) even++;
    }
    assert.ok(even > 0 && even < a.rows.length, "both the odd and the even case are met");
  });

  it("puts a resolved petition on time when petitionStatistics counts it so", async () => {
    const a = await aggregate({ unitCode: "89", ...ALL_YEARS, groupBy: ["ON_TIME", "STATUS"] });
    const expected = await statistics("89", ALL_YEARS.from, ALL_YEARS.to);
    const onTime = a.rows.filter((r) => r.onTime === true);
    const late = a.rows.filter((r) => r.onTime === false);
    const open = a.rows.filter((r) => r.onTime === null);
    assert.ok(onTime.length && late.length && open.length);
    assert.ok([...onTime, ...late].every((r) => r.status === PetitionStatus.RESOLVED));
    assert.ok(open.every((r) => r.status !== PetitionStatus.RESOLVED && r.resolved === 0));
    assert.equal(sum(onTime, "resolvedOnTime"), expected.resolvedOnTime);
    assert.equal(sum(onTime, "received"), expected.resolvedOnTime);
    assert.equal(sum(late, "resolvedOnTime"), 0);
    assert.equal(sum(late, "overdue"), sum(late, "received"), "resolved after the deadline is overdue");
    assert.equal(sum(onTime, "overdue"), 0);
  });

  it("computes the median when it is read, through fragments too, or sorted by", async () => {
    const args = { unitCode: "89", ...ALL_YEARS, groupBy: ["DISTRICT", "KIND"], first: 1000 };
    const full = await aggregate(args);
    assert.ok(full.rows.every((r) => r.medianDaysToResolve !== null));
    const medians = full.rows.map((r) => r.medianDaysToResolve);
    const field = `petitionAggregate(unitCode: $unitCode, from: $from, to: $to, groupBy: $groupBy, first: $first, orderBy: $orderBy)`;
    const head = `query($unitCode: ID!, $from: Date!, $to: Date!, $groupBy: [PetitionDimension!]!, $first: Int, $orderBy: [PetitionAggregateOrder!])`;
    const ask = async (query: string, orderBy?: unknown) => {
      const r = await h.run(query, { identity: ANALYST, variables: { ...args, orderBy } });
      assert.equal(r.errors, undefined, JSON.stringify(r.errors));
      return (r.data!.petitionAggregate as { rows: Record<string, unknown>[] }).rows;
    };
    const spread = await ask(
      `${head} { ${field} { rows { ...Median } } } fragment Median on PetitionAggregateRow { medianDaysToResolve }`,
    );
    assert.deepEqual(
      spread.map((r) => r.medianDaysToResolve),
      medians,
    );
    const inline = await ask(
      `${head} { ${field} { rows { ... on PetitionAggregateRow { m: medianDaysToResolve } } } }`,
    );
    assert.deepEqual(
      inline.map((r) => r.m),
      medians,
    );
    // Sorted by the median without reading it: the order of the rows that do read it.
    const orderBy = [{ by: "MEDIAN_DAYS_TO_RESOLVE", direction: "ASC" }];
    const sorted = await aggregate({ ...args, orderBy });
    const unread = await ask(`${head} { ${field} { rows { district { code } kind received } } }`, orderBy);
    assert.deepEqual(
      unread,
      sorted.rows.map((r) => ({ district: r.district, kind: r.kind, received: r.received })),
    );
    const ms = sorted.rows.map((r) => r.medianDaysToResolve!);
    assert.deepEqual(
      ms,
      [...ms].sort((a, b) => a - b),
    );
    assert.notDeepEqual(
      unread.map((r) => r.received),
      full.rows.map((r) => r.received),
      "an order of its own",
    );
  });

  it("filters by kind and status", async () => {
    const expected = await statistics("884", ALL_YEARS.from, ALL_YEARS.to);
    const complaints = await aggregate({
      unitCode: "884",
      ...ALL_YEARS,
      groupBy: ["YEAR"],
      filter: { kinds: ["COMPLAINT"] },
    });
    const { kind: _kind, ...complaintFigures } = expected.byKind.find((k) => k.kind === "COMPLAINT")!;
    assert.deepEqual(sums(complaints.rows), complaintFigures);
    const two = await aggregate({
      unitCode: "884",
      ...ALL_YEARS,
      groupBy: ["KIND"],
      filter: { kinds: ["DENUNCIATION", "REFLECTION"] },
    });
    assert.deepEqual(
      two.rows.map((r) => r.kind),
      ["DENUNCIATION", "REFLECTION"],
    );
    const resolved = await aggregate({
      unitCode: "884",
      ...ALL_YEARS,
      groupBy: ["STATUS"],
      filter: { statuses: ["RESOLVED"] },
    });
    assert.deepEqual(
      resolved.rows.map((r) => [r.status, r.received, r.resolved]),
      [["RESOLVED", expected.resolved, expected.resolved]],
    );
    // An empty list would match nothing: refused by path, as every aggregate does.
    const none = await h.run(AGGREGATE, {
      identity: ANALYST,
      variables: { unitCode: "884", ...ALL_YEARS, groupBy: ["KIND"], filter: { kinds: [] } },
    });
    assert.deepEqual(none.errors?.[0]?.extensions?.fields, [
      { path: "filter.kinds", message: "must have at least one item" },
    ]);
  });

  it("sorts by a measure or a dimension, then in dimension order, and keeps `first` rows of totalRows", async () => {
    const base = { unitCode: "89", ...ALL_YEARS };
    const all = await aggregate({ ...base, groupBy: ["DISTRICT", "KIND"], first: 1000 });
    const top = await aggregate({
      ...base,
      groupBy: ["DISTRICT", "KIND"],
      orderBy: [{ by: "RECEIVED" }],
      first: 5,
    });
    assert.equal(top.rows.length, 5);
    assert.equal(top.totalRows, all.totalRows);
    const expectedTop = [...all.rows]
      .sort(
        (a, b) =>
          b.received! - a.received! ||
          a.district!.code.localeCompare(b.district!.code) ||
          Object.values(PetitionKind).indexOf(a.kind!) - Object.values(PetitionKind).indexOf(b.kind!),
      )
      .slice(0, 5);
    assert.deepEqual(top.rows, expectedTop);
    // Default: dimension order, in the grouping's order (kind first here).
    const kindFirst = await aggregate({ ...base, groupBy: ["KIND", "DISTRICT"], first: 1000 });
    const kinds = Object.values(PetitionKind) as string[];
    for (let i = 1; i < kindFirst.rows.length; i++) {
      const [a, b] = [kindFirst.rows[i - 1]!, kindFirst.rows[i]!];
      const cmp = kinds.indexOf(a.kind!) - kinds.indexOf(b.kind!) || a.district!.code.localeCompare(b.district!.code);
      assert.ok(cmp < 0, `row ${i} in order`);
    }
    // A dimension descending; ascending by a measure.
    const yearsDown = await aggregate({ ...base, groupBy: ["YEAR"], orderBy: [{ by: "YEAR", direction: "DESC" }] });
    assert.deepEqual(
      yearsDown.rows.map((r) => r.year),
      ["2020", "2019", "2018", "2017", "2016", "2015"],
    );
    const kindsDown = await aggregate({ ...base, groupBy: ["KIND"], orderBy: [{ by: "KIND" }] });
    assert.deepEqual(
      kindsDown.rows.map((r) => r.kind),
      [...kinds].reverse(),
    );
    const fewestOverdue = await aggregate({
      ...base,
      groupBy: ["DISTRICT"],
      orderBy: [{ by: "OVERDUE", direction: "ASC" }, { by: "RECEIVED" }],
    });
    const overdue = fewestOverdue.rows.map((r) => r.overdue!);
    assert.deepEqual(
      overdue,
      [...overdue].sort((a, b) => a - b),
    );
    // A median sorts with the groups that have none (nothing resolved) last, either way.
    for (const direction of ["ASC", "DESC"]) {
      const m = await aggregate({
        ...base,
        groupBy: ["STATUS"],
        orderBy: [{ by: "MEDIAN_DAYS_TO_RESOLVE", direction }],
      });
      assert.equal(m.rows[0]!.status, "RESOLVED");
      assert.ok(m.rows.slice(1).every((r) => r.medianDaysToResolve === null));
    }
    // `first` keeps the first rows of the same order.
    const first3 = await aggregate({ ...base, groupBy: ["KIND", "DISTRICT"], first: 3 });
    assert.deepEqual(first3.rows, kindFirst.rows.slice(0, 3));
    assert.equal(first3.totalRows, kindFirst.totalRows);
    const defaulted = await aggregate({ ...base, groupBy: ["COMMUNE", "YEAR"] });
    assert.equal(defaulted.rows.length, 100);
    assert.ok(defaulted.totalRows > 100);
  });

  it("refuses each fault of the arguments by path, in English and in Vietnamese, never quoting a value", async () => {
    const ok = { unitCode: "89", ...ALL_YEARS, groupBy: ["KIND"] };
    const faults: [Args, string, string, ReturnType<typeof kitMessage>][] = [
      [{ ...ok, groupBy: ["KIND", "DISTRICT", "KIND"] }, "BAD_USER_INPUT", "groupBy.2", kitMessage("dimensionTwice")],
      [
        { ...ok, groupBy: ["KIND", "DISTRICT", "YEAR", "STATUS", "ON_TIME"] },
        "BAD_USER_INPUT",
        "groupBy",
        kitMessage("arrayMaxSize", { max: 4 }),
      ],
      [{ ...ok, orderBy: [{ by: "DISTRICT" }] }, "BAD_USER_INPUT", "orderBy.0.by", kitMessage("sortNotGrouped")],
      [{ ...ok, first: 0 }, "BAD_USER_INPUT", "first", kitMessage("between", { min: 1, max: 1000 })],
      [{ ...ok, first: 1001 }, "BAD_USER_INPUT", "first", kitMessage("between", { min: 1, max: 1000 })],
      [
        { ...ok, from: "2020-01-02", to: "2020-01-01" },
        "BAD_USER_INPUT",
        "from",
        kitMessage("notAfter", { other: "to" }),
      ],
      [{ ...ok, unitCode: "8x3" }, "BAD_USER_INPUT", "unitCode", kitMessage("unitCode")],
      [{ ...ok, unitCode: "99999" }, "NOT_FOUND", "unitCode", kitMessage("doesNotExist")],
    ];
    for (const [variables, code, path, message] of faults) {
      const texts: string[] = [];
      for (const language of ["en", "vi"] as const) {
        const r = await h.run(AGGREGATE, { identity: ANALYST, variables, language });
        assert.equal(r.data?.petitionAggregate, null, path);
        const e = r.errors?.[0];
        assert.equal(e?.extensions?.code, code, `${path}: ${JSON.stringify(r.errors)}`);
        assert.deepEqual(e?.extensions?.fields, [{ path, message: translate(message, language) }], path);
        assert.doesNotMatch(JSON.stringify(r.errors), /8x3|99999|2020-01-0|1001/, path);
        texts.push(translate(message, language));
      }
      assert.notEqual(texts[0], texts[1], `${path}: both languages`);
    }
    // All of a grouping's faults at once.
    const r = await h.run(AGGREGATE, {
      identity: ANALYST,
      variables: { ...ok, groupBy: ["KIND", "KIND"], orderBy: [{ by: "YEAR" }], first: 5000 },
    });
    assert.deepEqual(
      (r.errors?.[0]?.extensions?.fields as { path: string }[]).map((f) => f.path),
      ["groupBy.1", "orderBy.0.by", "first"],
    );
  });

  it("suppresses the public's cells of 1 to 4 petitions; analysts, administrators and officers in scope see all", async () => {
    const args = { unitCode: "883", ...ALL_YEARS, groupBy: ["YEAR", "KIND"], first: 1000 };
    const full = await aggregate(args, ANALYST);
    const small = full.rows.filter((r) => r.received! > 0 && r.received! < 5);
    assert.ok(
      full.rows.some((r) => r.received! >= 5),
      "and large ones",
    );
    assert.ok(small.length > 0, "the grouping has small cells");
    const key = (r: Row) => `${r.year}/${r.kind}`;
    const smallKeys = new Set(small.map(key));

    for (const who of [ANONYMOUS, officerOf("884"), { sub: "h", roles: ["HANDLING_OFFICER" as const] }]) {
      const pub = await aggregate(args, who);
      assert.equal(pub.totalRows, full.totalRows);
      for (const r of pub.rows) {
        if (smallKeys.has(key(r))) {
          assert.equal(r.suppressed, true, key(r));
          assert.deepEqual(
            [r.received, r.resolved, r.resolvedOnTime, r.overdue, r.medianDaysToResolve],
            [null, null, null, null, null],
          );
        } else {
          assert.equal(r.suppressed, false, key(r));
          assert.ok(r.received! >= 5);
        }
      }
    }
    for (const who of [ANALYST, ADMIN, officerOf("883"), officerOf("89")]) {
      const seen = await aggregate(args, who);
      assert.deepEqual(seen, full);
      assert.ok(seen.rows.every((r) => !r.suppressed));
    }

    // An officer elsewhere in the province sees their own district's row in full, others' as the public.
    const byDistrict = { unitCode: "89", from: "2019-07-01", to: "2019-09-30", groupBy: ["DISTRICT"] };
    const analystView = await aggregate(byDistrict, ANALYST);
    const officerView = await aggregate(byDistrict, officerOf("883"));
    const publicView = await aggregate(byDistrict, ANONYMOUS);
    const smallDistricts = analystView.rows
      .filter((r) => r.received! > 0 && r.received! < 5)
      .map((r) => r.district!.code);
    assert.ok(
      smallDistricts.includes("883") && smallDistricts.length > 1,
      "the quarter has small districts, 883 among them",
    );
    for (const r of officerView.rows) {
      const mine = r.district!.code === "883";
      assert.equal(r.suppressed, !mine && smallDistricts.includes(r.district!.code), r.district!.code);
    }
    assert.equal(publicView.rows.find((r) => r.district!.code === "883")!.suppressed, true);
    // A commune officer's commune is inside 883, so grouped by district 883 stays suppressed for them.
    const communeOfficer = await aggregate(byDistrict, officerOf(communesIn("883")[0]!));
    assert.equal(communeOfficer.rows.find((r) => r.district!.code === "883")!.suppressed, true);
    // Sorted by a measure, suppressed cells come last for the public, so the order hides their counts.
    const sorted = await aggregate({ ...byDistrict, orderBy: [{ by: "RECEIVED", direction: "ASC" }] }, ANONYMOUS);
    const firstSuppressed = sorted.rows.findIndex((r) => r.suppressed);
    assert.ok(firstSuppressed > 0);
    assert.ok(sorted.rows.slice(firstSuppressed).every((r) => r.suppressed));
    assert.deepEqual(
      sorted.rows.slice(firstSuppressed).map((r) => r.district!.code),
      smallDistricts.sort(),
    );
  });

  it("groups a commune's petitions under its district and itself", async () => {
    const commune = communesIn("886")[2]!;
    const a = await aggregate({ unitCode: commune, ...ALL_YEARS, groupBy: ["DISTRICT", "COMMUNE"] });
    assert.deepEqual(
      a.rows.map((r) => [r.district!.code, r.commune!.code]),
      [[districtOf(commune), commune]],
    );
    const months = await aggregate({ unitCode: "89", from: "2019-01-01", to: "2019-06-30", groupBy: ["MONTH"] });
    const quarters = await aggregate({ unitCode: "89", from: "2019-01-01", to: "2019-06-30", groupBy: ["QUARTER"] });
    assert.deepEqual(
      months.rows.map((r) => r.month),
      ["2019-01", "2019-02", "2019-03", "2019-04", "2019-05", "2019-06"],
    );
    assert.deepEqual(
      quarters.rows.map((r) => [r.quarter, r.received]),
      [
        ["2019-Q1", sum(months.rows.slice(0, 3), "received")],
        ["2019-Q2", sum(months.rows.slice(3), "received")],
      ],
    );
  });
});
