import { Directive, Field, ID, ObjectType } from "type-graphql";

/** The organisations subgraph owns Organisation; this subgraph adds the petitions it handles. */
@ObjectType("Organisation")
@Directive('@key(fields: "id")')
export class OrganisationRef {
  @Field(() => ID)
  id: string;
}

export function organisationRef(id: string): OrganisationRef {
  return Object.assign(new OrganisationRef(), { id });
}

export const organisationReference = {
  __resolveReference: (ref: { id: string }) => organisationRef(ref.id),
};
