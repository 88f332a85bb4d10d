import { petitionsMessage } from "../messages.js";
import { PetitionKind } from "./petition-enums.js";
import { PetitionRuleError } from "./rule-error.js";
import type { WithdrawTransition } from "./transition-rules.js";

/**
 * Whether a withdrawal ends the case. Either way the withdrawal is a step of the case history.
 *
 * - Complaint (Law on Complaints 2011, Art. 10): the complainant may withdraw at any time while
 *   the complaint is being handled, in writing (signed or fingerprinted); handling then stops.
 * - Denunciation (Law on Denunciations 2018, Art. 33): the denouncer may withdraw all or part of
 *   it before the conclusion, in writing. Withdrawing all of it stops the handling, except that it
 *   is still resolved when only part is withdrawn, when others who denounced together have not
 *   withdrawn, or when the handler finds signs of a violation, a withdrawal obtained by threat or
 *   bribe, or a denunciation used to slander. "Before the conclusion" is the open statuses.
 */
export function withdrawalEndsCase(kind: PetitionKind, w: WithdrawTransition): boolean {
  if (w.inWriting !== true) {
    throw new PetitionRuleError("INVALID_TRANSITION_INPUT", petitionsMessage("withdrawalInWriting"), {
      transition: "withdraw",
      kind,
      field: "inWriting",
    });
  }
  const goesOn = [w.partOnly, w.otherDenouncersContinue, w.handlerContinues];
  if (kind === PetitionKind.COMPLAINT) {
    const field = (["partOnly", "otherDenouncersContinue", "handlerContinues"] as const).find((_, i) => goesOn[i]);
    if (field) {
      throw new PetitionRuleError("INVALID_TRANSITION_INPUT", petitionsMessage("complaintWithdrawalEndsIt"), {
        transition: "withdraw",
        kind,
        field,
      });
    }
    return true;
  }
  return !goesOn.some((flag) => flag === true);
}
