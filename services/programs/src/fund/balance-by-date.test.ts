import { after, before, describe, it } from "node:test";
import assert from "node:assert/strict";
import { BadUserInputError, inTransaction, todayInProvince } from "@danvan/kit";
import { ADMIN } from "../testing/harness.js";
import { availableOn } from "./balance-by-date.js";
import { FundEntry } from "./fund.entity.js";
import { FundEntryKind } from "./fund-enums.js";
import { postEntry } from "./ledger.js";
import { availableToDebit, lowestBalance } from "./ledger-by-date.js";
import { dayFromToday, openBooks, outcome, TRANSFER, type Books } from "./fund-books.fixture.js";

const K = 1000; // amounts below in thousands of VND
const FUND_QUERY = `query($id: ID!, $on: Date!) { fund(id: $id) { balanceOn(date: $on) lowestBalance { on balanceVnd } } }`;

/**
 * The hand-computed books (thousands of VND), written through the mutations as an administrator:
 *   QVNN-883   02-01 +500 → 500 · 03-05 −200 → 300 · 03-20 −300 → 0 · 03-25 +50 → 50
 *   QVNN-30280 03-01 +100 → 100 · 03-05 +200 → 300 · 03-25 −50 (a return) → 250
 *   QVNN-30283 03-20 +300 → 300
 */
describe("the ledger by date (integration)", () => {
  let b: Books;
  before(async () => {
    b = await openBooks();
    const writes = [
      await b.contribute("QVNN-883", "2020-02-01", 500 * K),
      await b.contribute("QVNN-30280", "2020-03-01", 100 * K),
      await b.transfer("QVNN-883", "QVNN-30280", "2020-03-05", 200 * K),
      await b.transfer("QVNN-883", "QVNN-30283", "2020-03-20", 300 * K),
      await b.transfer("QVNN-30280", "QVNN-883", "2020-03-25", 50 * K),
    ];
    for (const w of writes) assert.equal(w.errors, undefined, JSON.stringify(w.errors));
  });
  after(async () => b?.h.close());

  const fund = async (id: string, on: string) => {
    const r = await b.h.run(FUND_QUERY, { variables: { id, on } });
    assert.equal(r.errors, undefined, JSON.stringify(r.errors));
    return r.data!.fund as { balanceOn: number; lowestBalance: { on: string; balanceVnd: number } | null };
  };
  const entriesOf = async (fundId: string) =>
    (await b.h.ds.getRepository(FundEntry).findBy({ fundId })).map((e) => ({
      entryOn: e.entryOn,
      amountVnd: e.amountVnd,
    }));

  it("answers balanceOn and lowestBalance from the hand-computed books, to the public", async () => {
    const balances: [string, string, number][] = [
      ["QVNN-883", "2020-01-31", 0],
      ["QVNN-883", "2020-02-01", 500 * K],
      ["QVNN-883", "2020-03-04", 500 * K],
      ["QVNN-883", "2020-03-05", 300 * K],
      ["QVNN-883", "2020-03-20", 0],
      ["QVNN-883", "2020-03-31", 50 * K],
      ["QVNN-30280", "2020-03-05", 300 * K],
      ["QVNN-30280", "2020-03-24", 300 * K],
      ["QVNN-30280", "2020-03-25", 250 * K],
      ["QVNN-30283", "2020-03-19", 0],
      ["QVNN-30283", todayInProvince(), 300 * K],
    ];
    for (const [id, on, balance] of balances) assert.equal((await fund(id, on)).balanceOn, balance, `${id} ${on}`);
    assert.deepEqual((await fund("QVNN-883", "2020-12-31")).lowestBalance, { on: "2020-03-20", balanceVnd: 0 });
    assert.deepEqual((await fund("QVNN-30280", "2020-12-31")).lowestBalance, { on: "2020-03-01", balanceVnd: 100 * K });
    assert.deepEqual((await fund("QVNN-30283", "2020-12-31")).lowestBalance, { on: "2020-03-20", balanceVnd: 300 * K });
    // A fund that never moved has no lowest balance yet, and held nothing.
    assert.deepEqual(await fund("QVNN-884", "2020-12-31"), { balanceOn: 0, lowestBalance: null });
    // The same as the pure rules over the rows.
    for (const id of ["QVNN-883", "QVNN-30280", "QVNN-30283"]) {
      const low = lowestBalance(await entriesOf(id))!;
      assert.deepEqual((await fund(id, "2020-12-31")).lowestBalance, {
        on: low.on,
        balanceVnd: Number(low.balanceVnd),
      });
    }
  });

  it("refuses a balance asked for a day after today, naming only the argument", async () => {
    const r = await b.h.run(FUND_QUERY, { variables: { id: "QVNN-883", on: dayFromToday(1) } });
    assert.equal(r.errors?.[0]?.extensions?.code, "BAD_USER_INPUT");
    assert.deepEqual(r.errors?.[0]?.extensions?.fields, [{ path: "date", message: "must not be in the future" }]);
    assert.deepEqual(r.data, { fund: { balanceOn: null, lowestBalance: { on: "2020-03-20", balanceVnd: 0 } } });
  });

  it("computes in SQL what a debit may take exactly as the pure rule does, on every day around the entries", async () => {
    const days = ["2020-01-01", "2020-02-01", "2020-03-04", "2020-03-05", "2020-03-19", "2020-03-20", "2020-03-21"];
    days.push("2020-03-25", "2020-04-01");
    for (const id of ["QVNN-883", "QVNN-30280", "QVNN-30283", "QVNN-884"]) {
      const entries = await entriesOf(id);
      for (const on of days) {
        const sql = await inTransaction(b.h.ds, (m) => availableOn(m, id, on));
        assert.equal(sql, availableToDebit(entries, on), `${id} ${on}`);
      }
    }
    // 883 holds 300 on 03-10 but nothing at the end of 03-20: nothing can be taken on 03-10.
    assert.equal(await inTransaction(b.h.ds, (m) => availableOn(m, "QVNN-883", "2020-03-10")), 0n);
  });

  it("refuses any debit that would make a later day's balance negative, and writes nothing", async () => {
    const before = await b.h.ds.getRepository(FundEntry).count();
    // The all-time balance (50) would cover 1 VND, but 883 is empty at the end of 03-20.
    const cases: [string, string, string, number, string][] = [
      ["QVNN-883", "QVNN-30280", "2020-03-10", 1, "CONFLICT INSUFFICIENT_BALANCE"],
      ["QVNN-883", "QVNN-30280", "2020-01-15", 1, "CONFLICT INSUFFICIENT_BALANCE"],
      ["QVNN-883", "QVNN-30283", "2020-03-26", 50 * K + 1, "CONFLICT INSUFFICIENT_BALANCE"],
      // Up only as a return: nothing was allocated by 03-04; 200 allocated, 50 returned, leaves 150.
      ["QVNN-30280", "QVNN-883", "2020-03-04", 1, "CONFLICT RETURN_EXCEEDS_ALLOCATION"],
      ["QVNN-30280", "QVNN-883", "2020-03-26", 150 * K + 1, "CONFLICT RETURN_EXCEEDS_ALLOCATION"],
      ["QVNN-30283", "QVNN-883", "2020-03-19", 1, "CONFLICT RETURN_EXCEEDS_ALLOCATION"],
    ];
    for (const [from, to, on, amount, expected] of cases) {
      const r = await b.transfer(from, to, on, amount);
      assert.equal(outcome(r), expected, `${from} → ${to} ${on}`);
      assert.equal(r.errors![0]!.extensions!.fundId, from);
      if (amount > 1) assert.ok(!JSON.stringify(r.errors).includes(String(amount)), "the amount is echoed");
    }
    const refused = await b.transfer("QVNN-883", "QVNN-30280", "2020-03-10", 1);
    assert.equal(
      refused.errors![0]!.message,
      "The fund's balance on the entry's date, or on a later day, would fall below zero",
    );
    const vi = await b.h.run(TRANSFER, {
      identity: ADMIN,
      language: "vi",
      variables: {
        input: { fromFundId: "QVNN-883", toFundId: "QVNN-30280", transferredOn: "2020-03-10", amountVnd: 1 },
      },
    });
    assert.equal(vi.errors![0]!.message, "Số dư của quỹ vào ngày ghi sổ hoặc vào một ngày sau đó sẽ bị âm");
    assert.equal(await b.h.ds.getRepository(FundEntry).count(), before);
    // Exactly what the fund holds from that day on is allowed, down to zero; then not one dong more.
    assert.equal(outcome(await b.transfer("QVNN-883", "QVNN-30280", "2020-03-26", 50 * K)), "ok");
    assert.equal(outcome(await b.transfer("QVNN-883", "QVNN-30280", "2020-03-27", 1)), "CONFLICT INSUFFICIENT_BALANCE");
    assert.deepEqual((await fund("QVNN-883", "2020-12-31")).lowestBalance, { on: "2020-03-20", balanceVnd: 0 });
    // A receipt dated before everything lifts every later day (10 from 01-10 on, first reached that
    // day): now 10 can go on 03-21.
    assert.equal(outcome(await b.contribute("QVNN-883", "2020-01-10", 10 * K)), "ok");
    assert.deepEqual((await fund("QVNN-883", "2020-12-31")).lowestBalance, { on: "2020-01-10", balanceVnd: 10 * K });
    assert.equal(outcome(await b.transfer("QVNN-883", "QVNN-30280", "2020-03-21", 10 * K)), "ok");
    assert.deepEqual((await fund("QVNN-883", "2020-12-31")).lowestBalance, { on: "2020-03-21", balanceVnd: 0 });
    assert.deepEqual(lowestBalance(await entriesOf("QVNN-883")), { on: "2020-03-21", balanceVnd: 0n });
  });

  it("refuses entries dated after today on the date's path, and takes today's", async () => {
    const tomorrow = dayFromToday(1);
    const fields = (r: { errors?: { extensions?: Record<string, unknown> }[] }) => r.errors?.[0]?.extensions?.fields;
    assert.deepEqual(fields(await b.contribute("QVNN-30280", tomorrow, 1 * K)), [
      { path: "input.receivedOn", message: "must not be in the future" },
    ]);
    assert.deepEqual(fields(await b.transfer("QVNN-30280", "QVNN-883", tomorrow, 1)), [
      { path: "input.transferredOn", message: "must not be in the future" },
    ]);
    const household = await b.h.run(`mutation($i: RegisterHouseholdInput!) { registerHousehold(input: $i) { id } }`, {
      identity: ADMIN,
      variables: {
        i: {
          communeCode: "30280",
          headName: "Nguyễn Văn Thử",
          memberCount: 3,
          area: "URBAN",
          registeredOn: "2019-01-02",
        },
      },
    });
    assert.equal(household.errors, undefined, JSON.stringify(household.errors));
    const support = await b.h.run(`mutation($i: RecordSupportInput!) { recordSupport(input: $i) { id } }`, {
      identity: ADMIN,
      variables: {
        i: {
          householdId: (household.data!.registerHousehold as { id: string }).id,
          kind: "MEDICAL",
          amountVnd: 1 * K,
          givenOn: tomorrow,
          fundId: "QVNN-30280",
        },
      },
    });
    assert.deepEqual(fields(support), [{ path: "input.givenOn", message: "must not be in the future" }]);
    // A house payment, at the ledger itself: its date is the step's, input.on.
    await assert.rejects(
      inTransaction(b.h.ds, (m) =>
        postEntry(m, {
          fundId: "QVNN-30280",
          on: tomorrow,
          kind: FundEntryKind.HOUSE,
          amountVnd: 1n,
          refType: "SolidarityHouse",
          refId: 1,
        }),
      ),
      (e: unknown) =>
        e instanceof BadUserInputError &&
        JSON.stringify(e.extensions.fields) ===
          JSON.stringify([{ path: "input.on", message: "must not be in the future" }]),
    );
    assert.equal(await b.h.ds.getRepository(FundEntry).countBy({ entryOn: tomorrow }), 0);
    assert.equal(outcome(await b.contribute("QVNN-30280", todayInProvince(), 1 * K)), "ok");
  });
});
