/** Who pays for a house: the fund, sponsors, the family (whole VND, each 0 or more). */
export interface HouseCostSplit {
  fundAmountVnd: bigint;
  sponsorAmountVnd: bigint;
  familyAmountVnd: bigint;
  fundId: string | null;
}

/** What can be wrong with a cost split (house-refusals.ts says it to the caller, on its field). */
export type HouseCostFault = "costsNothing" | "fundShareWithoutFund" | "fundPaysNothing";

/**
 * The cost split's rules: a house costs something, and the fund's share and the paying fund
 * go together (a share without a fund could never be debited; a fund paying 0 is a mistake).
 */
export function costFaults(split: HouseCostSplit): HouseCostFault[] {
  const faults: HouseCostFault[] = [];
  if (split.fundAmountVnd + split.sponsorAmountVnd + split.familyAmountVnd <= 0n) faults.push("costsNothing");
  if (split.fundAmountVnd > 0n && !split.fundId) faults.push("fundShareWithoutFund");
  if (split.fundAmountVnd === 0n && split.fundId) faults.push("fundPaysNothing");
  return faults;
}
