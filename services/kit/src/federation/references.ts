import { Directive, Field, ID, ObjectType } from "type-graphql";
import { DateScalar } from "../scalars.js";
import { unitByCode } from "../units/reference-units.js";
import { latestUnit, unitOn, unitVersion } from "../units/timeline.js";

/**
 * The entities the organisations subgraph owns, as the other subgraphs see them: by key only.
 * A subgraph adds its own fields to these with a `@Resolver(() => AdministrativeUnitRef)`;
 * every other field comes from organisations through the gateway. Imported from
 * "@danvan/kit/federation" only by the subgraphs that extend them (organisations defines the
 * types themselves).
 */
/**
 * A unit is its code and its validity (codes are reused): every subgraph refers to one version,
 * `code validFrom`, so a figure of Phường Mỹ Hòa (30307 until 2025-06-30) is never read as one of
 * Phường Long Xuyên (30307 from 2025-07-01).
 */
@ObjectType("AdministrativeUnit")
@Directive('@key(fields: "code validFrom")')
export class AdministrativeUnitRef {
  @Field(() => ID)
  code: string;

  @Field(() => DateScalar)
  validFrom: string;
}

@ObjectType("Organisation")
@Directive('@key(fields: "id")')
export class OrganisationRef {
  @Field(() => ID)
  id: string;
}

/**
 * A reference to the unit a code named on `on` (a fact's date), else to the one it names now. A
 * code that never named a unit keeps the records' first day (organisations answers null for it).
 */
export function unitRef(code: string, on?: string | null): AdministrativeUnitRef {
  const v = (on ? unitOn(code, on) : undefined) ?? latestUnit(code);
  return Object.assign(new AdministrativeUnitRef(), { code, validFrom: v?.validFrom ?? "2010-01-01" });
}

export function organisationRef(id: string): OrganisationRef {
  return Object.assign(new OrganisationRef(), { id });
}

/** `_entities` for AdministrativeUnit: a known unit version (by code alone: the one it names now), or null. */
export const administrativeUnitReference = {
  __resolveReference: (ref: { code: string; validFrom?: string | null }) => {
    if (!ref.validFrom) return unitByCode(ref.code) ? unitRef(ref.code) : null;
    return unitVersion(ref.code, ref.validFrom)
      ? Object.assign(new AdministrativeUnitRef(), { code: ref.code, validFrom: ref.validFrom })
      : null;
  },
};

/** `_entities` for Organisation: the reference as given (organisations says whether it exists). */
export const organisationReference = {
  __resolveReference: (ref: { id: string }) => organisationRef(ref.id),
};
