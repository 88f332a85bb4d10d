import { Directive, Field, ID, ObjectType } from "type-graphql";
import { unitByCode } from "../units/reference-units.js";

/**
 * The entities the organisations subgraph owns, as the other subgraphs see them: by key only.
 * A subgraph adds its own fields to these with a `@Resolver(() => AdministrativeUnitRef)`;
 * every other field comes from organisations through the gateway. Imported from
 * "@danvan/kit/federation" only by the subgraphs that extend them (organisations defines the
 * types themselves).
 */
@ObjectType("AdministrativeUnit")
@Directive('@key(fields: "code")')
export class AdministrativeUnitRef {
  @Field(() => ID)
  code: string;
}

@ObjectType("Organisation")
@Directive('@key(fields: "id")')
export class OrganisationRef {
  @Field(() => ID)
  id: string;
}

export function unitRef(code: string): AdministrativeUnitRef {
  return Object.assign(new AdministrativeUnitRef(), { code });
}

export function organisationRef(id: string): OrganisationRef {
  return Object.assign(new OrganisationRef(), { id });
}

/** `_entities` for AdministrativeUnit: a known reference unit, or null. */
export const administrativeUnitReference = {
  __resolveReference: (ref: { code: string }) => (unitByCode(ref.code) ? unitRef(ref.code) : null),
};

/** `_entities` for Organisation: the reference as given (organisations says whether it exists). */
export const organisationReference = {
  __resolveReference: (ref: { id: string }) => organisationRef(ref.id),
};
