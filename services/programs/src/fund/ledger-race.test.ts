import { after, before, describe, it } from "node:test";
import assert from "node:assert/strict";
import { setTimeout as sleep } from "node:timers/promises";
import type { EntityManager } from "typeorm";
import { ConflictError, inTransaction, todayInProvince } from "@danvan/kit";
import { availableOn } from "./balance-by-date.js";
import { FundTransfer } from "./contribution.entity.js";
import { Fund, FundEntry } from "./fund.entity.js";
import { lowestBalance } from "./ledger-by-date.js";
import { FundEntryKind } from "./fund-enums.js";
import { postEntry } from "./ledger.js";
import { openBooks, outcome, type Books } from "./fund-books.fixture.js";

const K = 1000;
const debit = (fundId: string, amountVnd: bigint, refId: number) => ({
  fundId,
  on: todayInProvince(),
  kind: FundEntryKind.SUPPORT,
  amountVnd,
  refType: "SupportEvent",
  refId,
});
const isInsufficient = (e: unknown) =>
  e instanceof ConflictError && e.extensions.reason === "INSUFFICIENT_BALANCE" && e.extensions.fundId === "QVNN-884";

/** Two debits racing for the last money: one wins, the other is a CONFLICT, on both databases. */
describe("debits racing for the last money", () => {
  let b: Books;
  before(async () => {
    b = await openBooks();
    for (const fund of ["QVNN-883", "QVNN-884"])
      assert.equal(outcome(await b.contribute(fund, "2020-01-01", 100 * K)), "ok");
  });
  after(async () => b?.h.close());

  it("lets one of two simultaneous transfers through and refuses the other, round after round", async () => {
    const communes = ["QVNN-30280", "QVNN-30283"];
    for (let round = 0; round < 5; round++) {
      // Each round tops Long Xuyên up to 100 and sends two transfers of 60 at once.
      const held = (await inTransaction(b.h.ds, (m) => availableOn(m, "QVNN-883", todayInProvince()))) / 1000n;
      if (held < 100n)
        assert.equal(outcome(await b.contribute("QVNN-883", todayInProvince(), Number(100n - held) * K)), "ok");
      const before = await b.h.ds.getRepository(FundTransfer).count();
      const results = await Promise.all(communes.map((to) => b.transfer("QVNN-883", to, todayInProvince(), 60 * K)));
      assert.deepEqual(results.map(outcome).sort(), ["CONFLICT INSUFFICIENT_BALANCE", "ok"], `round ${round}`);
      assert.equal(await b.h.ds.getRepository(FundTransfer).count(), before + 1);
      assert.equal(await inTransaction(b.h.ds, (m) => availableOn(m, "QVNN-883", todayInProvince())), 40n * 1000n);
    }
  });

  it("lets transfers both ways between two funds and receipts run at once without deadlock, keeping each row's lowest balance", async () => {
    // Long Xuyên allocates to Mỹ Long, which may then return part of it: a pair that can move both ways.
    assert.equal(outcome(await b.contribute("QVNN-883", "2020-02-01", 500 * K)), "ok");
    assert.equal(outcome(await b.transfer("QVNN-883", "QVNN-30283", "2020-02-02", 300 * K)), "ok");
    for (let round = 0; round < 4; round++) {
      const on = `2020-02-${String(10 + round).padStart(2, "0")}`;
      const results = await Promise.all([
        b.transfer("QVNN-883", "QVNN-30283", on, 10 * K),
        b.transfer("QVNN-30283", "QVNN-883", on, 10 * K),
        b.contribute("QVNN-883", on, 1 * K),
        b.contribute("QVNN-30283", on, 1 * K),
      ]);
      assert.deepEqual(results.map(outcome), ["ok", "ok", "ok", "ok"], `round ${round}`);
    }
    for (const id of ["QVNN-883", "QVNN-30283"]) {
      const entries = await b.h.ds.getRepository(FundEntry).findBy({ fundId: id });
      const row = await b.h.ds.getRepository(Fund).findOneByOrFail({ id });
      assert.deepEqual(
        { on: row.lowestBalanceOn, balanceVnd: row.lowestBalanceVnd },
        lowestBalance(entries.map((e) => ({ entryOn: e.entryOn, amountVnd: e.amountVnd }))),
        id,
      );
    }
  });

  it("makes the second transaction wait for the first one's lock, then refuses it (real concurrent transactions)", async () => {
    const ds = b.h.ds;
    const postgres = ds.options.type === "postgres";
    let firstCommitted = 0;
    let secondSettled = 0;
    let firstPosted!: () => void;
    const posted = new Promise<void>((resolve) => (firstPosted = resolve));
    // On PostgreSQL two pooled connections, each in its own transaction; on SQLite the kit's
    // transactions, which take turns on its one connection.
    const transaction = (work: (m: EntityManager) => Promise<void>) =>
      postgres ? ds.transaction(work) : inTransaction(ds, work);
    const first = transaction(async (m) => {
      await postEntry(m, debit("QVNN-884", 60n * 1000n, 1));
      firstPosted();
      // Hold the fund's lock a while with the debit written but not committed.
      await sleep(300);
    }).then(() => (firstCommitted = Date.now()));
    if (postgres) await posted;
    const second = transaction(async (m) => {
      if (postgres) {
        // Outside any lock the first debit is not visible yet: only the lock makes the check safe.
        const peek = await ds.transaction((other) => availableOn(other, "QVNN-884", todayInProvince()));
        assert.equal(peek, 100n * 1000n);
      }
      await postEntry(m, debit("QVNN-884", 60n * 1000n, 2));
    }).finally(() => (secondSettled = Date.now()));
    await first;
    await assert.rejects(second, isInsufficient);
    assert.ok(secondSettled >= firstCommitted, "the second debit was decided before the first committed");
    const entries = await ds.getRepository(FundEntry).findBy({ fundId: "QVNN-884", kind: FundEntryKind.SUPPORT });
    assert.deepEqual(
      entries.map((e) => [e.refId, e.amountVnd]),
      [["1", -60_000n]],
    );
  });
});
