import type { FieldProblem } from "@danvan/kit";
import { programsMessage } from "../messages.js";

/** Who pays for a house: the fund, sponsors, the family (whole VND, each 0 or more). */
export interface HouseCostSplit {
  fundAmountVnd: bigint;
  sponsorAmountVnd: bigint;
  familyAmountVnd: bigint;
  fundId: string | null;
}

/**
 * The cost split's rules: a house costs something, and the fund's share and the paying fund
 * go together (a share without a fund could never be debited; a fund paying 0 is a mistake).
 */
export function costProblems(split: HouseCostSplit): FieldProblem[] {
  const problems: FieldProblem[] = [];
  if (split.fundAmountVnd + split.sponsorAmountVnd + split.familyAmountVnd <= 0n) {
    problems.push({ path: "input.familyAmountVnd", message: programsMessage("costNothing") });
  }
  if (split.fundAmountVnd > 0n && !split.fundId) {
    problems.push({ path: "input.fundId", message: programsMessage("fundIdRequired") });
  }
  if (split.fundAmountVnd === 0n && split.fundId) {
    problems.push({ path: "input.fundAmountVnd", message: programsMessage("fundPaysNothing") });
  }
  return problems;
}
