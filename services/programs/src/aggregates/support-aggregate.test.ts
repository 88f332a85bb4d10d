import { after, before, describe, it } from "node:test";
import assert from "node:assert/strict";
import { communesIn, districtOf, unitByCode } from "@danvan/kit";
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

const QUERY = `query($unit: ID!, $from: Date!, $to: Date!, $groupBy: [SupportDimension!]!, $filter: SupportAggregateFilter,
    $orderBy: [SupportAggregateOrder!], $first: Int) {
  supportAggregate(unitCode: $unit, from: $from, to: $to, groupBy: $groupBy, filter: $filter, orderBy: $orderBy, first: $first) {
    rows { district { code } commune { code } month quarter year kind fundingSource recipientStatus events amountVnd }
    totalRows
  }
  fundSummary(unitCode: $unit, from: $from, to: $to) { supportVisits supportEvents supportByKind { kind visits amountVnd } }
}`;

interface Answer {
  supportAggregate: { rows: Record<string, unknown>[]; totalRows: number };
  fundSummary: {
    supportVisits: number;
    supportEvents: number;
    supportByKind: { kind: string; visits: number; amountVnd: number | string }[];
  };
}

const ALONE = ["DISTRICT", "COMMUNE", "MONTH", "QUARTER", "YEAR", "KIND", "FUNDING_SOURCE", "RECIPIENT_STATUS"];
const GROUPINGS = [
  ...ALONE.map((d) => [d]),
  ["MONTH", "KIND"],
  ["DISTRICT", "FUNDING_SOURCE", "RECIPIENT_STATUS"],
  ["DISTRICT", "YEAR", "KIND", "RECIPIENT_STATUS"],
  [],
];
const FIELDS = ALONE.map(fieldOf);
/** fundSummary.supportVisits' definition, spelt out here (the rule is support/published-visits.ts). */
const PUBLISHED_VISITS = {
  kinds: ["TET_GIFT", "EMERGENCY", "STUDY", "MEDICAL", "PRODUCTION"],
  recipientStatuses: ["POOR", "NEAR_POOR"],
};

/** Whole years, whole months, partial months at both ends, one month's middle, across a new year. */
const CASES = [
  ["89", "2019-01-01", "2019-12-31"],
  ["883", "2018-03-15", "2019-11-20"],
  ["30280", "2010-01-01", "2019-12-31"],
  ["89", "2019-02-01", "2019-04-30"],
  ["891", "2019-05-03", "2019-05-20"],
  ["89", "2018-12-15", "2019-01-20"],
] as const;

describe("supportAggregate: support events over a period, grouped, equal fundSummary and the events", () => {
  let h: Harness;
  let statusOf: Map<string, string>;
  let fundUnit: Map<string, string>;
  before(async () => {
    h = await startHarness();
    const reviews = await sql(h, "SELECT household_id, year, status FROM poverty_classification");
    statusOf = new Map(reviews.map((r) => [`${String(r.household_id)}:${String(r.year)}`, String(r.status)]));
    const funds = await sql(h, "SELECT id, unit_code FROM fund");
    fundUnit = new Map(funds.map((f) => [String(f.id), String(f.unit_code)]));
  });
  after(async () => h.close());

  /** The events of the period in the unit's communes, keyed here from the reviews and funds read above. */
  const facts = async (unitCode: string, from: string, to: string): Promise<Fact[]> => {
    const communes = communesIn(unitCode);
    const rows = await sql(
      h,
      `SELECT household_id, commune_code, kind, fund_id, given_on, amount_vnd FROM support_event
        WHERE commune_code IN (${marks(communes)}) AND given_on >= ? AND given_on <= ?`,
      [...communes, from, to],
    );
    return rows.map((r) => {
      const date = String(r.given_on);
      const level = r.fund_id === null ? null : unitByCode(fundUnit.get(String(r.fund_id))!)!.level;
      return {
        dims: {
          DISTRICT: districtOf(String(r.commune_code)),
          COMMUNE: String(r.commune_code),
          ...buckets(date),
          KIND: String(r.kind),
          FUNDING_SOURCE: level === null ? "NOT_THE_FUND" : `${level}_FUND`,
          RECIPIENT_STATUS: statusOf.get(`${String(r.household_id)}:${date.slice(0, 4)}`) ?? null,
        },
        measures: { events: 1n, amountVnd: BigInt(String(r.amount_vnd)) },
      };
    });
  };

  const ask = async (variables: Record<string, unknown>) => (await dataOf(h, QUERY, variables)) as unknown as Answer;

  for (const [unit, from, to] of CASES) {
    it(`${unit} from ${from} to ${to}: every grouping equals the events and adds up to fundSummary`, async () => {
      const all = await facts(unit, from, to);
      assert.ok(all.length > 0);
      const amount = all.reduce((s, f) => s + f.measures.amountVnd!, 0n);
      for (const groupBy of GROUPINGS) {
        const a = await ask({ unit, from, to, groupBy, first: 1000 });
        const { rows, totalRows } = a.supportAggregate;
        assert.equal(totalRows, rows.length, `${groupBy.join("+")}: every group fits in 1,000 rows`);
        assertSameGroups(
          groupsOf(rows, groupBy, answerValue, ["events", "amountVnd"]),
          fold(all, groupBy),
          `${unit} ${from}–${to} ${groupBy.join("+")}`,
        );
        assert.equal(
          rows.reduce((s, r) => s + Number(r.events), 0),
          a.fundSummary.supportEvents,
          `${groupBy.join("+")} adds up to supportEvents`,
        );
        assert.equal(
          rows.reduce((s, r) => s + BigInt(String(r.amountVnd)), 0n),
          a.fundSummary.supportByKind.reduce((s, k) => s + BigInt(String(k.amountVnd)), 0n),
          `${groupBy.join("+")} adds up to the support's value`,
        );
        assert.equal(
          rows.reduce((s, r) => s + BigInt(String(r.amountVnd)), 0n),
          amount,
        );
        for (const field of FIELDS)
          if (!groupBy.some((d) => fieldOf(d) === field))
            assert.ok(
              rows.every((r) => r[field] === null),
              `${field} is null when not grouped`,
            );
      }
      // The published household-visits: the Fund's kinds to households poor or near-poor that year.
      const published = await ask({ unit, from, to, groupBy: [], filter: PUBLISHED_VISITS });
      assert.equal(
        published.supportAggregate.rows.reduce((s, r) => s + Number(r.events), 0),
        published.fundSummary.supportVisits,
        "the published kinds to listed recipients add up to supportVisits",
      );
      assert.equal(
        published.fundSummary.supportVisits,
        all.filter(
          (f) =>
            PUBLISHED_VISITS.kinds.includes(String(f.dims.KIND)) &&
            PUBLISHED_VISITS.recipientStatuses.includes(String(f.dims.RECIPIENT_STATUS)),
        ).length,
      );
      const byKind = await ask({ unit, from, to, groupBy: ["KIND"] });
      for (const k of byKind.fundSummary.supportByKind) {
        const row = byKind.supportAggregate.rows.find((r) => r.kind === k.kind);
        assert.deepEqual(
          [Number(row?.events ?? 0), String(row?.amountVnd ?? 0)],
          [k.visits, String(k.amountVnd)],
          k.kind,
        );
      }
    });
  }

  it("filters by kind, funding and recipient status, each alone and together", async () => {
    const [unit, from, to] = ["89", "2018-03-15", "2019-11-20"];
    const all = await facts(unit, from, to);
    const cases: [Record<string, unknown>, (f: Fact) => boolean][] = [
      [{ kinds: ["TET_GIFT", "LOAN"] }, (f) => ["TET_GIFT", "LOAN"].includes(String(f.dims.KIND))],
      [{ fundingSources: ["COMMUNE_FUND"] }, (f) => f.dims.FUNDING_SOURCE === "COMMUNE_FUND"],
      [{ fundingSources: ["NOT_THE_FUND"] }, (f) => f.dims.FUNDING_SOURCE === "NOT_THE_FUND"],
      [{ recipientStatuses: ["POOR"] }, (f) => f.dims.RECIPIENT_STATUS === "POOR"],
      [
        { kinds: ["TET_GIFT"], fundingSources: ["COMMUNE_FUND", "DISTRICT_FUND"], recipientStatuses: ["NEAR_POOR"] },
        (f) =>
          f.dims.KIND === "TET_GIFT" &&
          ["COMMUNE_FUND", "DISTRICT_FUND"].includes(String(f.dims.FUNDING_SOURCE)) &&
          f.dims.RECIPIENT_STATUS === "NEAR_POOR",
      ],
    ];
    for (const [filter, keep] of cases) {
      const groupBy = ["DISTRICT", "QUARTER"];
      const a = await ask({ unit, from, to, groupBy, filter, first: 1000 });
      const expected = fold(all.filter(keep), groupBy);
      assert.ok(expected.size > 0, JSON.stringify(filter));
      assertSameGroups(
        groupsOf(a.supportAggregate.rows, groupBy, answerValue, ["events", "amountVnd"]),
        expected,
        JSON.stringify(filter),
      );
    }
  });

  it("sorts time ascending and kinds as declared by default, by a measure when asked; first and totalRows", async () => {
    const base = { unit: "89", from: "2019-01-01", to: "2019-12-31" };
    const a = await ask({ ...base, groupBy: ["QUARTER", "KIND"] });
    const keys = a.supportAggregate.rows.map((r) => [String(r.quarter), String(r.kind)]);
    const kinds = ["TET_GIFT", "EMERGENCY", "STUDY", "MEDICAL", "PRODUCTION", "LOAN", "TECHNOLOGY_TRANSFER"];
    assert.deepEqual(
      keys,
      [...keys].sort((x, y) => x[0]!.localeCompare(y[0]!) || kinds.indexOf(x[1]!) - kinds.indexOf(y[1]!)),
    );
    assert.deepEqual(keys[0], ["2019-Q1", "TET_GIFT"]);

    const top = await ask({
      ...base,
      groupBy: ["MONTH", "KIND"],
      orderBy: [{ by: "AMOUNT_VND", direction: "DESC" }],
      first: 3,
    });
    assert.equal(
      top.supportAggregate.totalRows,
      (await ask({ ...base, groupBy: ["MONTH", "KIND"], first: 1000 })).supportAggregate.rows.length,
    );
    const amounts = top.supportAggregate.rows.map((r) => BigInt(String(r.amountVnd)));
    assert.equal(amounts.length, 3);
    assert.ok(amounts[0]! >= amounts[1]! && amounts[1]! >= amounts[2]!);

    const late = await ask({ ...base, groupBy: ["MONTH"], orderBy: [{ by: "MONTH" }], first: 2 });
    assert.deepEqual(
      late.supportAggregate.rows.map((r) => r.month),
      ["2019-12", "2019-11"],
    );
  });
});
