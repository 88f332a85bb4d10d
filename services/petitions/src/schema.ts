import type { GraphQLSchema } from "graphql";
import { buildFederatedSchema } from "@danvan/kit";
import { administrativeUnitReference, organisationReference } from "@danvan/kit/federation";
import { AdministrativeUnitPetitionsResolver } from "./federation/administrative-unit.resolver.js";
import { OrganisationPetitionsResolver } from "./federation/organisation.resolver.js";
import { PetitionResolver, petitionReference } from "./petitions/petition.resolver.js";
import { PetitionMutationsResolver } from "./petitions/petition-mutations.resolver.js";
import { DenouncerIdentityResolver } from "./confidential/denouncer-identity.resolver.js";
import { PetitionEventFreeTextResolver, PetitionFreeTextResolver } from "./confidential/free-text.resolver.js";
import { SessionResolver } from "./sessions/session.resolver.js";
import { ReassignPetitionResolver } from "./petitions/reassign.resolver.js";
import { ForwardPetitionResolver } from "./petitions/forward.resolver.js";
import { SecondRoundResolver } from "./petitions/second-round.resolver.js";
import { PetitionEventUnitResolver, PetitionHandlingUnitResolver } from "./petitions/handling-unit.resolver.js";
import { CalendarResolver } from "./calendar/calendar.resolver.js";
import { PetitionAggregateResolver } from "./statistics/petition-aggregate.resolver.js";

/** The petitions subgraph: owns Petition; adds petition figures to AdministrativeUnit and petitions to Organisation. */
export function buildPetitionsSchema(): Promise<GraphQLSchema> {
  return buildFederatedSchema({
    resolvers: [
      PetitionResolver,
      PetitionMutationsResolver,
      DenouncerIdentityResolver,
      PetitionFreeTextResolver,
      PetitionEventFreeTextResolver,
      AdministrativeUnitPetitionsResolver,
      OrganisationPetitionsResolver,
      SessionResolver,
      PetitionAggregateResolver,
      ReassignPetitionResolver,
      CalendarResolver,
      ForwardPetitionResolver,
      SecondRoundResolver,
      PetitionHandlingUnitResolver,
      PetitionEventUnitResolver,
    ],
    referenceResolvers: {
      AdministrativeUnit: administrativeUnitReference,
      Organisation: organisationReference,
      Petition: petitionReference,
    },
  });
}
