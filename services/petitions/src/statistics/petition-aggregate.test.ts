import { after, before, describe, it } from "node:test";
import assert from "node:assert/strict";
import { childrenOf, communesIn, districtOf } from "@danvan/kit";
import { latestUnit, unitByCode } from "@danvan/kit/units";
import { ANALYST, startHarness, type Harness } from "../testing/harness.js";
import { PetitionKind, PetitionStatus } from "../petitions/petition-graphql-enums.js";
import { aggregateQueries, ALL_YEARS, MEASURES, pick, sum, sums, type Row } from "./petition-aggregate.fixture.js";

describe("petitionAggregate: its figures", () => {
  let h: Harness;
  before(async () => {
    h = await startHarness();
  });
  after(async () => h.close());
  const { aggregate, statistics } = aggregateQueries(() => h);

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

  it("groups a commune's petitions under its district and itself", async () => {
    // A code no 2025 commune took: it names the old commune alone.
    const commune = communesIn("886").find(
      (c) => latestUnit(c)!.validTo !== null && unitByCode(c)!.level === "COMMUNE",
    )!;
    const a = await aggregate({ unitCode: commune, ...ALL_YEARS, groupBy: ["DISTRICT", "COMMUNE"] });
    assert.deepEqual(
      a.rows.map((r) => [r.district!.code, r.commune!.code]),
      [[districtOf(commune), commune]],
    );
    // A 2025 commune's figures are its predecessors', each under the commune and district of its day.
    const formed = await aggregate({ unitCode: "30307", ...ALL_YEARS, groupBy: ["DISTRICT", "COMMUNE"] });
    assert.deepEqual([...new Set(formed.rows.map((r) => r.district!.code))], ["883"]);
    const history = new Set(communesIn("30307"));
    assert.ok(formed.rows.length >= 1 && formed.rows.every((r) => history.has(r.commune!.code)));
    assert.ok(history.size === 7 && history.has("30285"), "Đông Xuyên, through Mỹ Xuyên, is in it");
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
