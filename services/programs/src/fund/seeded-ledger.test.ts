import { after, before, describe, it } from "node:test";
import assert from "node:assert/strict";
import { referenceUnits, vndOf } from "@danvan/kit";
import { startHarness, type Harness } from "../testing/harness.js";
import { lowestBalancesOf, storedLowestBalances } from "./balance-by-date.js";
import { fundIdFor } from "./fund.entity.js";
import { carryOversOf, funds2025 } from "./funds-2025.js";
import { balanceAtEndOf, lowestBalances, type DatedAmount } from "./ledger-by-date.js";

type Rows = (DatedAmount & { fundId: string })[];

/**
 * The seeded books keep the ledger's rule: no fund of the 168 of the 2019 map, nor of the 103 of
 * the 2025 map that received their balances (issue 27), is below zero at the end of any day (the
 * seed checks every payment against its fund's days, seed/fund-book.ts), and the graph reads the
 * same lowest balances and balances by date as the pure rules over the rows.
 */
const OLD_FUNDS = referenceUnits.map((u) => fundIdFor(u.code));
const ALL_FUNDS = [...OLD_FUNDS, ...funds2025().map((f) => f.id)];
/** The funds with entries: the 2025 funds of communes formed only from old Kiên Giang's have none yet. */
const CARRIED_TO = new Set(carryOversOf(referenceUnits.map((u) => u.code)).map((c) => c.toFundId));
const WITH_ENTRIES = ALL_FUNDS.filter((id) => OLD_FUNDS.includes(id) || CARRIED_TO.has(id));
describe("the seeded ledger by date (integration)", () => {
  let h: Harness;
  let rows: Rows;
  before(async () => {
    h = await startHarness();
    const raw = (await h.ds.query(`SELECT fund_id, entry_on, amount_vnd FROM fund_entry`)) as {
      fund_id: string;
      entry_on: string;
      amount_vnd: string | number;
    }[];
    rows = raw.map((r) => ({ fundId: r.fund_id, entryOn: String(r.entry_on), amountVnd: vndOf(r.amount_vnd) }));
  });
  after(async () => h?.close());

  it("leaves no fund below zero on any day, and every fund holds money", () => {
    const lowest = lowestBalances(rows);
    assert.equal(lowest.size, WITH_ENTRIES.length);
    assert.equal(WITH_ENTRIES.length, 168 + 55, "the province's fund and 54 communes' received balances");
    const negative = [...lowest].filter(([, l]) => l.balanceVnd < 0n);
    assert.deepEqual(negative, []);
    // Spending happened: many funds were drawn down to what they held on some day.
    assert.ok(rows.some((r) => r.amountVnd < 0n));
  });

  it("reads the same lowest balances in SQL as the pure rule over the rows, for all 271 funds at once", async () => {
    const ids = ALL_FUNDS;
    const sql = await lowestBalancesOf(h.ds, ids);
    const pure = lowestBalances(rows);
    assert.equal(sql.length, WITH_ENTRIES.length);
    for (const r of sql) assert.deepEqual({ on: r.on, balanceVnd: r.balanceVnd }, pure.get(r.fundId), r.fundId);
  });

  it("keeps on the 271 funds' rows the lowest balances their seeded entries give (what lowestBalance reads)", async () => {
    const kept = await storedLowestBalances(h.ds, ALL_FUNDS);
    const pure = lowestBalances(rows);
    assert.equal(kept.length, WITH_ENTRIES.length);
    for (const r of kept) assert.deepEqual({ on: r.on, balanceVnd: r.balanceVnd }, pure.get(r.fundId), r.fundId);
  });

  it("answers balanceOn and lowestBalance through the graph as the rows say, for the province, a district and a commune", async () => {
    const q = `query($id: ID!, $on: Date!) { fund(id: $id) { balanceOn(date: $on) lowestBalance { on balanceVnd } } }`;
    const pure = lowestBalances(rows);
    for (const id of ["QVNN-89", "QVNN-883", "QVNN-30280"]) {
      const mine = rows.filter((r) => r.fundId === id);
      for (const on of ["2009-12-31", "2010-01-31", "2015-06-30", "2019-12-31"]) {
        const r = await h.run(q, { variables: { id, on } });
        assert.equal(r.errors, undefined, JSON.stringify(r.errors));
        const fund = r.data!.fund as { balanceOn: number | string; lowestBalance: { on: string; balanceVnd: number } };
        assert.equal(BigInt(fund.balanceOn), balanceAtEndOf(mine, on), `${id} ${on}`);
        assert.deepEqual(
          { on: fund.lowestBalance.on, balanceVnd: BigInt(fund.lowestBalance.balanceVnd) },
          pure.get(id),
        );
      }
    }
  });
});
