/**
 * The ledger by date, free of the database: a fund's balance at the end of each day is the sum
 * of its signed entries up to and including that day, and no entry may make any day's balance
 * negative. A debit dated `on` therefore needs the money on `on` and on every later day: what it
 * may take is the lowest end-of-day balance from `on` on. The SQL in balance-by-date.ts computes
 * the same figures in the database; the seed checks its generated ledger with `lowestBalances`.
 */

/** One signed movement of a fund (receipts positive, outflows negative), as the ledger keeps it. */
export interface DatedAmount {
  entryOn: string;
  amountVnd: bigint;
}

/** A fund's balance at the end of a day. */
export interface EndOfDayBalance {
  on: string;
  balanceVnd: bigint;
}

/** The end-of-day balance of every day with a movement, in date order (entries in any order). */
export function endOfDayBalances(entries: Iterable<DatedAmount>): EndOfDayBalance[] {
  const net = new Map<string, bigint>();
  for (const e of entries) net.set(e.entryOn, (net.get(e.entryOn) ?? 0n) + e.amountVnd);
  let balance = 0n;
  return [...net.keys()].sort().map((on) => {
    balance += net.get(on)!;
    return { on, balanceVnd: balance };
  });
}

/** The balance at the end of `on`: every entry dated on or before it. */
export function balanceAtEndOf(entries: Iterable<DatedAmount>, on: string): bigint {
  let balance = 0n;
  for (const e of entries) if (e.entryOn <= on) balance += e.amountVnd;
  return balance;
}

/**
 * What a debit dated `on` may take: the lower of the balance at the end of `on` and the lowest
 * end-of-day balance after it (`lowestLater`, null when nothing happens after `on`).
 */
export function availableFrom(balanceOnDay: bigint, lowestLater: bigint | null): bigint {
  return lowestLater !== null && lowestLater < balanceOnDay ? lowestLater : balanceOnDay;
}

/** The same from the entries themselves: the oracle of the SQL check. */
export function availableToDebit(entries: Iterable<DatedAmount>, on: string): bigint {
  let onDay = 0n;
  let lowestLater: bigint | null = null;
  for (const d of endOfDayBalances(entries)) {
    if (d.on <= on) onDay = d.balanceVnd;
    else if (lowestLater === null || d.balanceVnd < lowestLater) lowestLater = d.balanceVnd;
  }
  return availableFrom(onDay, lowestLater);
}

/**
 * The lowest end-of-day balance over a fund's history, and the first day it was reached; null
 * for a fund with no entries. Days before its first entry (an empty fund) are not counted.
 */
export function lowestBalance(entries: Iterable<DatedAmount>): EndOfDayBalance | null {
  let lowest: EndOfDayBalance | null = null;
  for (const d of endOfDayBalances(entries)) if (lowest === null || d.balanceVnd < lowest.balanceVnd) lowest = d;
  return lowest;
}

/**
 * The lowest end-of-day balance of every fund in a ledger (rows in any order, as the seed
 * generates them): a ledger holds the rule when none of them is below zero.
 */
export function lowestBalances(rows: Iterable<DatedAmount & { fundId: string }>): Map<string, EndOfDayBalance> {
  const byFund = new Map<string, DatedAmount[]>();
  for (const r of rows) {
    const list = byFund.get(r.fundId) ?? [];
    list.push(r);
    byFund.set(r.fundId, list);
  }
  const out = new Map<string, EndOfDayBalance>();
  for (const [fundId, entries] of [...byFund].sort(([a], [b]) => (a < b ? -1 : 1)))
    out.set(fundId, lowestBalance(entries)!);
  return out;
}

/** An entry may not be dated after today (in the province's time zone): the books record what happened. */
export function datedAfterToday(on: string, today: string): boolean {
  return on > today;
}
