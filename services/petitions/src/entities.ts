import { recordKeepingEntities } from "@danvan/kit";
import { Petition, PetitionEvent } from "./petitions/petition.entity.js";
import { DenouncerIdentity, IdentityRead } from "./confidential/denouncer-identity.entity.js";

export const entities = [Petition, PetitionEvent, DenouncerIdentity, IdentityRead, ...recordKeepingEntities];
