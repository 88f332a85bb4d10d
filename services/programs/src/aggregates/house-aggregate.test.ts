import { after, before, describe, it } from "node:test";
import assert from "node:assert/strict";
import { figureUnit, inWindows, windowCodes, windowsOf } from "@danvan/kit";
import { ADMIN, startHarness, type Harness } from "../testing/harness.js";
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

const QUERY = `query($unit: ID!, $from: Date, $to: Date, $groupBy: [HouseDimension!]!, $filter: HouseAggregateFilter,
    $orderBy: [HouseAggregateOrder!], $first: Int) {
  houseAggregate(unitCode: $unit, from: $from, to: $to, groupBy: $groupBy, filter: $filter, orderBy: $orderBy, first: $first) {
    rows { district { code } commune { code } month quarter year status workKind houses costVnd fundVnd }
    totalRows
  }
  houseStatistics(unitCode: $unit, from: $from, to: $to) { total byStatus { status count } byKind { kind count } }
}`;

interface Answer {
  houseAggregate: { rows: Record<string, unknown>[]; totalRows: number };
  houseStatistics: {
    total: number;
    byStatus: { status: string; count: number }[];
    byKind: { kind: string; count: number }[];
  };
}

const ALONE = ["DISTRICT", "COMMUNE", "MONTH", "QUARTER", "YEAR", "STATUS", "WORK_KIND"];
const GROUPINGS = [
  ...ALONE.map((d) => [d]),
  ["YEAR", "WORK_KIND"],
  ["DISTRICT", "STATUS", "WORK_KIND"],
  ["DISTRICT", "YEAR", "STATUS", "WORK_KIND"],
  [],
];
const STEP: Record<string, string> = {
  PROPOSED: "proposed_on",
  APPROVED: "approved_on",
  UNDER_CONSTRUCTION: "construction_started_on",
  HANDED_OVER: "handed_over_on",
  CANCELLED: "cancelled_on",
};

describe("houseAggregate: Great Solidarity houses, grouped, equal houseStatistics and the houses", () => {
  let h: Harness;
  before(async () => {
    h = await startHarness();
    await addHousesInEveryState(h);
  });
  after(async () => h.close());

  /**
   * The unit's houses that reached their current state in the period, with the date they did: a
   * house is the unit's when proposed at one of its commune versions while in force (its code is that
   * day's; a code reused in 2025 names another unit after), its district the one of its proposal day.
   */
  const facts = async (unitCode: string, from: string | null, to: string | null): Promise<Fact[]> => {
    const windows = windowsOf(figureUnit(unitCode));
    const communes = windowCodes(windows);
    const rows = (
      await sql(h, `SELECT * FROM solidarity_house WHERE commune_code IN (${marks(communes)})`, communes)
    ).filter((r) => inWindows(windows, String(r.commune_code), String(r.proposed_on).slice(0, 10)));
    return rows
      .map((r) => ({ r, on: String(r[STEP[String(r.status)]!]) }))
      .filter(({ on }) => (!from || on >= from) && (!to || on <= to))
      .map(({ r, on }) => {
        const fund = BigInt(String(r.fund_amount_vnd));
        return {
          dims: {
            DISTRICT: r.district_code === null ? null : String(r.district_code),
            COMMUNE: String(r.commune_code),
            ...buckets(on),
            STATUS: String(r.status),
            WORK_KIND: String(r.kind),
          },
          measures: {
            houses: 1n,
            costVnd: fund + BigInt(String(r.sponsor_amount_vnd)) + BigInt(String(r.family_amount_vnd)),
            fundVnd: fund,
          },
        };
      });
  };

  const ask = async (variables: Record<string, unknown>) => (await dataOf(h, QUERY, variables)) as unknown as Answer;

  for (const [unit, from, to] of [
    ["89", null, null],
    ["89", "2015-01-01", "2019-12-31"],
    ["883", "2012-03-15", null],
    ["891", null, "2016-06-30"],
  ] as const) {
    it(`${unit}, period ${from ?? "open"} – ${to ?? "open"}: every grouping equals the houses and adds up to houseStatistics`, async () => {
      const all = await facts(unit, from, to);
      assert.ok(all.length > 0);
      for (const groupBy of GROUPINGS) {
        const a = await ask({ unit, from, to, groupBy, first: 1000 });
        const { rows, totalRows } = a.houseAggregate;
        assert.equal(totalRows, rows.length, `${groupBy.join("+")}: every group fits in 1,000 rows`);
        assertSameGroups(
          groupsOf(rows, groupBy, answerValue, ["houses", "costVnd", "fundVnd"]),
          fold(all, groupBy),
          `${unit} ${groupBy.join("+")}`,
        );
        assert.equal(
          rows.reduce((s, r) => s + Number(r.houses), 0),
          a.houseStatistics.total,
          `${groupBy.join("+")} adds up to houseStatistics.total`,
        );
        for (const field of ALONE.map(fieldOf))
          if (!groupBy.some((d) => fieldOf(d) === field))
            assert.ok(
              rows.every((r) => r[field] === null),
              `${field} is null when not grouped`,
            );
      }
      const byStatus = await ask({ unit, from, to, groupBy: ["STATUS"] });
      for (const s of byStatus.houseStatistics.byStatus)
        assert.equal(
          Number(byStatus.houseAggregate.rows.find((r) => r.status === s.status)?.houses ?? 0),
          s.count,
          s.status,
        );
      const byKind = await ask({ unit, from, to, groupBy: ["WORK_KIND"] });
      for (const k of byKind.houseStatistics.byKind)
        assert.equal(
          Number(byKind.houseAggregate.rows.find((r) => r.workKind === k.kind)?.houses ?? 0),
          k.count,
          k.kind,
        );
    });
  }

  it("filters by state and kind; sorts states in lifecycle order, or by a measure", async () => {
    const all = await facts("89", null, null);
    const groupBy = ["DISTRICT", "YEAR"];
    for (const [filter, keep] of [
      [{ statuses: ["HANDED_OVER"] }, (f: Fact) => f.dims.STATUS === "HANDED_OVER"],
      [{ workKinds: ["REPAIR"] }, (f: Fact) => f.dims.WORK_KIND === "REPAIR"],
      [
        { statuses: ["HANDED_OVER", "CANCELLED"], workKinds: ["NEW"] },
        (f: Fact) => ["HANDED_OVER", "CANCELLED"].includes(String(f.dims.STATUS)) && f.dims.WORK_KIND === "NEW",
      ],
    ] as const) {
      const a = await ask({ unit: "89", groupBy, filter, first: 1000 });
      const expected = fold(all.filter(keep), groupBy);
      assert.ok(expected.size > 0, JSON.stringify(filter));
      assertSameGroups(
        groupsOf(a.houseAggregate.rows, groupBy, answerValue, ["houses", "costVnd", "fundVnd"]),
        expected,
        JSON.stringify(filter),
      );
    }
    const states = (await ask({ unit: "89", groupBy: ["STATUS"] })).houseAggregate.rows.map((r) => r.status);
    const lifecycle = ["PROPOSED", "APPROVED", "UNDER_CONSTRUCTION", "HANDED_OVER", "CANCELLED"];
    assert.deepEqual(
      states,
      lifecycle.filter((s) => states.includes(s)),
    );
    assert.ok(states.length >= 2);
    const costly = (await ask({ unit: "89", groupBy: ["COMMUNE"], orderBy: [{ by: "FUND_VND" }], first: 3 }))
      .houseAggregate;
    const funds = costly.rows.map((r) => BigInt(String(r.fundVnd)));
    assert.ok(funds[0]! >= funds[1]! && funds[1]! >= funds[2]!);
    assert.ok(costly.totalRows > 3);
  });
});

/** The small seed's houses are all handed over: add some in every other state, through the mutations. */
async function addHousesInEveryState(h: Harness): Promise<void> {
  const households = await sql(h, "SELECT id FROM household WHERE district_code IN ('883', '891') ORDER BY id LIMIT 8");
  const run = async (mutation: string, input: Record<string, unknown>) => {
    const r = await h.run(
      `mutation($input: ${mutation.split(":")[1]}!) { ${mutation.split(":")[0]}(input: $input) { id version } }`,
      {
        identity: ADMIN,
        variables: { input },
      },
    );
    assert.equal(r.errors, undefined, JSON.stringify(r.errors));
    return Object.values(r.data!)[0] as { id: string; version: number };
  };
  const steps: [string, string][][] = [
    [],
    [["approveHouse:HouseStepInput", "2019-04-10"]],
    [
      ["approveHouse:HouseStepInput", "2016-02-01"],
      ["startHouseConstruction:HouseStepInput", "2016-05-20"],
    ],
    [["cancelHouse:CancelHouseInput", "2019-08-30"]],
    [
      ["approveHouse:HouseStepInput", "2012-06-01"],
      ["cancelHouse:CancelHouseInput", "2012-07-15"],
    ],
  ];
  for (const [i, moves] of steps.entries()) {
    let house = await run("proposeHouse:ProposeHouseInput", {
      householdId: String(households[i]!.id),
      kind: i % 2 ? "REPAIR" : "NEW",
      hardFloor: true,
      hardFrame: true,
      hardRoof: true,
      fundAmountVnd: 0,
      sponsorAmountVnd: 20_000_000 + i * 1_000_000,
      familyAmountVnd: 5_000_000,
      sponsorName: "Công ty Thử nghiệm",
      proposedOn: moves.length ? "2012-03-01" : "2019-03-02",
    });
    for (const [mutation, on] of moves) {
      house = await run(mutation, {
        houseId: house.id,
        on,
        expectedVersion: house.version,
        ...(mutation.startsWith("cancel") ? { reason: "Hộ chuyển đi nơi khác" } : {}),
      });
    }
  }
}
