import { Field, ObjectType } from "type-graphql";
import { DateScalar } from "@danvan/kit";
import { AdministrativeUnit } from "./administrative-unit.entity.js";
import { SuccessionShare } from "./succession-share.js";

/** A link between an old unit and a new one: the other unit, how much of the old one, and the day. */
@ObjectType({ description: "A unit this one was formed from (predecessors) or went into (successors)." })
export class UnitSuccessionLink {
  @Field(() => AdministrativeUnit)
  unit: AdministrativeUnit;

  @Field(() => SuccessionShare)
  share: SuccessionShare;

  @Field(() => DateScalar, { description: "The first day of the new unit." })
  on: string;
}
