import {
  BadUserInputError,
  ConflictError,
  ErrorCode,
  isAnonymous,
  LocalizedError,
  UnauthenticatedError,
  type Identity,
  type Message,
} from "@danvan/kit";
import { programsMessage } from "../messages.js";
import { fundOpenOn, type Fund } from "./fund.entity.js";
import { refusedBy, standingOf, type FundAct, type FundRule } from "./spending-authority.js";

/**
 * The fund's refusals as coded GraphQL errors, in the caller's language: the one place where the
 * fund feature translates its rules. None names an amount or anything else the client sent.
 */

/** Why a debit is a CONFLICT: the books, not the request, stand in the way (`extensions.reason`). */
export const INSUFFICIENT_BALANCE = "INSUFFICIENT_BALANCE";
export const RETURN_EXCEEDS_ALLOCATION = "RETURN_EXCEEDS_ALLOCATION";

/** A debit the fund cannot cover on its date or on a later day: CONFLICT naming the fund. */
export function insufficientBalance(fundId: string): ConflictError {
  return new ConflictError(programsMessage("insufficientBalance"), { reason: INSUFFICIENT_BALANCE, fundId });
}

/** A transfer up beyond what the higher fund allocated and was not yet returned: CONFLICT naming the sending fund. */
export function returnExceedsAllocation(fundId: string): ConflictError {
  return new ConflictError(programsMessage("returnExceedsAllocation"), {
    reason: RETURN_EXCEEDS_ALLOCATION,
    fundId,
  });
}

const RULE_MESSAGE: Readonly<Record<FundRule, Message>> = {
  FUND_BOARD_ONLY: programsMessage("fundBoardOnly"),
  HIGHER_LEVEL_NEVER_SPENDS: programsMessage("higherLevelNeverSpends"),
  NO_TRANSFER_ACROSS: programsMessage("noTransferAcross"),
};

/** A fund's board unit, as spending-authority.ts names funds: the tail of its id ("30280", "30307-25"). */
export function boardUnitOf(fundId: string): string {
  return fundId.slice("QVNN-".length);
}

/**
 * Refuses, FORBIDDEN with `extensions.rule` and the rule's sentence, an act the caller has no
 * authority for on the fund whose board unit is `fundUnit` (spending-authority.ts, boardUnitOf).
 */
export function assertFundAct(identity: Identity, act: FundAct, fundUnit: string): void {
  if (isAnonymous(identity)) throw new UnauthenticatedError();
  const rule = refusedBy(act, standingOf(identity, fundUnit));
  if (rule) throw new LocalizedError(ErrorCode.FORBIDDEN, RULE_MESSAGE[rule], [], { rule });
}

/** Support and house payments: only the paying fund's own board (or an administrator) spends its money. */
export function assertMaySpend(identity: Identity, fund: { id: string }): void {
  assertFundAct(identity, "SPEND", boardUnitOf(fund.id));
}

/** A fund not open on an entry's date (before it opened, after its last day): BAD_USER_INPUT at `field`. */
export function assertFundOpen(fund: Pick<Fund, "openedOn" | "closedOn">, on: string, field: string): void {
  if (!fundOpenOn(fund, on)) throw BadUserInputError.field(field, programsMessage("fundNotInForce"));
}
