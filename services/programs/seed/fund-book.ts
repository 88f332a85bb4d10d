import { unitOfFund, type FundEntry } from "../src/fund/fund.entity.js";
import { FundEntryKind } from "../src/fund/fund-enums.js";
import { lowestBalances, type EndOfDayBalance } from "../src/fund/ledger-by-date.js";

type Row<T> = Omit<T, "id"> & { id?: number };

/**
 * The days the seed's ledger may use: 2010 to the end of 2026 (houses still being built in 2020;
 * the funds of the 2019 map carried over to the 2025 map's in 2025, funds-2025.ts).
 */
const FIRST_DAY = Date.UTC(2010, 0, 1);
const DAYS = 17 * 366;
const LEAVES = 1 << Math.ceil(Math.log2(DAYS));

/** A day's index from 2010-01-01. */
export const dayOf = (date: string): number => (Date.parse(`${date}T00:00:00Z`) - FIRST_DAY) / 86_400_000;

/**
 * One fund's end-of-day balances as a segment tree with range add and range minimum (whole VND in
 * doubles: exact up to 2^53, far above any fund's money), so a debit on a day can be checked
 * against the balance of that day and every later day in O(log days), in whatever order the
 * entries are generated.
 */
class DailyBalances {
  private readonly min = new Float64Array(2 * LEAVES);
  private readonly add = new Float64Array(2 * LEAVES);

  /** Adds `amount` to the balance of `day` and every later day. */
  addFrom(day: number, amount: number): void {
    this.update(1, 0, LEAVES - 1, day, amount);
  }

  /** The lowest balance from `day` on. */
  lowestFrom(day: number): number {
    return this.query(1, 0, LEAVES - 1, day);
  }

  private update(node: number, lo: number, hi: number, from: number, amount: number): void {
    if (hi < from) return;
    if (lo >= from) {
      this.min[node]! += amount;
      this.add[node]! += amount;
      return;
    }
    const mid = (lo + hi) >> 1;
    this.update(2 * node, lo, mid, from, amount);
    this.update(2 * node + 1, mid + 1, hi, from, amount);
    this.min[node] = Math.min(this.min[2 * node]!, this.min[2 * node + 1]!) + this.add[node]!;
  }

  private query(node: number, lo: number, hi: number, from: number): number {
    if (hi < from) return Infinity;
    if (lo >= from) return this.min[node]!;
    const mid = (lo + hi) >> 1;
    return Math.min(this.query(2 * node, lo, mid, from), this.query(2 * node + 1, mid + 1, hi, from)) + this.add[node]!;
  }
}

/**
 * Money in and out of each fund, per unit and year, and the ledger's rows, kept while the rows are
 * generated. Every outflow is checked against the fund's balance on its date and on every later
 * date (the ledger's rule, src/fund/ledger-by-date.ts), so no fund is ever below zero on any day,
 * whatever order the communes are generated in.
 */
export class FundBook {
  readonly raised = new Map<string, bigint>();
  readonly spent = new Map<string, bigint>();
  readonly ledger: Row<FundEntry>[] = [];
  private readonly balances = new Map<string, DailyBalances>();
  /** Each fund's entries added up, and its last entry's day: its balance from that day on. */
  private readonly totals = new Map<string, { balanceVnd: bigint; lastOn: string }>();

  private daily(fundId: string): DailyBalances {
    let d = this.balances.get(fundId);
    if (!d) this.balances.set(fundId, (d = new DailyBalances()));
    return d;
  }

  /** What the fund may pay out on `on`: its lowest balance from that day on (never below 0). */
  available(fundId: string, on: string): bigint {
    const lowest = this.balances.get(fundId)?.lowestFrom(dayOf(on)) ?? 0;
    return lowest > 0 ? BigInt(lowest) : 0n;
  }

  /** Whether the fund can pay `amount` on `on` and still keep `keepShare` percent of what it could pay. */
  canPay(fundId: string, on: string, amount: bigint, keepShare = 0n): boolean {
    return amount <= (this.available(fundId, on) * (100n - keepShare)) / 100n;
  }

  /** Books an entry: `signed` positive for money in, negative for money out (which must be available). */
  post(fundId: string, on: string, kind: FundEntryKind, signed: bigint, refType: string, refId: number): void {
    if (signed < 0n && -signed > this.available(fundId, on))
      throw new Error(`${fundId} cannot pay ${-signed} on ${on}`);
    const unitCode = unitOfFund(fundId);
    this.daily(fundId).addFrom(dayOf(on), Number(signed));
    const total = this.totals.get(fundId);
    this.totals.set(fundId, {
      balanceVnd: (total?.balanceVnd ?? 0n) + signed,
      lastOn: total && total.lastOn > on ? total.lastOn : on,
    });
    const key = `${unitCode}:${on.slice(0, 4)}`;
    if (kind === FundEntryKind.CONTRIBUTION) this.raised.set(key, (this.raised.get(key) ?? 0n) + signed);
    if (kind === FundEntryKind.SUPPORT || kind === FundEntryKind.HOUSE)
      this.spent.set(key, (this.spent.get(key) ?? 0n) - signed);
    this.ledger.push({
      fundId,
      unitCode,
      entryOn: on,
      kind,
      amountVnd: signed,
      refType,
      refId: String(refId),
    });
  }

  /**
   * The fund's balance at the end of `on`, which must be on or after its last entry (a fund's
   * closing balance, carried over when all its entries are booked): else it throws.
   */
  closingBalance(fundId: string, on: string): bigint {
    const total = this.totals.get(fundId);
    if (total && total.lastOn > on) throw new Error(`${fundId} has entries after ${on}`);
    return total?.balanceVnd ?? 0n;
  }

  /** Pays `amount` on `on` when the fund can (keeping `keepShare` percent); says whether it did. */
  payIfAble(
    fundId: string,
    on: string,
    kind: FundEntryKind,
    amount: bigint,
    refType: string,
    refId: number,
    keepShare = 0n,
  ): boolean {
    if (!this.canPay(fundId, on, amount, keepShare)) return false;
    this.post(fundId, on, kind, -amount, refType, refId);
    return true;
  }

  /**
   * Each fund's lowest end-of-day balance and the first day of it, from the whole ledger (the
   * rule of ledger-by-date.ts): what the fund's row keeps (`Fund.lowestBalanceOn`/`Vnd`).
   */
  lowestBalances(): Map<string, EndOfDayBalance> {
    return lowestBalances(this.ledger);
  }

  /** The year tallies (fund_year_tally rows). */
  tallies(): { unitCode: string; year: number; raisedVnd: bigint; spentVnd: bigint }[] {
    const keys = new Set([...this.raised.keys(), ...this.spent.keys()]);
    return [...keys].sort().map((k) => {
      const [unitCode, year] = k.split(":");
      return {
        unitCode: unitCode!,
        year: Number(year),
        raisedVnd: this.raised.get(k) ?? 0n,
        spentVnd: this.spent.get(k) ?? 0n,
      };
    });
  }
}
