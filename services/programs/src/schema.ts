import type { GraphQLSchema } from "graphql";
import { buildFederatedSchema } from "@danvan/kit";
import { administrativeUnitReference, organisationReference } from "@danvan/kit/federation";
// type-graphql lists the fields of Query, Mutation and Household in the order their resolvers'
// modules load, and schema/programs.graphql is printed in that order: keep these imports as they are.
import { SolidarityHouseResolver } from "./houses/house.resolver.js";
import { HouseholdResolver, householdReference } from "./households/household.resolver.js";
import { HouseMutationsResolver } from "./houses/house-mutations.resolver.js";
import { MobilisationModelResolver } from "./models/model.resolver.js";
import { ModelMutationsResolver } from "./models/model-mutations.resolver.js";
import { MemberProjectResolver } from "./projects/project.resolver.js";
import { ProjectMutationsResolver } from "./projects/project-mutations.resolver.js";
import { FundSummaryResolver } from "./fund-summary/fund-summary.resolver.js";
import { ContributionResolver, FundResolver } from "./fund/fund.resolver.js";
import { PovertyResolver, PovertyStandardResolver } from "./poverty/poverty.resolver.js";
import { HouseholdPovertyResolver } from "./poverty/household-poverty.resolver.js";
import { SupportResolver } from "./support/support.resolver.js";
import { HouseholdSupportResolver } from "./support/household-support.resolver.js";
import { AdministrativeUnitFieldsResolver } from "./federation/administrative-unit.resolver.js";
import { OrganisationFieldsResolver } from "./federation/organisation.resolver.js";
import { AggregatesResolver } from "./aggregates/aggregates.resolver.js";

/** The programs subgraph: owns Household; adds fields to AdministrativeUnit and Organisation. */
export function buildProgramsSchema(): Promise<GraphQLSchema> {
  return buildFederatedSchema({
    resolvers: [
      AdministrativeUnitFieldsResolver,
      OrganisationFieldsResolver,
      HouseholdResolver,
      HouseholdPovertyResolver,
      HouseholdSupportResolver,
      PovertyResolver,
      PovertyStandardResolver,
      FundSummaryResolver,
      FundResolver,
      ContributionResolver,
      SupportResolver,
      SolidarityHouseResolver,
      HouseMutationsResolver,
      MobilisationModelResolver,
      ModelMutationsResolver,
      MemberProjectResolver,
      ProjectMutationsResolver,
      AggregatesResolver,
    ],
    referenceResolvers: {
      AdministrativeUnit: administrativeUnitReference,
      Organisation: organisationReference,
      Household: householdReference,
    },
  });
}
