import { Field, Int, ObjectType } from "type-graphql";
import { DateScalar } from "@danvan/kit";
import { AdministrativeUnitRef } from "@danvan/kit/federation";
import { COVERAGE, FigureCoverage, type Coverage } from "../figure-units.js";
import { HouseStatus, HouseWorkKind } from "./house-graphql-enums.js";

@ObjectType({ description: "Houses in one state." })
export class HouseStatusCount {
  @Field(() => HouseStatus)
  status: HouseStatus;

  @Field(() => Int)
  count: number;
}

@ObjectType({ description: "Houses of one kind (new or repair)." })
export class HouseKindCount {
  @Field(() => HouseWorkKind)
  kind: HouseWorkKind;

  @Field(() => Int)
  count: number;
}

@ObjectType({
  description:
    "Great Solidarity houses of a unit and the units below it, each counted in its current state. With a period, only houses that reached that state within it (public aggregate).",
})
export class HouseStatistics {
  @Field(() => AdministrativeUnitRef)
  unit: AdministrativeUnitRef;

  @Field(() => DateScalar, { nullable: true })
  from: string | null;

  @Field(() => DateScalar, { nullable: true })
  to: string | null;

  @Field(() => Int)
  total: number;

  @Field(() => [HouseStatusCount], { description: "One row per state, zeros included, in lifecycle order." })
  byStatus: HouseStatusCount[];

  @Field(() => [HouseKindCount], { description: "One row per kind, zeros included." })
  byKind: HouseKindCount[];

  @Field(() => FigureCoverage, { description: COVERAGE })
  coverage: Coverage;
}
