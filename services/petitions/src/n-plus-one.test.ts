import { after, before, describe, it } from "node:test";
import assert from "node:assert/strict";
import { configurePaging, referenceUnits } from "@danvan/kit";
import { statementsFor } from "@danvan/kit/testing";
import { ADMIN, ANALYST, startHarness, type Harness } from "./testing/harness.js";

describe("petitions: statements per operation do not grow with list size (N+1 guard)", () => {
  let h: Harness;
  before(async () => {
    configurePaging({ max: 1000 });
    h = await startHarness();
  });
  after(async () => h.close());

  it("petitions with history, unit and handler: 10 and 900", async () => {
    const q = `query($n: Int!) { petitions(unitCode: "89", first: $n) { totalCount edges { node { id status dueOn isOverdue allowedTransitions unit { code } handledBy { id } history { transition toStatus } } } } }`;
    const edges = (d: Record<string, unknown>) => (d.petitions as { edges: unknown[] }).edges.length;
    const small = await statementsFor(h, q, { identity: ADMIN, variables: { n: 10 }, count: edges, min: 10 });
    const large = await statementsFor(h, q, { identity: ADMIN, variables: { n: 900 }, count: edges, min: 900 });
    console.log(`# petitions: ${small} statements for 10 items, ${large} for 900`);
    assert.equal(large, small);
  });

  it("petitions with their first and second rounds and forwarding: 10 and 900", async () => {
    const q = `query($n: Int!) { petitions(unitCode: "89", first: $n) { edges { node { id forwardedTo { id } isForwardOverdue
      firstRound { id round } secondRounds { id firstRound { id } } } } } }`;
    // Links for the guard to follow (the small seed has no second rounds): each even id to the one before.
    await h.ds.query("UPDATE petition SET first_round_petition_id = id - 1 WHERE id % 2 = 0 AND id <= 1000");
    const edges = (d: Record<string, unknown>) => (d.petitions as { edges: unknown[] }).edges.length;
    const small = await statementsFor(h, q, { identity: ADMIN, variables: { n: 10 }, count: edges, min: 10 });
    const large = await statementsFor(h, q, { identity: ADMIN, variables: { n: 900 }, count: edges, min: 900 });
    const linked = await h.run(q, { identity: ADMIN, variables: { n: 10 } });
    const nodes = (linked.data!.petitions as { edges: { node: { firstRound: unknown; secondRounds: unknown[] } }[] })
      .edges;
    assert.ok(nodes.some((e) => e.node.firstRound !== null) && nodes.some((e) => e.node.secondRounds.length > 0));
    console.log(`# rounds: ${small} statements for 10 items, ${large} for 900`);
    assert.equal(large, small);
  });

  it("AdministrativeUnit statistics and Organisation petitions through _entities: 10 and 168", async () => {
    const q = `query($r: [_Any!]!) { _entities(representations: $r) {
      ... on AdministrativeUnit { petitionStatistics(from: "2015-01-01", to: "2020-12-31") { received medianDaysToResolve byKind { kind received }
        coverage { complete uncoveredUnits { code } } } }
      ... on Organisation { petitions(first: 3) { totalCount edges { node { id history { transition } } } } } } }`;
    const reps = (n: number) =>
      referenceUnits.slice(0, n).flatMap((u) => [
        { __typename: "AdministrativeUnit", code: u.code },
        { __typename: "Organisation", id: `MTTQ-${u.code}` },
      ]);
    const count = (d: Record<string, unknown>) => (d._entities as unknown[]).length;
    const small = await statementsFor(h, q, { identity: ADMIN, variables: { r: reps(10) }, count, min: 20 });
    const large = await statementsFor(h, q, { identity: ADMIN, variables: { r: reps(168) }, count, min: 336 });
    console.log(`# entities: ${small} statements for 20, ${large} for 336`);
    assert.equal(large, small);
  });

  it("petitionAggregate: one statement for one row of one dimension and for 900 rows of four", async () => {
    const q = `query($g: [PetitionDimension!]!, $n: Int, $m: UnitMap) { petitionAggregate(unitCode: "89", from: "2015-01-01",
      to: "2020-12-31", groupBy: $g, first: $n, orderBy: [{ by: RECEIVED }], map: $m) { totalRows rows { district { code } commune { code } year kind onTime
      received resolved resolvedOnTime overdue medianDaysToResolve suppressed } coverage { complete approximate } } }`;
    const rows = (d: Record<string, unknown>) => (d.petitionAggregate as { rows: unknown[] }).rows.length;
    // As recorded and on today's map (the 2025 communes: fewer rows).
    for (const [identity, m, min] of [
      [ANALYST, "AS_RECORDED", 700],
      [undefined, "AS_RECORDED", 700],
      [undefined, "TODAY", 300],
    ] as const) {
      const small = await statementsFor(h, q, { identity, variables: { g: ["KIND"], n: 1, m }, count: rows, min: 1 });
      const large = await statementsFor(h, q, {
        identity,
        variables: { g: ["COMMUNE", "YEAR", "KIND", "ON_TIME"], n: 900, m },
        count: rows,
        min,
      });
      console.log(`# petitionAggregate (${m}): ${small} statement for 1 row, ${large} for up to 900`);
      assert.equal(small, 1);
      assert.equal(large, small);
    }
  });

  it("reception sessions with their petitions: 10 and 300", async () => {
    const q = `query($n: Int!) { receptionSessions(unitCode: "89", first: $n) { totalCount edges { node { id unit { code } petitions { id history { transition } } } } } }`;
    const edges = (d: Record<string, unknown>) => (d.receptionSessions as { edges: unknown[] }).edges.length;
    const small = await statementsFor(h, q, { identity: ADMIN, variables: { n: 10 }, count: edges, min: 10 });
    const large = await statementsFor(h, q, { identity: ADMIN, variables: { n: 300 }, count: edges, min: 300 });
    console.log(`# sessions: ${small} statements for 10 items, ${large} for 300`);
    assert.equal(large, small);
  });
});
