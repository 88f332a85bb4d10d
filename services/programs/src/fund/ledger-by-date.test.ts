import { describe, it } from "node:test";
import assert from "node:assert/strict";
import {
  availableFrom,
  availableToDebit,
  balanceAtEndOf,
  datedAfterToday,
  endOfDayBalances,
  lowestBalance,
  lowestBalances,
  type DatedAmount,
} from "./ledger-by-date.js";

/**
 * A hand-computed ledger, written out of date order on purpose:
 *   03-01 +100 → 100 · 03-05 −30 +10 → 80 · 03-09 −80 → 0 · 03-12 +50 → 50 · 03-20 −20 → 30
 */
const LEDGER: DatedAmount[] = [
  { entryOn: "2020-03-12", amountVnd: 50n },
  { entryOn: "2020-03-01", amountVnd: 100n },
  { entryOn: "2020-03-05", amountVnd: -30n },
  { entryOn: "2020-03-20", amountVnd: -20n },
  { entryOn: "2020-03-09", amountVnd: -80n },
  { entryOn: "2020-03-05", amountVnd: 10n },
];

describe("the ledger by date", () => {
  it("closes each day with a movement at the running sum, in date order, same-day entries netted", () => {
    assert.deepEqual(endOfDayBalances(LEDGER), [
      { on: "2020-03-01", balanceVnd: 100n },
      { on: "2020-03-05", balanceVnd: 80n },
      { on: "2020-03-09", balanceVnd: 0n },
      { on: "2020-03-12", balanceVnd: 50n },
      { on: "2020-03-20", balanceVnd: 30n },
    ]);
    assert.deepEqual(endOfDayBalances([]), []);
  });

  it("reads the balance at the end of any day, with or without a movement that day", () => {
    const cases: [string, bigint][] = [
      ["2020-02-28", 0n],
      ["2020-03-01", 100n],
      ["2020-03-04", 100n],
      ["2020-03-05", 80n],
      ["2020-03-10", 0n],
      ["2020-03-31", 30n],
    ];
    for (const [on, balance] of cases) assert.equal(balanceAtEndOf(LEDGER, on), balance, on);
  });

  it("lets a debit take only what the fund holds on its date and on every later day", () => {
    const cases: [string, bigint, string][] = [
      ["2020-02-28", 0n, "before any money came in"],
      ["2020-03-01", 0n, "03-09 is spent down to zero later"],
      ["2020-03-08", 0n, "the same: 03-09 still follows"],
      ["2020-03-09", 0n, "the day the fund is empty"],
      ["2020-03-10", 0n, "empty at the end of 03-10 too"],
      ["2020-03-12", 30n, "50 that day, but 30 after 03-20"],
      ["2020-03-20", 30n, "the last day"],
      ["2020-06-01", 30n, "after every entry: the balance"],
    ];
    for (const [on, available, why] of cases) assert.equal(availableToDebit(LEDGER, on), available, why);
  });

  it("takes the lower of the day's balance and the lowest balance after it", () => {
    assert.equal(availableFrom(100n, null), 100n);
    assert.equal(availableFrom(100n, 40n), 40n);
    assert.equal(availableFrom(40n, 100n), 40n);
    assert.equal(availableFrom(-5n, 10n), -5n);
  });

  it("finds the lowest end-of-day balance and the first day it was reached", () => {
    assert.deepEqual(lowestBalance(LEDGER), { on: "2020-03-09", balanceVnd: 0n });
    // Two days at the same low: the first one.
    assert.deepEqual(
      lowestBalance([
        { entryOn: "2020-01-02", amountVnd: 5n },
        { entryOn: "2020-01-03", amountVnd: -5n },
        { entryOn: "2020-01-04", amountVnd: 7n },
        { entryOn: "2020-01-05", amountVnd: -7n },
      ]),
      { on: "2020-01-03", balanceVnd: 0n },
    );
    // A ledger that overdraws shows it: the rule the seed must keep.
    assert.deepEqual(
      lowestBalance([
        { entryOn: "2010-01-31", amountVnd: -6n },
        { entryOn: "2010-02-01", amountVnd: 10n },
      ]),
      { on: "2010-01-31", balanceVnd: -6n },
    );
    assert.equal(lowestBalance([]), null);
  });

  it("checks a whole generated ledger fund by fund, rows in any order", () => {
    const rows = [
      ...LEDGER.map((e) => ({ ...e, fundId: "QVNN-30280" })),
      { fundId: "QVNN-883", entryOn: "2015-12-10", amountVnd: -40n },
      { fundId: "QVNN-883", entryOn: "2015-11-01", amountVnd: 100n },
      { fundId: "QVNN-89", entryOn: "2015-12-05", amountVnd: 1n },
    ];
    const lowest = lowestBalances(rows);
    assert.deepEqual([...lowest.keys()], ["QVNN-30280", "QVNN-883", "QVNN-89"]);
    assert.deepEqual(lowest.get("QVNN-30280"), { on: "2020-03-09", balanceVnd: 0n });
    assert.deepEqual(lowest.get("QVNN-883"), { on: "2015-12-10", balanceVnd: 60n });
    assert.deepEqual(lowest.get("QVNN-89"), { on: "2015-12-05", balanceVnd: 1n });
  });

  it("refuses only dates after today", () => {
    assert.equal(datedAfterToday("2020-06-02", "2020-06-01"), true);
    assert.equal(datedAfterToday("2020-06-01", "2020-06-01"), false);
    assert.equal(datedAfterToday("2019-12-31", "2020-06-01"), false);
  });
});
