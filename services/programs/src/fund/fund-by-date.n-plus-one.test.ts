import { after, before, describe, it } from "node:test";
import assert from "node:assert/strict";
import { referenceUnits } from "@danvan/kit";
import { statementsFor } from "@danvan/kit/testing";
import { startHarness, type Harness } from "../testing/harness.js";
import { funds2025 } from "./funds-2025.js";

/** A fund's balance on a day and its lowest balance, for many funds: statements must not grow. */
const FUNDS_BY_DATE = `query($r: [_Any!]!) {
  _entities(representations: $r) { ... on Organisation {
    id
    fund { id balanceOn(date: "2019-12-31") early: balanceOn(date: "2012-01-31") lowestBalance { on balanceVnd } }
  } }
}`;

describe("the ledger by date: statements per operation do not grow with the funds asked (N+1 guard)", () => {
  let h: Harness;
  before(async () => {
    h = await startHarness();
  });
  after(async () => h?.close());

  it("Organisation entities with their funds' balanceOn (two days) and lowestBalance: 10 and all 168", async () => {
    const reps = (units: readonly { code: string }[]) =>
      units.map((u) => ({ __typename: "Organisation", id: `MTTQ-${u.code}` }));
    const funds = (d: Record<string, unknown>) =>
      (d._entities as { fund: { lowestBalance: unknown } | null }[]).filter((e) => e.fund?.lowestBalance).length;
    const small = await statementsFor(h, FUNDS_BY_DATE, {
      variables: { r: reps(referenceUnits.slice(0, 10)) },
      count: funds,
      min: 10,
    });
    const large = await statementsFor(h, FUNDS_BY_DATE, {
      variables: { r: reps(referenceUnits) },
      count: funds,
      min: 168,
    });
    console.log(`# funds by date: ${small} statements for 10 funds, ${large} for 168`);
    assert.equal(large, small);
  });

  it("the same with the 2025 map's funds (issue 27): all 271, with their balances across the carry-over", async () => {
    const ids = [...referenceUnits.map((u) => `MTTQ-${u.code}`), ...funds2025().map((f) => f.organisationId)];
    const query = FUNDS_BY_DATE.replace('"2019-12-31"', '"2025-07-01"');
    const withFunds = (d: Record<string, unknown>) =>
      (d._entities as { fund: { id: string } | null }[]).filter((e) => e.fund?.id).length;
    const small = await statementsFor(h, query, {
      variables: { r: ids.slice(-10).map((id) => ({ __typename: "Organisation", id })) },
      count: withFunds,
      min: 10,
    });
    const large = await statementsFor(h, query, {
      variables: { r: ids.map((id) => ({ __typename: "Organisation", id })) },
      count: withFunds,
      min: 271,
    });
    console.log(`# funds by date on both maps: ${small} statements for 10 funds, ${large} for 271`);
    assert.equal(large, small);
  });
});
