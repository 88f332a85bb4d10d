import { after, before, describe, it } from "node:test";
import assert from "node:assert/strict";
import { configurePaging, referenceUnits } from "@danvan/kit";
import { statementsFor } from "@danvan/kit/testing";
import { ADMIN, startHarness, type Harness } from "./testing/harness.js";

/** Statements per operation must not grow with list size, for every list and entity field here. */
const HOUSEHOLDS = `query($n: Int!) {
  households(unitCode: "89", first: $n) {
    totalCount
    edges { node {
      id headName unit { code }
      classification(year: 2019) { status transition standard { code thresholds { area } } household { id } }
      classifications { year status }
      supportEvents { kind amountVnd fund { id name } household { id } }
    } }
  }
}`;

const UNITS = `query($r: [_Any!]!) {
  _entities(representations: $r) { ... on AdministrativeUnit {
    code
    povertyStatistics(year: 2019) { households poor byChildUnit { poor } }
    fundSummary(from: "2016-01-01", to: "2019-12-31") { raisedVnd spentVnd supportVisits byYear { year raisedVnd } }
    households(first: 3) { totalCount edges { node { id classification(year: 2018) { status } } } }
  } }
}`;

const ORGANISATIONS = `query($r: [_Any!]!) {
  _entities(representations: $r) { ... on Organisation {
    id
    fund { id name unit { code } balance(from: "2019-01-01", to: "2019-12-31") { openingVnd closingVnd }
           contributions(first: 2) { totalCount edges { node { donorName fund { id } } } } }
  } }
}`;

describe("programs: statements per operation do not grow with list size (N+1 guard)", () => {
  let h: Harness;
  before(async () => {
    configurePaging({ max: 1000 });
    h = await startHarness();
  });
  after(async () => h.close());

  const statements = (
    query: string,
    variables: Record<string, unknown>,
    count: (d: Record<string, unknown>) => number,
    min: number,
  ) => statementsFor(h, query, { variables, identity: ADMIN, count, min });
  const entities = (d: Record<string, unknown>) => (d._entities as unknown[]).length;

  it("households with their reviews, support and funds: 100 and 1,000", async () => {
    const edges = (d: Record<string, unknown>) => (d.households as { edges: unknown[] }).edges.length;
    // 100 households already include support paid by a fund, so every loader runs in both.
    const small = await statements(HOUSEHOLDS, { n: 100 }, edges, 100);
    const large = await statements(HOUSEHOLDS, { n: 1000 }, edges, 1000);
    console.log(`# households: ${small} statements for 100 items, ${large} for 1,000`);
    assert.equal(large, small);
  });

  it("AdministrativeUnit entities with statistics and households: 10 and all 168", async () => {
    const reps = (units: typeof referenceUnits) =>
      units.map((u) => ({ __typename: "AdministrativeUnit", code: u.code }));
    const small = await statements(UNITS, { r: reps(referenceUnits.slice(0, 10)) }, entities, 10);
    const large = await statements(UNITS, { r: reps(referenceUnits) }, entities, 168);
    console.log(`# units: ${small} statements for 10 entities, ${large} for 168`);
    assert.equal(large, small);
  });

  it("Organisation entities with their funds, balances and contributions: 10 and all 168 Front committees", async () => {
    const reps = (units: typeof referenceUnits) =>
      units.map((u) => ({ __typename: "Organisation", id: `MTTQ-${u.code}` }));
    const small = await statements(ORGANISATIONS, { r: reps(referenceUnits.slice(0, 10)) }, entities, 10);
    const large = await statements(ORGANISATIONS, { r: reps(referenceUnits) }, entities, 168);
    console.log(`# funds: ${small} statements for 10 entities, ${large} for 168`);
    assert.equal(large, small);
  });
});
