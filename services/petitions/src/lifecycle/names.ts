import type { Message } from "@danvan/kit/i18n";
import { petitionsMessage, type PetitionsMessageKey } from "../messages.js";
import type { PetitionKind, PetitionStatus } from "./petition-enums.js";
import type { TransitionType } from "./transition-rules.js";

/** The lifecycle's words as messages, named inside other messages (a refusal names the status, say). */
const KIND_NAMES: Readonly<Record<PetitionKind, PetitionsMessageKey>> = {
  COMPLAINT: "kindComplaint",
  DENUNCIATION: "kindDenunciation",
  RECOMMENDATION: "kindRecommendation",
  REFLECTION: "kindReflection",
};

const STATUS_NAMES: Readonly<Record<PetitionStatus, PetitionsMessageKey>> = {
  RECEIVED: "statusReceived",
  ACCEPTED: "statusAccepted",
  NOT_ACCEPTED: "statusNotAccepted",
  UNDER_VERIFICATION: "statusUnderVerification",
  RESOLVED: "statusResolved",
  WITHDRAWN: "statusWithdrawn",
  NOT_PROCESSED_AS_DENUNCIATION: "statusNotProcessed",
  REFERRED_FOR_INSPECTION: "statusReferred",
  FORWARDED: "statusForwarded",
};

const STEP_NAMES: Readonly<Record<TransitionType, PetitionsMessageKey>> = {
  receive: "stepReceive",
  accept: "stepAccept",
  refuseAcceptance: "stepRefuseAcceptance",
  markNotProcessable: "stepMarkNotProcessable",
  startVerification: "stepStartVerification",
  extendDeadline: "stepExtendDeadline",
  resolve: "stepResolve",
  withdraw: "stepWithdraw",
  referForInspection: "stepReferForInspection",
  forward: "stepForward",
  reorganise: "stepReorganise",
};

/** A petition kind's own name ("complaint", "đơn khiếu nại"), to be named inside another message. */
export function kindName(kind: PetitionKind): Message {
  return petitionsMessage(KIND_NAMES[kind]);
}

/** A status's own name ("under verification", "đang xác minh"). */
export function statusName(status: PetitionStatus): Message {
  return petitionsMessage(STATUS_NAMES[status]);
}

/** What a step does to the petition, to follow "cannot" ("be accepted", "thụ lý"). */
export function stepName(type: TransitionType): Message {
  return petitionsMessage(STEP_NAMES[type]);
}
