import { after, before, describe, it } from "node:test";
import assert from "node:assert/strict";
import { ADMIN, startHarness, type Harness } from "./testing/harness.js";

/**
 * A code is reused (issue 27): 30307 was Phường Mỹ Hòa until 2025-06-30 and is Phường Long Xuyên
 * from 2025-07-01. A household registered at Phường Mỹ Bình (30280) in 2019 lives in Phường Long
 * Xuyên from 2025-07-01: its later review and support are kept under 30307 of that day, and count
 * for Phường Long Xuyên only, never for Phường Mỹ Hòa or the old Thành phố Long Xuyên (883), in the
 * statistics, the fund summary, the grouped aggregates and the lists. SQLite by default, PostgreSQL
 * with TEST_DATABASE=postgres.
 */
const REGISTER = `mutation($i: RegisterHouseholdInput!) { registerHousehold(input: $i) { id } }`;
const CLASSIFY = `mutation($i: ClassifyHouseholdInput!) { classifyHousehold(input: $i) { status } }`;
const SUPPORT = `mutation($i: RecordSupportInput!) { recordSupport(input: $i) { id } }`;

const FIGURES = `
  povertyStatistics(year: 2025) { households }
  fundSummary(from: "2025-01-01", to: "2026-11-30") { supportEvents }
  households(first: 1) { totalCount }`;

interface Figures {
  povertyStatistics: { households: number };
  fundSummary: { supportEvents: number };
  households: { totalCount: number };
}

describe("records under a reused code count for the unit of their day only (integration)", () => {
  let h: Harness;
  before(async () => {
    h = await startHarness();
  });
  after(async () => h?.close());

  const ok = async (query: string, variables: Record<string, unknown> = {}) => {
    const r = await h.run(query, { identity: ADMIN, variables });
    assert.equal(r.errors, undefined, JSON.stringify(r.errors));
    return r.data!;
  };

  /** Phường Mỹ Hòa (2010–2025) and Phường Long Xuyên (2025–), each one version, reached through the graph. */
  const versions = async (): Promise<[Figures, Figures]> => {
    const d = await ok(
      `query($r: [_Any!]!) { _entities(representations: $r) { ... on AdministrativeUnit { ${FIGURES} } } }`,
      {
        r: [
          { __typename: "AdministrativeUnit", code: "30307", validFrom: "2010-01-01" },
          { __typename: "AdministrativeUnit", code: "30307", validFrom: "2025-07-01" },
        ],
      },
    );
    const [myHoa, longXuyen] = d._entities as Figures[];
    return [myHoa!, longXuyen!];
  };

  /** The grouped aggregates of a unit named by its code, over the new map's period. */
  const aggregates = async (unitCode: string) => {
    const d = await ok(`{
      s: supportAggregate(unitCode: "${unitCode}", from: "2025-07-01", to: "2026-11-30", groupBy: []) { rows { events } }
      p: householdAggregate(unitCode: "${unitCode}", year: 2025, groupBy: []) { rows { households } } }`);
    const s = d.s as { rows: { events: number }[] };
    const p = d.p as { rows: { households: number }[] };
    return {
      events: s.rows.reduce((a, r) => a + r.events, 0),
      households: p.rows.reduce((a, r) => a + r.households, 0),
    };
  };

  it("keeps a household's later records under the commune of their day, counted for that unit alone", async () => {
    const [myHoaBefore, longXuyenBefore] = await versions();
    const districtBefore = await aggregates("883");
    const wardBefore = await aggregates("30307");

    const household = (await ok(REGISTER, {
      i: { communeCode: "30280", headName: "Lê Văn Mã Số", memberCount: 3, area: "URBAN", registeredOn: "2019-03-01" },
    })) as { registerHousehold: { id: string } };
    const id = household.registerHousehold.id;
    await ok(CLASSIFY, {
      i: {
        householdId: id,
        year: 2025,
        monthlyIncomePerPersonVnd: 1_200_000,
        deprivations: 4,
        classifiedOn: "2025-11-30",
      },
    });
    await ok(SUPPORT, { i: { householdId: id, kind: "TET_GIFT", amountVnd: 500_000, givenOn: "2026-01-20" } });

    // Stored on the map of their day: the household stays where it was registered, the rest under 30307 of 2025.
    const rows = (await h.ds.query(
      `SELECT (SELECT commune_code FROM household WHERE id = ${Number(id)}) AS h,
              (SELECT commune_code FROM poverty_classification WHERE household_id = ${Number(id)} AND year = 2025) AS c,
              (SELECT commune_code FROM support_event WHERE household_id = ${Number(id)}) AS s`,
    )) as { h: string; c: string; s: string }[];
    assert.deepEqual({ ...rows[0] }, { h: "30280", c: "30307", s: "30307" });

    const [myHoa, longXuyen] = await versions();
    // Phường Long Xuyên gains the review, the support and (through Mỹ Bình) the household.
    assert.equal(longXuyen.povertyStatistics.households, longXuyenBefore.povertyStatistics.households + 1);
    assert.equal(longXuyen.fundSummary.supportEvents, longXuyenBefore.fundSummary.supportEvents + 1);
    assert.equal(longXuyen.households.totalCount, longXuyenBefore.households.totalCount + 1);
    // Phường Mỹ Hòa, the same code before 2025-07-01, gains nothing.
    assert.deepEqual(myHoa, myHoaBefore);
    assert.equal(
      myHoa.povertyStatistics.households,
      0,
      "no review of 2025 was held under Mỹ Hòa: it ended on 2025-06-30",
    );

    // The grouped aggregates: the ward gains both, the old city (which held Mỹ Hòa) neither.
    assert.deepEqual(await aggregates("883"), districtBefore);
    const ward = await aggregates("30307");
    assert.deepEqual(ward, { events: wardBefore.events + 1, households: wardBefore.households + 1 });
  });
});
