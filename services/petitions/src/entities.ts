import { recordKeepingEntities } from "@danvan/kit";
import { Petition, PetitionEvent } from "./petitions/petition.entity.js";
import { IdentityRead, SealedDenouncerIdentity } from "./confidential/denouncer-identity.entity.js";
import { ReceptionSession, SessionPetition } from "./sessions/reception-session.entity.js";
import { DeclaredCalendarDay } from "./calendar/declared-calendar-day.entity.js";

export const entities = [
  Petition,
  PetitionEvent,
  SealedDenouncerIdentity,
  IdentityRead,
  ReceptionSession,
  SessionPetition,
  DeclaredCalendarDay,
  ...recordKeepingEntities,
];
