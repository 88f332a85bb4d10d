import { In, type EntityManager } from "typeorm";
import { BadUserInputError, kitMessage, NotFoundError, todayInProvince } from "@danvan/kit";
import { programsMessage } from "../messages.js";
import { availableOn, lowestBalancesOf } from "./balance-by-date.js";
import { FundTransfer } from "./contribution.entity.js";
import { Fund, FundEntry } from "./fund.entity.js";
import { FundEntryKind } from "./fund-enums.js";
import { assertFundOpen, insufficientBalance } from "./fund-refusals.js";
import { tallyFundEntry } from "./fund-year-tally.js";
import { datedAfterToday } from "./ledger-by-date.js";
import { overdraws, signedAmount } from "./ledger-rules.js";

/** One movement to write: a positive amount, its kind giving the sign. */
export interface LedgerEntry {
  fundId: string;
  on: string;
  kind: FundEntryKind;
  amountVnd: bigint;
  refType: string;
  refId: string | number;
  /** The input path of the entry's date, for its refusal; by default the one its kind's mutation uses. */
  datePath?: string;
  /** The input path naming the fund, for a fund not open on the entry's date; by default its kind's. */
  fundPath?: string;
}

/** Where each kind's mutation takes the entry's date. */
const DATE_PATH: Readonly<Record<FundEntryKind, string>> = {
  [FundEntryKind.CONTRIBUTION]: "input.receivedOn",
  [FundEntryKind.TRANSFER_IN]: "input.transferredOn",
  [FundEntryKind.TRANSFER_OUT]: "input.transferredOn",
  [FundEntryKind.SUPPORT]: "input.givenOn",
  [FundEntryKind.HOUSE]: "input.on",
};

/** Where each kind's mutation names the fund (a house names it at its proposal: its step's date is refused). */
const FUND_PATH: Readonly<Record<FundEntryKind, string>> = {
  [FundEntryKind.CONTRIBUTION]: "input.fundId",
  [FundEntryKind.TRANSFER_IN]: "input.toFundId",
  [FundEntryKind.TRANSFER_OUT]: "input.fromFundId",
  [FundEntryKind.SUPPORT]: "input.fundId",
  [FundEntryKind.HOUSE]: "input.on",
};

/**
 * The fund's row, locked for the rest of the caller's transaction on PostgreSQL (SELECT … FOR NO
 * KEY UPDATE): whoever writes to a fund's ledger takes it first, so two writes take turns and the
 * second one checks the balances, and recomputes the lowest balance, from what the first one left.
 * Not FOR UPDATE: that lock also waits for the key-share locks that every insert referencing the
 * fund takes (a transfer's or a support event's foreign key), so two debits that had each inserted
 * their record first would deadlock. SQLite needs no lock: the kit runs its write transactions one
 * after another on its single connection.
 */
export function lockFund(m: EntityManager, fundId: string): Promise<Fund> {
  return fundRow(m, fundId, m.dataSource.options.type === "postgres");
}

/**
 * Locks several funds (a transfer's two) in the order of their ids, whatever way the money goes:
 * two transfers between the same funds in opposite directions then wait for each other instead
 * of each holding one lock and waiting for the other.
 */
export async function lockFunds(m: EntityManager, fundIds: string[]): Promise<void> {
  const ids = new Set(fundIds);
  if (m.dataSource.options.type === "postgres") {
    // A fund carried over passes entries dated back on to its successor (carryForward): its
    // successors are written too, so they are locked with it, in the same id order.
    let next = [...ids];
    while (next.length > 0) {
      const rows = await m.find(Fund, { where: { id: In(next) }, select: { id: true, successorFundId: true } });
      next = rows.map((r) => r.successorFundId).filter((id): id is string => id !== null && !ids.has(id));
      for (const id of next) ids.add(id);
    }
  }
  for (const id of [...ids].sort()) await lockFund(m, id);
}

async function fundRow(m: EntityManager, fundId: string, lock: boolean): Promise<Fund> {
  const fund = await m.findOne(Fund, {
    where: { id: fundId },
    ...(lock ? { lock: { mode: "for_no_key_update" as const } } : {}),
  });
  if (!fund) throw new NotFoundError(programsMessage("thingFund"), "input.fundId");
  return fund;
}

/**
 * Writes one ledger entry (and its year tally) inside the caller's transaction, by the ledger's
 * rules: no entry dated after today in the province (BAD_USER_INPUT on the date's path), and a
 * debit only when the fund holds the money at the end of its date and of every later day
 * (ledger-by-date.ts), else a CONFLICT with reason INSUFFICIENT_BALANCE and the fund's id. Every
 * entry locks its fund's row first (lockFund; a transfer locks both of its funds before, in id
 * order, with lockFunds) and then keeps the fund's lowest balance on that row
 * (keepLowestBalance), so the figure on the row is always the one its entries give.
 * Not enough money is a CONFLICT (the books stand in the way, not one input field), for
 * transfers, support and houses alike (README, "The ledger by date"). A fund takes entries only
 * while open (issue 27): not before it opened nor after its last day (BAD_USER_INPUT on the path
 * naming the fund); an entry dated back into a closed fund's books moves the balance it carried
 * over to its successor by the same amount (carryForward).
 */
export async function postEntry(m: EntityManager, entry: LedgerEntry): Promise<void> {
  if (datedAfterToday(entry.on, todayInProvince()))
    throw BadUserInputError.field(entry.datePath ?? DATE_PATH[entry.kind], kitMessage("notInFuture"));
  const amount = signedAmount(entry.kind, entry.amountVnd);
  // The fund and, when it was carried over, its successors (locks on PostgreSQL only).
  if (m.dataSource.options.type === "postgres") await lockFunds(m, [entry.fundId]);
  const fund = await lockFund(m, entry.fundId);
  assertFundOpen(fund, entry.on, entry.fundPath ?? FUND_PATH[entry.kind]);
  if (amount < 0n && overdraws(await availableOn(m, fund.id, entry.on, fund.closedOn), amount))
    throw insufficientBalance(fund.id);
  await m.insert(FundEntry, {
    fundId: fund.id,
    unitCode: fund.unitCode,
    entryOn: entry.on,
    kind: entry.kind,
    amountVnd: amount,
    refType: entry.refType,
    refId: String(entry.refId),
  });
  await carryForward(m, fund, amount);
  await keepLowestBalance(m, fund.id);
  await tallyFundEntry(m, { unitCode: fund.unitCode, on: entry.on, kind: entry.kind, amountVnd: entry.amountVnd });
}

/**
 * Keeps a closed fund's carry-over equal to its balance at the end of its last day: an entry of
 * `delta` (signed) dated on or before that day changes the transfer that carried the balance over
 * (issue 27, dated the day after) and both of its entries by `delta`, and so on down the chain
 * (Phường Đông Xuyên's fund went to Mỹ Xuyên's on 2025-01-01, which went to Phường Long Xuyên's
 * on 2025-07-01). A debit takes back money the successor received: it must still hold it from
 * that day on, else CONFLICT INSUFFICIENT_BALANCE naming the successor. The funds are locked
 * (lockFunds takes the chain).
 */
async function carryForward(m: EntityManager, fund: Fund, delta: bigint): Promise<void> {
  if (delta === 0n || fund.carryTransferId === null || fund.successorFundId === null) return;
  const carry = await m.findOneByOrFail(FundTransfer, { id: fund.carryTransferId });
  const successor = await lockFund(m, fund.successorFundId);
  if (delta < 0n && overdraws(await availableOn(m, successor.id, carry.transferredOn, successor.closedOn), delta))
    throw insufficientBalance(successor.id);
  const carried = carry.amountVnd + delta;
  await m.update(FundTransfer, { id: carry.id }, { amountVnd: carried });
  const side = (fundId: string) => ({
    fundId,
    entryOn: carry.transferredOn,
    refType: "FundTransfer",
    refId: String(carry.id),
  });
  await m.update(FundEntry, side(fund.id), { amountVnd: -carried });
  await m.update(FundEntry, side(successor.id), { amountVnd: carried });
  await carryForward(m, successor, delta);
  await keepLowestBalance(m, successor.id);
}

/**
 * Recomputes the fund's lowest end-of-day balance from its entries and keeps it on its row, in
 * the caller's transaction with the fund's row locked: an entry back-dated into the middle of the
 * books moves every later day's balance, so the figure is taken again from the fund's days (one
 * statement over that fund's index, as the debit check reads it), not patched.
 */
export async function keepLowestBalance(m: EntityManager, fundId: string): Promise<void> {
  const [lowest] = await lowestBalancesOf(m, [fundId]);
  await m.update(
    Fund,
    { id: fundId },
    { lowestBalanceOn: lowest?.on ?? null, lowestBalanceVnd: lowest?.balanceVnd ?? null },
  );
}
