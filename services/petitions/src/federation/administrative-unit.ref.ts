import { Directive, Field, ID, ObjectType } from "type-graphql";
import { unitByCode } from "@danvan/kit";

/**
 * The organisations subgraph owns AdministrativeUnit; this subgraph adds petition statistics to it.
 * Only the code lives here: every other field comes from organisations through the gateway.
 */
@ObjectType("AdministrativeUnit")
@Directive('@key(fields: "code")')
export class AdministrativeUnitRef {
  @Field(() => ID)
  code: string;
}

export function unitRef(code: string): AdministrativeUnitRef {
  return Object.assign(new AdministrativeUnitRef(), { code });
}

/** `_entities` for AdministrativeUnit here: a known reference unit, or null. */
export const administrativeUnitReference = {
  __resolveReference: (ref: { code: string }) => (unitByCode(ref.code) ? unitRef(ref.code) : null),
};
