import { after, before, describe, it } from "node:test";
import assert from "node:assert/strict";
import { communesIn, districtOf } from "@danvan/kit";
import { startHarness, type Harness } from "../testing/harness.js";
import {
  answerValue,
  assertSameGroups,
  dataOf,
  fieldOf,
  fold,
  groupsOf,
  marks,
  sql,
  type Fact,
} from "./aggregate-oracle.fixture.js";

const QUERY = `query($year: Int!, $unit: ID!, $groupBy: [HouseholdDimension!]!, $filter: HouseholdAggregateFilter,
    $orderBy: [HouseholdAggregateOrder!], $first: Int) {
  householdAggregate(year: $year, unitCode: $unit, groupBy: $groupBy, filter: $filter, orderBy: $orderBy, first: $first) {
    rows { district { code } commune { code } area povertyStatus memberCount households people }
    totalRows
  }
  povertyStatistics(unitCode: $unit, year: $year) { households poor nearPoor }
}`;

interface Answer {
  householdAggregate: { rows: Record<string, unknown>[]; totalRows: number };
  povertyStatistics: { households: number; poor: number; nearPoor: number };
}

/** Every grouping tried: each dimension alone, two, three and four at once, and none (the totals). */
const GROUPINGS = [
  ["DISTRICT"],
  ["COMMUNE"],
  ["AREA"],
  ["POVERTY_STATUS"],
  ["MEMBER_COUNT"],
  ["DISTRICT", "POVERTY_STATUS"],
  ["COMMUNE", "AREA", "MEMBER_COUNT"],
  ["DISTRICT", "AREA", "POVERTY_STATUS", "MEMBER_COUNT"],
  [],
];

describe("householdAggregate: households reviewed in a year, grouped, equal povertyStatistics and the reviews", () => {
  let h: Harness;
  before(async () => {
    h = await startHarness();
  });
  after(async () => h.close());

  /** The reviews of the year in the unit's communes, one fact per review, read from the base tables. */
  const facts = async (unitCode: string, year: number): Promise<Fact[]> => {
    const communes = communesIn(unitCode);
    const rows = await sql(
      h,
      `SELECT pc.commune_code AS commune, h.area AS area, h.member_count AS members, pc.status AS status
         FROM poverty_classification pc JOIN household h ON h.id = pc.household_id
        WHERE pc.year = ? AND pc.commune_code IN (${marks(communes)})`,
      [year, ...communes],
    );
    return rows.map((r) => ({
      dims: {
        DISTRICT: districtOf(String(r.commune)),
        COMMUNE: String(r.commune),
        AREA: String(r.area),
        POVERTY_STATUS: String(r.status),
        MEMBER_COUNT: Number(r.members),
      },
      measures: { households: 1n, people: BigInt(Number(r.members)) },
    }));
  };

  const ask = async (variables: Record<string, unknown>) => (await dataOf(h, QUERY, variables)) as unknown as Answer;

  for (const [unit, year] of [
    ["89", 2019],
    ["883", 2016],
    ["30280", 2019],
  ] as const) {
    it(`${unit} in ${year}: every grouping equals the reviews and adds up to povertyStatistics`, async () => {
      const all = await facts(unit, year);
      assert.ok(all.length > 0);
      for (const groupBy of GROUPINGS) {
        const a = await ask({ year, unit, groupBy, first: 1000 });
        const { rows, totalRows } = a.householdAggregate;
        assert.equal(totalRows, rows.length, `${groupBy.join("+")}: every group fits in 1,000 rows`);
        assertSameGroups(
          groupsOf(rows, groupBy, answerValue, ["households", "people"]),
          fold(all, groupBy),
          `${unit} ${year} ${groupBy.join("+")}`,
        );
        const households = rows.reduce((s, r) => s + Number(r.households), 0);
        assert.equal(households, a.povertyStatistics.households, `${groupBy.join("+")} adds up to povertyStatistics`);
        // Dimensions not grouped are null.
        for (const field of ["district", "commune", "area", "povertyStatus", "memberCount"])
          if (!groupBy.some((d) => fieldOf(d) === field))
            assert.ok(
              rows.every((r) => r[field] === null),
              `${field} is null when not grouped`,
            );
      }
      const byStatus = await ask({ year, unit, groupBy: ["POVERTY_STATUS"] });
      const count = (s: string) => byStatus.householdAggregate.rows.find((r) => r.povertyStatus === s)?.households ?? 0;
      assert.deepEqual(
        [count("POOR"), count("NEAR_POOR")],
        [byStatus.povertyStatistics.poor, byStatus.povertyStatistics.nearPoor],
      );
    });
  }

  it("groups a commune by DISTRICT under its own district", async () => {
    const a = await ask({ year: 2019, unit: "30280", groupBy: ["DISTRICT"] });
    assert.deepEqual(
      a.householdAggregate.rows.map((r) => (r.district as { code: string }).code),
      [districtOf("30280")],
    );
  });

  it("filters by area, status and household size, each alone and together", async () => {
    const all = await facts("89", 2019);
    const cases: [Record<string, unknown>, (f: Fact) => boolean][] = [
      [{ areas: ["URBAN"] }, (f) => f.dims.AREA === "URBAN"],
      [{ povertyStatuses: ["POOR", "NEAR_POOR"] }, (f) => f.dims.POVERTY_STATUS !== "NOT_POOR"],
      [{ memberCountMin: 5 }, (f) => Number(f.dims.MEMBER_COUNT) >= 5],
      [{ memberCountMax: 2 }, (f) => Number(f.dims.MEMBER_COUNT) <= 2],
      [
        { areas: ["RURAL"], povertyStatuses: ["POOR"], memberCountMin: 3, memberCountMax: 4 },
        (f) =>
          f.dims.AREA === "RURAL" && f.dims.POVERTY_STATUS === "POOR" && [3, 4].includes(Number(f.dims.MEMBER_COUNT)),
      ],
    ];
    for (const [filter, keep] of cases) {
      const groupBy = ["DISTRICT", "MEMBER_COUNT"];
      const a = await ask({ year: 2019, unit: "89", groupBy, filter, first: 1000 });
      const expected = fold(all.filter(keep), groupBy);
      assert.ok(expected.size > 0, JSON.stringify(filter));
      assertSameGroups(
        groupsOf(a.householdAggregate.rows, groupBy, answerValue, ["households", "people"]),
        expected,
        JSON.stringify(filter),
      );
    }
  });

  it("sorts by the dimensions in the order named by default: statuses as declared, sizes ascending", async () => {
    const a = await ask({ year: 2019, unit: "89", groupBy: ["POVERTY_STATUS", "MEMBER_COUNT"] });
    const keys = a.householdAggregate.rows.map((r) => [r.povertyStatus, r.memberCount] as [string, number]);
    const rank = { POOR: 0, NEAR_POOR: 1, NOT_POOR: 2 } as Record<string, number>;
    const sorted = [...keys].sort((x, y) => rank[x[0]]! - rank[y[0]]! || x[1] - y[1]);
    assert.deepEqual(keys, sorted);
    assert.equal(keys[0]![0], "POOR");
  });

  it("sorts by a measure or a dimension either way, ties in the order of groupBy; first keeps the top, totalRows counts all", async () => {
    const groupBy = ["DISTRICT", "MEMBER_COUNT"];
    const every = (await ask({ year: 2019, unit: "89", groupBy, first: 1000 })).householdAggregate.rows;
    const top = await ask({ year: 2019, unit: "89", groupBy, orderBy: [{ by: "PEOPLE" }], first: 5 });
    assert.equal(top.householdAggregate.totalRows, every.length);
    assert.equal(top.householdAggregate.rows.length, 5);
    const people = every.map((r) => Number(r.people)).sort((x, y) => y - x);
    assert.deepEqual(
      top.householdAggregate.rows.map((r) => Number(r.people)),
      people.slice(0, 5),
    );

    const fewest = await ask({
      year: 2019,
      unit: "89",
      groupBy,
      orderBy: [{ by: "HOUSEHOLDS", direction: "ASC" }],
      first: 1000,
    });
    const asc = fewest.householdAggregate.rows.map((r) => Number(r.households));
    assert.deepEqual(
      asc,
      [...asc].sort((x, y) => x - y),
    );

    const bySize = await ask({ year: 2019, unit: "89", groupBy, orderBy: [{ by: "MEMBER_COUNT" }], first: 1000 });
    const rows = bySize.householdAggregate.rows.map((r) => [
      Number(r.memberCount),
      (r.district as { code: string }).code,
    ]);
    const expected = [...rows].sort(
      (x, y) => (y[0] as number) - (x[0] as number) || String(x[1]).localeCompare(String(y[1])),
    );
    assert.deepEqual(rows, expected, "sizes descending (the default direction), districts by code within a size");
    const [largest] = await sql(h, "SELECT MAX(member_count) AS m FROM household");
    assert.equal(rows[0]![0], Number(largest!.m), "the largest households first");
  });

  it("answers a year without reviews with no rows", async () => {
    const a = await ask({ year: 2005, unit: "89", groupBy: ["DISTRICT"] });
    assert.deepEqual(a.householdAggregate, { rows: [], totalRows: 0 });
  });
});
