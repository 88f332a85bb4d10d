import { recordKeepingEntities } from "@danvan/kit";
import { Petition, PetitionEvent } from "./petitions/petition.entity.js";
import { DenouncerIdentity, IdentityRead } from "./confidential/denouncer-identity.entity.js";
import { ReceptionSession, SessionPetition } from "./sessions/reception-session.entity.js";

export const entities = [
  Petition,
  PetitionEvent,
  DenouncerIdentity,
  IdentityRead,
  ReceptionSession,
  SessionPetition,
  ...recordKeepingEntities,
];
