import { BadUserInputError } from "@danvan/kit";
import { checkFilingLimit } from "../deadlines/filing-limit.js";
import type { WorkingCalendar } from "../deadlines/working-calendar.js";
import type { PetitionState } from "../lifecycle/index.js";
import { PetitionKind } from "../lifecycle/index.js";
import { petitionsMessage } from "../messages.js";
import type { SubmitPetitionInput } from "./petition.input.js";

/**
 * The complaint's filing time limit at submission (Law on Complaints 2011, Art. 9 and 33): with
 * `decisionKnownOn` given, a complaint received after its last day is refused at `input.receivedOn`.
 * Entering an old case counts from its own receipt date, not today, so a case lodged in time then
 * passes; one whose decision date nobody recorded leaves `decisionKnownOn` out and is not checked.
 */
export function checkReceipt(input: SubmitPetitionInput, state: PetitionState, calendar: WorkingCalendar): void {
  const known = input.decisionKnownOn ?? null;
  if (known === null) {
    if (input.obstacleDays != null)
      throw BadUserInputError.field("input.obstacleDays", petitionsMessage("decisionKnownForComplaints"));
    return;
  }
  if (input.kind !== PetitionKind.COMPLAINT)
    throw BadUserInputError.field("input.decisionKnownOn", petitionsMessage("decisionKnownForComplaints"));
  if (known > input.receivedOn)
    throw BadUserInputError.field("input.decisionKnownOn", petitionsMessage("notAfterReceipt"));
  const breach = checkFilingLimit(
    {
      kind: state.kind,
      round: state.round,
      isRemoteArea: state.isRemoteArea,
      receivedOn: state.receivedOn,
      decisionKnownOn: known,
      obstacleDays: input.obstacleDays ?? 0,
    },
    calendar,
  );
  if (breach) throw BadUserInputError.field("input.receivedOn", petitionsMessage("filingLimitPassed"));
}
