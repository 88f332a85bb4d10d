import type { GraphQLSchema } from "graphql";
import { buildFederatedSchema } from "@danvan/kit";
import { administrativeUnitReference } from "./federation/administrative-unit.ref.js";
import { organisationReference } from "./federation/organisation.ref.js";
import { AdministrativeUnitFieldsResolver } from "./federation/administrative-unit.resolver.js";
import { OrganisationFieldsResolver } from "./federation/organisation.resolver.js";
import { HouseholdResolver, householdReference } from "./households/household.resolver.js";
import { PovertyResolver, PovertyStandardResolver } from "./poverty/poverty.resolver.js";
import { ContributionResolver, FundResolver } from "./fund/fund.resolver.js";
import { FundSummaryResolver } from "./fund/fund-summary.resolver.js";
import { SupportResolver } from "./support/support.resolver.js";
import { houseResolvers } from "./houses/index.js";
import { modelResolvers } from "./models/index.js";
import { projectResolvers } from "./projects/index.js";

/** The programs subgraph: owns Household; adds fields to AdministrativeUnit and Organisation. */
export function buildProgramsSchema(): Promise<GraphQLSchema> {
  return buildFederatedSchema({
    resolvers: [
      AdministrativeUnitFieldsResolver,
      OrganisationFieldsResolver,
      HouseholdResolver,
      PovertyResolver,
      PovertyStandardResolver,
      FundResolver,
      ContributionResolver,
      FundSummaryResolver,
      SupportResolver,
      ...houseResolvers,
      ...modelResolvers,
      ...projectResolvers,
    ],
    referenceResolvers: {
      AdministrativeUnit: administrativeUnitReference,
      Organisation: organisationReference,
      Household: householdReference,
    },
  });
}
