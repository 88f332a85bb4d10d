import { after, before, describe, it } from "node:test";
import assert from "node:assert/strict";
import { configurePaging } from "@danvan/kit";
import { statementsFor } from "@danvan/kit/testing";
import { ADMIN, ANALYST, startHarness, type Harness } from "./testing/harness.js";

/**
 * The N+1 guard: every list and relation field goes through batched loaders, so the number of
 * SQL statements an operation issues does not depend on how many items its lists hold.
 */
const EVERY_FIELD = `query($n: Int!) {
  organisations(first: $n, grassrootsUnions: true) {
    totalCount
    edges { node {
      id name kind workplaceSector validFrom validTo
      unit { code name isRemoteArea organisations { id } }
      memberCount
      then: memberCount(asOf: "2015-01-01")
      newMembers(from: "2019-01-01", to: "2019-12-31")
      recruitment(year: 2019) { recruited target achievementRate }
      positions { title titleName holderName organisation { id } }
      members(first: 3) { totalCount edges { node { id fullName status organisation { id unit { code } } } } }
    } }
  }
}`;

/** Tree relations: a larger list can find more parents already loaded, never fewer. */
const TREE = `query($n: Int!) {
  organisations(first: $n, grassrootsUnions: true) { edges { node { id unit { parent { code } children { code } } parent { id parent { id } } children { id } } } }
}`;

/** The 2025 committees with the committees that went into them, theirs, and where those went. */
const SUCCESSIONS = `query($n: Int!) {
  organisations(first: $n, asOf: "2026-01-01") { edges { node { id memberCount(asOf: "2026-01-01") successors { id }
    predecessors { id validTo unit { code } predecessors { id } successors { id memberCount } } } } }
}`;

const CAMPAIGNS = `query($n: Int!) {
  campaigns(first: $n) { totalCount edges { node { id organisation { id unit { code } } parent { id } subCampaigns { id } phases { name } } } }
}`;

const UNITS = `query($level: UnitLevel!) {
  administrativeUnits(level: $level, asOf: "2020-06-01") { code parent { code } children { code organisations { id memberCount } } organisations { id parent { id } memberCount } }
}`;

describe("statements per operation do not grow with list size (N+1 guard)", () => {
  let h: Harness;
  before(async () => {
    configurePaging({ max: 1000 });
    h = await startHarness();
  });
  after(async () => h.close());

  const edges = (key: string) => (d: Record<string, unknown>) => (d[key] as { edges: unknown[] }).edges.length;

  it("organisations with every relation: 10 items and 1,000 items cost the same statements", async () => {
    const small = await statementsFor(h, EVERY_FIELD, {
      identity: ADMIN,
      variables: { n: 10 },
      count: edges("organisations"),
      min: 10,
    });
    const large = await statementsFor(h, EVERY_FIELD, {
      identity: ADMIN,
      variables: { n: 1000 },
      count: edges("organisations"),
      min: 1000,
    });
    console.log(`# organisations: ${small} statements for 10 items, ${large} for 1,000`);
    // A 2025 committee's members include those carried over from committees at other codes: among
    // 1,000 items their committees and units are already loaded, among 10 they may cost more.
    assert.ok(large <= small, `${large} statements for 1,000 items, ${small} for 10`);
  });

  it("organisations with their tree: the larger list costs no more statements", async () => {
    const small = await statementsFor(h, TREE, {
      identity: ADMIN,
      variables: { n: 10 },
      count: edges("organisations"),
      min: 10,
    });
    const large = await statementsFor(h, TREE, {
      identity: ADMIN,
      variables: { n: 1000 },
      count: edges("organisations"),
      min: 1000,
    });
    console.log(`# organisation tree: ${small} statements for 10 items, ${large} for 1,000`);
    assert.ok(large <= small, `${large} statements for 1,000 items, ${small} for 10`);
  });

  it("2025 committees with their predecessors: 10 and all 516", async () => {
    const small = await statementsFor(h, SUCCESSIONS, {
      identity: ADMIN,
      variables: { n: 10 },
      count: edges("organisations"),
      min: 10,
    });
    const large = await statementsFor(h, SUCCESSIONS, {
      identity: ADMIN,
      variables: { n: 1000 },
      count: edges("organisations"),
      min: 516,
    });
    console.log(`# successions: ${small} statements for 10 committees, ${large} for 516`);
    assert.equal(large, small);
  });

  it("campaigns with their relations: 10 and all 72", async () => {
    const small = await statementsFor(h, CAMPAIGNS, {
      identity: ADMIN,
      variables: { n: 10 },
      count: edges("campaigns"),
      min: 10,
    });
    const large = await statementsFor(h, CAMPAIGNS, {
      identity: ADMIN,
      variables: { n: 1000 },
      count: edges("campaigns"),
      min: 72,
    });
    assert.equal(large, small);
  });

  it("units with children and committees in 2020: 26 districts and 299 communes of both old provinces", async () => {
    const count = (d: Record<string, unknown>) => (d.administrativeUnits as unknown[]).length;
    const small = await statementsFor(h, UNITS, { identity: ADMIN, variables: { level: "DISTRICT" }, count, min: 26 });
    const large = await statementsFor(h, UNITS, { identity: ADMIN, variables: { level: "COMMUNE" }, count, min: 299 });
    console.log(`# units: ${small} statements for 26 districts, ${large} for 299 communes`);
    assert.ok(large <= small, `${large} statements for 299 units, ${small} for 26`);
  });

  it("memberAggregate: the same statements for one row of one dimension and 900 rows of four, places included", async () => {
    const q = `query($g: [MemberDimension!]!, $n: Int) { memberAggregate(unitCode: "89", asOf: "2019-12-31", groupBy: $g,
      first: $n, orderBy: [{ by: MEMBERS }]) { totalRows rows { district { code name parent { code } } commune { code name }
      organisationKind gender ageBand joinYear members suppressed } } }`;
    const rows = (d: Record<string, unknown>) => (d.memberAggregate as { rows: unknown[] }).rows.length;
    for (const identity of [ANALYST, undefined]) {
      const small = await statementsFor(h, q, { identity, variables: { g: ["DISTRICT"], n: 1 }, count: rows, min: 1 });
      const large = await statementsFor(h, q, {
        identity,
        variables: { g: ["COMMUNE", "DISTRICT", "GENDER", "AGE_BAND"], n: 900 },
        count: rows,
        min: 900,
      });
      console.log(`# memberAggregate: ${small} statements for 1 row, ${large} for 900`);
      // The unit named, the grouped rows, the units they name (their parent, the province, is the unit named).
      assert.equal(small, 3);
      assert.equal(large, small);
    }
  });

  it("member pages of many committees: 10 and 1,000 committees", async () => {
    const q = `query($n: Int!) { organisations(first: $n, grassrootsUnions: true) { edges { node { members(first: 5, status: ACTIVE) { totalCount pageInfo { hasNextPage endCursor } edges { node { id joinedOn } } } } } } }`;
    const small = await statementsFor(h, q, {
      identity: ADMIN,
      variables: { n: 10 },
      count: edges("organisations"),
      min: 10,
    });
    const large = await statementsFor(h, q, {
      identity: ADMIN,
      variables: { n: 1000 },
      count: edges("organisations"),
      min: 1000,
    });
    assert.equal(large, small);
  });
});
