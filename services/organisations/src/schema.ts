import type { GraphQLSchema } from "graphql";
import { buildFederatedSchema } from "@danvan/kit";
import { AdministrativeUnitResolver, administrativeUnitReference } from "./units/administrative-unit.resolver.js";
import { OrganisationResolver, organisationReference } from "./organisations/organisation.resolver.js";
import { MemberResolver, OrganisationMembersResolver } from "./members/member.resolver.js";
import { MemberAggregateCoverageResolver, MemberAggregateResolver } from "./members/member-aggregate.resolver.js";
import { PositionResolver } from "./positions/position.resolver.js";
import { CampaignResolver } from "./campaigns/campaign.resolver.js";
import { RecruitmentResolver } from "./recruitment/recruitment.resolver.js";
import {
  AdministrativeUnitStateBodiesResolver,
  StateBodyResolver,
  stateBodyReference,
} from "./state-bodies/state-body.resolver.js";

/** The organisations subgraph: owns the AdministrativeUnit, Organisation and StateBody entities. */
export function buildOrganisationsSchema(): Promise<GraphQLSchema> {
  return buildFederatedSchema({
    resolvers: [
      AdministrativeUnitResolver,
      OrganisationResolver,
      OrganisationMembersResolver,
      MemberResolver,
      MemberAggregateResolver,
      MemberAggregateCoverageResolver,
      PositionResolver,
      CampaignResolver,
      RecruitmentResolver,
      StateBodyResolver,
      AdministrativeUnitStateBodiesResolver,
    ],
    referenceResolvers: {
      AdministrativeUnit: administrativeUnitReference,
      Organisation: organisationReference,
      StateBody: stateBodyReference,
    },
  });
}
