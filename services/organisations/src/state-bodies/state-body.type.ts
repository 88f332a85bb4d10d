import { Directive, Field, ID, ObjectType, registerEnumType } from "type-graphql";
import { AdministrativeUnit } from "../units/administrative-unit.entity.js";
import { STATE_BODY_KIND_NAMES, STATE_BODY_KINDS, type StateBodyKindName } from "@danvan/kit/federation";

export const StateBodyKind = Object.fromEntries(STATE_BODY_KIND_NAMES.map((k) => [k, k])) as {
  [K in StateBodyKindName]: K;
};
registerEnumType(StateBodyKind, {
  name: "StateBodyKind",
  description: "A state body a petition outside the Front's competence is forwarded to.",
  valuesConfig: Object.fromEntries(
    STATE_BODY_KIND_NAMES.map((k) => [
      k,
      { description: `${STATE_BODY_KINDS[k].namePrefix}: ${STATE_BODY_KINDS[k].competence}` },
    ]),
  ),
});

/** A unit's state body (not stored: derived from the unit and the kinds its level has). */
@ObjectType({
  description:
    "A state body of a unit (the People's Committee's chairperson, the inspectorate, the court, the procuracy, the police) to which petitions are forwarded.",
})
@Directive('@key(fields: "id")')
export class StateBody {
  @Field(() => ID, { description: 'Its prefix and its unit\'s code: "UBND-883", "TTR-89", "TAND-883".' })
  id: string;

  @Field(() => StateBodyKind)
  kind: StateBodyKindName;

  @Field({ description: 'Its name: "Chủ tịch Ủy ban nhân dân Thành phố Long Xuyên".' })
  name: string;

  @Field({ description: "What it is competent for, with the law." })
  competence: string;

  @Field(() => AdministrativeUnit)
  unit: AdministrativeUnit;
}
