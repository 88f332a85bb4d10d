import { after, before, describe, it } from "node:test";
import assert from "node:assert/strict";
import { districtOf, subtreeCodes, unitByCode } from "@danvan/kit";
import { startHarness, type Harness } from "../testing/harness.js";
import {
  answerValue,
  assertSameGroups,
  buckets,
  dataOf,
  fieldOf,
  fold,
  groupsOf,
  marks,
  sql,
  type Fact,
} from "./aggregate-oracle.fixture.js";

const QUERY = `query($unit: ID!, $from: Date!, $to: Date!, $groupBy: [ContributionDimension!]!,
    $filter: ContributionAggregateFilter, $orderBy: [ContributionAggregateOrder!], $first: Int) {
  contributionAggregate(unitCode: $unit, from: $from, to: $to, groupBy: $groupBy, filter: $filter, orderBy: $orderBy, first: $first) {
    rows { district { code } commune { code } month quarter year form donorKind fundLevel contributions amountVnd }
    totalRows
  }
  fundSummary(unitCode: $unit, from: $from, to: $to) { raisedVnd }
}`;

interface Answer {
  contributionAggregate: { rows: Record<string, unknown>[]; totalRows: number };
  fundSummary: { raisedVnd: number | string };
}

const ALONE = ["DISTRICT", "COMMUNE", "MONTH", "QUARTER", "YEAR", "FORM", "DONOR_KIND", "FUND_LEVEL"];
const GROUPINGS = [
  ...ALONE.map((d) => [d]),
  ["YEAR", "FORM"],
  ["DISTRICT", "DONOR_KIND", "FUND_LEVEL"],
  ["FUND_LEVEL", "QUARTER", "FORM", "DONOR_KIND"],
  [],
];

describe("contributionAggregate: contributions over a period, grouped, equal fundSummary.raisedVnd and the receipts", () => {
  let h: Harness;
  before(async () => {
    h = await startHarness();
  });
  after(async () => h.close());

  /** The contributions received in the period by the funds of the unit's subtree. */
  const facts = async (unitCode: string, from: string, to: string): Promise<Fact[]> => {
    const units = subtreeCodes(unitCode);
    const rows = await sql(
      h,
      `SELECT unit_code, received_on, form, donor_kind, amount_vnd FROM contribution
        WHERE unit_code IN (${marks(units)}) AND received_on >= ? AND received_on <= ?`,
      [...units, from, to],
    );
    return rows.map((r) => {
      const unit = unitByCode(String(r.unit_code))!;
      return {
        dims: {
          DISTRICT: unit.level === "PROVINCE" ? null : unit.level === "DISTRICT" ? unit.code : districtOf(unit.code),
          COMMUNE: unit.level === "COMMUNE" ? unit.code : null,
          ...buckets(String(r.received_on)),
          FORM: String(r.form),
          DONOR_KIND: String(r.donor_kind),
          FUND_LEVEL: unit.level,
        },
        measures: { contributions: 1n, amountVnd: BigInt(String(r.amount_vnd)) },
      };
    });
  };

  const ask = async (variables: Record<string, unknown>) => (await dataOf(h, QUERY, variables)) as unknown as Answer;

  for (const [unit, from, to] of [
    ["89", "2010-01-01", "2019-12-31"],
    ["883", "2017-03-15", "2019-11-20"],
    ["30280", "2010-01-01", "2019-12-31"],
  ] as const) {
    it(`${unit} from ${from} to ${to}: every grouping equals the receipts and adds up to raisedVnd`, async () => {
      const all = await facts(unit, from, to);
      assert.ok(all.length > 0);
      for (const groupBy of GROUPINGS) {
        const a = await ask({ unit, from, to, groupBy, first: 1000 });
        const { rows, totalRows } = a.contributionAggregate;
        assert.equal(totalRows, rows.length, `${groupBy.join("+")}: every group fits in 1,000 rows`);
        assertSameGroups(
          groupsOf(rows, groupBy, answerValue, ["contributions", "amountVnd"]),
          fold(all, groupBy),
          `${unit} ${groupBy.join("+")}`,
        );
        assert.equal(
          rows.reduce((s, r) => s + BigInt(String(r.amountVnd)), 0n),
          BigInt(String(a.fundSummary.raisedVnd)),
          `${groupBy.join("+")} adds up to raisedVnd`,
        );
        for (const field of ALONE.map(fieldOf))
          if (!groupBy.some((d) => fieldOf(d) === field))
            assert.ok(
              rows.every((r) => r[field] === null),
              `${field} is null when not grouped`,
            );
      }
    });
  }

  it("names the province's fund with no district and a district's fund with no commune", async () => {
    const a = await ask({
      unit: "89",
      from: "2019-01-01",
      to: "2019-12-31",
      groupBy: ["FUND_LEVEL", "DISTRICT", "COMMUNE"],
      first: 1000,
    });
    const rows = a.contributionAggregate.rows;
    const province = rows.filter((r) => r.fundLevel === "PROVINCE");
    assert.equal(province.length, 1);
    assert.deepEqual([province[0]!.district, province[0]!.commune], [null, null]);
    assert.ok(rows.filter((r) => r.fundLevel === "DISTRICT").every((r) => r.district !== null && r.commune === null));
    assert.ok(rows.filter((r) => r.fundLevel === "COMMUNE").every((r) => r.district !== null && r.commune !== null));
    assert.equal(rows[0]!.fundLevel, "PROVINCE", "levels in declaration order");
  });

  it("filters by form, donor kind and fund level", async () => {
    const [unit, from, to] = ["89", "2015-01-01", "2019-12-31"];
    const all = await facts(unit, from, to);
    const cases: [Record<string, unknown>, (f: Fact) => boolean][] = [
      [{ forms: ["IN_KIND"] }, (f) => f.dims.FORM === "IN_KIND"],
      [{ donorKinds: ["ANONYMOUS", "PERSON"] }, (f) => f.dims.DONOR_KIND !== "ORGANISATION"],
      [{ fundLevels: ["DISTRICT", "PROVINCE"] }, (f) => f.dims.FUND_LEVEL !== "COMMUNE"],
      [
        { forms: ["CASH"], donorKinds: ["ORGANISATION"], fundLevels: ["COMMUNE"] },
        (f) => f.dims.FORM === "CASH" && f.dims.DONOR_KIND === "ORGANISATION" && f.dims.FUND_LEVEL === "COMMUNE",
      ],
    ];
    for (const [filter, keep] of cases) {
      const groupBy = ["DISTRICT", "YEAR"];
      const a = await ask({ unit, from, to, groupBy, filter, first: 1000 });
      const expected = fold(all.filter(keep), groupBy);
      assert.ok(expected.size > 0, JSON.stringify(filter));
      assertSameGroups(
        groupsOf(a.contributionAggregate.rows, groupBy, answerValue, ["contributions", "amountVnd"]),
        expected,
        JSON.stringify(filter),
      );
    }
    const none = await ask({ unit: "883", from, to, groupBy: ["YEAR"], filter: { fundLevels: ["PROVINCE"] } });
    assert.deepEqual(none.contributionAggregate, { rows: [], totalRows: 0 });
  });

  it("sorts by the amount, first keeps the top rows and totalRows counts them all", async () => {
    const base = { unit: "89", from: "2010-01-01", to: "2019-12-31", groupBy: ["DISTRICT", "YEAR"] };
    const every = (await ask({ ...base, first: 1000 })).contributionAggregate.rows;
    const top = (await ask({ ...base, orderBy: [{ by: "AMOUNT_VND" }], first: 4 })).contributionAggregate;
    assert.equal(top.totalRows, every.length);
    assert.deepEqual(
      top.rows.map((r) => BigInt(String(r.amountVnd))),
      every
        .map((r) => BigInt(String(r.amountVnd)))
        .sort((x, y) => (y > x ? 1 : y < x ? -1 : 0))
        .slice(0, 4),
    );
    // The default: districts by code (the province's own fund, with none, last), years ascending.
    const keys = every.map((r) => [(r.district as { code: string } | null)?.code ?? "~", String(r.year)]);
    const byText = (x: string, y: string) => (x < y ? -1 : x > y ? 1 : 0);
    assert.deepEqual(
      keys,
      [...keys].sort((x, y) => byText(x[0]!, y[0]!) || byText(x[1]!, y[1]!)),
    );
    assert.equal(keys.at(-1)![0], "~");
  });
});
