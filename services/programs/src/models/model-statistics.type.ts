import { Field, Int, ObjectType } from "type-graphql";
import { MoneyScalar } from "@danvan/kit";
import { AdministrativeUnitRef } from "@danvan/kit/federation";
import { COVERAGE, FigureCoverage, type Coverage } from "../figure-units.js";
import { MobilisationField, ModelStatus } from "./model-graphql-enums.js";

@ObjectType({ description: "Models in one field." })
export class ModelFieldCount {
  @Field(() => MobilisationField)
  field: MobilisationField;

  @Field(() => Int)
  count: number;
}

@ObjectType({ description: "Models in one state." })
export class ModelStatusCount {
  @Field(() => ModelStatus)
  status: ModelStatus;

  @Field(() => Int)
  count: number;
}

@ObjectType({
  description: '"Dân vận khéo" models of a unit and the units below it, by field and state (public aggregate).',
})
export class ModelStatistics {
  @Field(() => AdministrativeUnitRef)
  unit: AdministrativeUnitRef;

  @Field(() => Int, { nullable: true, description: "The registration year counted; every year when null." })
  year: number | null;

  @Field(() => Int)
  total: number;

  @Field(() => MoneyScalar, { description: "Resources the models mobilised, VND." })
  resourcesMobilisedVnd: bigint;

  @Field(() => [ModelFieldCount], { description: "One row per field, zeros included." })
  byField: ModelFieldCount[];

  @Field(() => [ModelStatusCount], { description: "One row per state, zeros included, in lifecycle order." })
  byStatus: ModelStatusCount[];

  @Field(() => FigureCoverage, { description: COVERAGE })
  coverage: Coverage;
}
