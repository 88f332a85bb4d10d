import { ArgsType, Field, ID } from "type-graphql";
import { DateScalar, PageArgs } from "@danvan/kit";
import { OrganisationKind } from "./organisation-kind.js";

@ArgsType()
export class OrganisationsArgs extends PageArgs {
  @Field(() => OrganisationKind, { nullable: true })
  kind?: OrganisationKind | null;

  @Field(() => ID, {
    nullable: true,
    description:
      "Committees of the unit this code names now (on asOf, with asOf); with includeBelow, of every unit of its territory through time, its predecessors' included.",
  })
  unitCode?: string | null;

  @Field(() => Boolean, { nullable: true, defaultValue: false })
  includeBelow?: boolean | null;

  @Field(() => DateScalar, {
    nullable: true,
    description: "Only the committees in existence on this date (every committee, ended ones included, without it).",
  })
  asOf?: string | null;

  @Field(() => Boolean, {
    nullable: true,
    defaultValue: false,
    description:
      "Also the grassroots trade unions (công đoàn cơ sở) in enterprises and agencies: those whose workplace is in the unit(s), or every one without unitCode.",
  })
  grassrootsUnions?: boolean | null;
}
