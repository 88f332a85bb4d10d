import { after, before, describe, it } from "node:test";
import assert from "node:assert/strict";
import { startFederation, type Federation, type GraphQLResponse } from "./support/federation.js";
import { FUND_CALLERS, FUND_WRITE_POLICY, type FundCaller, type FundWrite } from "./support/access-policy-fund.js";
import { contribution, fundWrite, type FundCall } from "./support/access-matrix-queries-fund.js";

/**
 * The fund's part of the access matrix: every act on a Fund for the Poor's money
 * (support/access-policy-fund.ts) by every caller, through the real gateway with real tokens,
 * answered exactly as the policy says; each refused cell writes nothing.
 */
describe("who may move a fund's money: the fund's access matrix through the gateway", () => {
  let f: Federation;
  const tokens = new Map<FundCaller, string | undefined>();
  let household: string;

  const send = (caller: FundCaller, call: FundCall): Promise<GraphQLResponse> =>
    f.query(call.query, { token: tokens.get(caller), variables: call.variables });
  const outcome = (r: GraphQLResponse): string => {
    const e = r.body.errors?.[0];
    if (!e) return "ok";
    return [e.extensions?.code, e.extensions?.rule].filter(Boolean).join(" ");
  };
  const fundTotals = async () => {
    const r = await send("admin", {
      query: `{ a: fund(id: "QVNN-30280") { balanceOn(date: "2020-12-31") } b: fund(id: "QVNN-883") { balanceOn(date: "2020-12-31") }
        c: fund(id: "QVNN-30283") { balanceOn(date: "2020-12-31") } }`,
      variables: {},
    });
    assert.equal(r.body.errors, undefined, r.text.slice(0, 300));
    return JSON.stringify(r.body.data);
  };

  before(async () => {
    f = await startFederation();
    for (const [caller, identity] of Object.entries(FUND_CALLERS) as [FundCaller, (typeof FUND_CALLERS)[FundCaller]][])
      tokens.set(caller, identity ? await f.token({ sub: `fund-matrix-${caller}`, ...identity }) : undefined);
    const d = await send("admin", {
      query: `{ households(unitCode: "30280", first: 1) { edges { node { id } } } }`,
      variables: {},
    });
    assert.equal(d.body.errors, undefined, d.text.slice(0, 300));
    household = (d.body.data!.households as { edges: { node: { id: string } }[] }).edges[0]!.node.id;
    // Money in both funds from a day before the matrix's, and an allocation Mỹ Bình may return.
    for (const [fund, n] of [
      ["QVNN-30280", 1],
      ["QVNN-883", 2],
    ] as const) {
      const r = await send("admin", contribution(fund, "2020-01-02", 100_000_000, `MATRIX-SETUP-${n}`));
      assert.equal(r.body.errors, undefined, r.text.slice(0, 300));
    }
  });
  after(() => f?.stop());

  it("answers every act by every caller as the policy says, and a refusal writes nothing", async () => {
    const failures: string[] = [];
    let n = 0;
    let cells = 0;
    for (const [act, row] of Object.entries(FUND_WRITE_POLICY) as [FundWrite, Record<FundCaller, string>][]) {
      for (const [caller, expected] of Object.entries(row) as [FundCaller, string][]) {
        const before = await fundTotals();
        const r = await send(caller, fundWrite(act, household, ++n));
        const got = outcome(r);
        cells++;
        if (r.status !== 200 || got !== expected)
          failures.push(`${act} by ${caller}: ${got} (${r.text.slice(0, 200)})`);
        if (expected !== "ok" && (await fundTotals()) !== before)
          failures.push(`${act} by ${caller} wrote to the books`);
        if (expected !== "ok" && r.body.data && Object.values(r.body.data).some((v) => v !== null))
          failures.push(`${act} by ${caller} answered data`);
      }
    }
    console.log(
      `fund authority: ${cells} cells (${Object.keys(FUND_WRITE_POLICY).length} acts × ${tokens.size} callers)`,
    );
    assert.deepEqual(failures, []);
    assert.equal(cells, Object.keys(FUND_WRITE_POLICY).length * Object.keys(FUND_CALLERS).length);
  });
});
