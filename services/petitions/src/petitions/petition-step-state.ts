import { kitMessage } from "@danvan/kit";
import type { PetitionState } from "../lifecycle/index.js";
import { petitionsMessage } from "../messages.js";
import type { Petition } from "./petition.entity.js";

/**
 * What every step of a petition reads and says, apart from how it is taken: the stored petition
 * as the rules' state, and the message of a write that lost the version race. Shared by
 * record-step.ts, the side steps and the reorganisation step, which import nothing of each other
 * for it.
 */
export function stateOf(p: Petition): PetitionState {
  return {
    kind: p.kind,
    round: p.round,
    complexity: p.complexity,
    isRemoteArea: p.isRemoteArea,
    status: p.status,
    receivedOn: p.receivedOn,
    acceptedOn: p.acceptedOn,
    extensionsUsed: p.extensionsUsed,
    extendedDays: p.extendedDays,
    lastStepOn: p.lastStepOn,
    closedOn: p.closedOn,
    dueOn: p.dueOn,
    acceptanceDueOn: p.acceptanceDueOn ?? p.dueOn ?? p.receivedOn,
    refusalReason: p.refusalReason,
    notProcessableReason: p.notProcessableReason,
    outcome: p.outcome,
  };
}

/** The message of a write that lost the version race (every step of a petition says the same). */
export const changedByOthers = () => kitMessage("changedByOthers", { thing: petitionsMessage("thingPetition") });
