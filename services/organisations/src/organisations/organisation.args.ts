import { ArgsType, Field, ID } from "type-graphql";
import { PageArgs } from "@danvan/kit";
import { OrganisationKind } from "./organisation-kind.js";

@ArgsType()
export class OrganisationsArgs extends PageArgs {
  @Field(() => OrganisationKind, { nullable: true })
  kind?: OrganisationKind | null;

  @Field(() => ID, { nullable: true, description: "Committees at this unit (and below it with includeBelow)." })
  unitCode?: string | null;

  @Field(() => Boolean, { nullable: true, defaultValue: false })
  includeBelow?: boolean | null;

  @Field(() => Boolean, {
    nullable: true,
    defaultValue: false,
    description:
      "Also the grassroots trade unions (công đoàn cơ sở) in enterprises and agencies: those whose workplace is in the unit(s), or every one without unitCode.",
  })
  grassrootsUnions?: boolean | null;
}
