import { FundEntryKind } from "./fund-enums.js";

/**
 * The ledger's rules, free of the database: every movement is one signed entry (receipts
 * positive, outflows negative), an outflow never takes a fund below zero, and a balance over a
 * period closes as opening + contributions + transfers in − transfers out − spent.
 */

const OUTFLOWS: ReadonlySet<FundEntryKind> = new Set([
  FundEntryKind.TRANSFER_OUT,
  FundEntryKind.SUPPORT,
  FundEntryKind.HOUSE,
]);

/** Receipts are positive, outflows negative. */
export function signedAmount(kind: FundEntryKind, amountVnd: bigint): bigint {
  if (amountVnd <= 0n) throw new RangeError("an entry's amount is positive; its kind gives the sign");
  return OUTFLOWS.has(kind) ? -amountVnd : amountVnd;
}

/** True when a signed entry would take a fund holding `available` below zero. */
export function overdraws(available: bigint, signed: bigint): boolean {
  return signed < 0n && available + signed < 0n;
}

/** A fund's movements over a period, each a positive amount. */
export interface PeriodMovements {
  openingVnd: bigint;
  contributionsVnd: bigint;
  transfersInVnd: bigint;
  transfersOutVnd: bigint;
  spentVnd: bigint;
}

/** closing = opening + contributions + transfers in − transfers out − spent. */
export function closingBalance(b: PeriodMovements): bigint {
  return b.openingVnd + b.contributionsVnd + b.transfersInVnd - b.transfersOutVnd - b.spentVnd;
}

/**
 * Money goes up only back to the fund that allocated it (spending-authority.ts): a return may
 * not exceed what the higher fund transferred to this one, less what was already returned.
 */
export function returnExceedsAllocation(
  between: { allocatedVnd: bigint; returnedVnd: bigint },
  amountVnd: bigint,
): boolean {
  return amountVnd > between.allocatedVnd - between.returnedVnd;
}
