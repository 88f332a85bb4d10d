import { ArgsType, Field, ID, InputType, Int } from "type-graphql";
import {
  DateScalar,
  IsEnum,
  IsInt,
  IsNonNegativeVnd,
  IsOptional,
  kitMessage,
  Length,
  Matches,
  Max,
  MaxLength,
  Min,
  MoneyScalar,
  PageArgs,
  UNIT_CODE_PATTERN,
} from "@danvan/kit";
import { programsMessage } from "../messages.js";
import { COMMITTEE_ID, ORGANISATION_ID_MESSAGE } from "../committees.js";
import { MobilisationField, MobilisationTrack, ModelStatus, RegistrantKind } from "./model-graphql-enums.js";

@InputType({ description: 'A "Dân vận khéo" model registered with a committee.' })
export class RegisterModelInput {
  @Field()
  @Length(3, 300)
  name: string;

  @Field(() => MobilisationField)
  @IsEnum(MobilisationField)
  field: MobilisationField;

  @Field(() => MobilisationTrack)
  @IsEnum(MobilisationTrack)
  track: MobilisationTrack;

  @Field(() => RegistrantKind)
  @IsEnum(RegistrantKind)
  registrantKind: RegistrantKind;

  @Field({ description: "The collective's or the person's name." })
  @Length(2, 200)
  registrantName: string;

  @Field(() => ID, { description: "The registering committee." })
  @Matches(COMMITTEE_ID, ORGANISATION_ID_MESSAGE)
  organisationId: string;

  @Field(() => ID, { nullable: true, description: "Where the model runs; the committee's unit by default." })
  @IsOptional()
  @Matches(UNIT_CODE_PATTERN, kitMessage("unitCode"))
  unitCode?: string | null;

  @Field(() => Int)
  @IsInt()
  @Min(2000)
  @Max(2100)
  year: number;

  @Field(() => DateScalar, { description: "Not in the future." })
  registeredOn: string;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @MaxLength(4000)
  description?: string | null;

  @Field(() => MoneyScalar, { nullable: true, description: "Resources mobilised so far, whole VND; 0 by default." })
  @IsOptional()
  @IsNonNegativeVnd()
  resourcesMobilisedVnd?: bigint | number | null;

  @Field(() => String, { nullable: true, description: "A retry with the same key returns the first result." })
  @IsOptional()
  @Length(8, 200)
  idempotencyKey?: string | null;
}

@InputType({ description: "One step of a model's lifecycle: start, evaluate, recognise, reject, withdraw." })
export class ModelStepInput {
  @Field(() => ID)
  @Matches(/^\d{1,12}$/, kitMessage("notAnId", { thing: programsMessage("thingModel") }))
  modelId: string;

  @Field(() => DateScalar, { description: "The date of the step: not before the previous step, not in the future." })
  on: string;

  @Field(() => Int, { description: "The model's version as last read; a stale version is a CONFLICT." })
  @IsInt()
  @Min(1)
  expectedVersion: number;
}

@InputType({ description: "The resources a model has mobilised so far (a running total, not an increment)." })
export class RecordModelResourcesInput {
  @Field(() => ID)
  @Matches(/^\d{1,12}$/, kitMessage("notAnId", { thing: programsMessage("thingModel") }))
  modelId: string;

  @Field(() => MoneyScalar, { description: "Whole VND, 0 or more." })
  @IsNonNegativeVnd()
  resourcesMobilisedVnd: bigint | number;

  @Field(() => String, { nullable: true, description: "Replaces the description when given." })
  @IsOptional()
  @MaxLength(4000)
  description?: string | null;

  @Field(() => Int, { description: "The model's version as last read; a stale version is a CONFLICT." })
  @IsInt()
  @Min(1)
  expectedVersion: number;
}

@ArgsType()
export class MobilisationModelsArgs extends PageArgs {
  @Field(() => ID, {
    nullable: true,
    description: "Models of this unit and the units below it; the whole province by default.",
  })
  unitCode?: string | null;

  @Field(() => MobilisationField, { nullable: true })
  field?: MobilisationField | null;

  @Field(() => MobilisationTrack, { nullable: true })
  track?: MobilisationTrack | null;

  @Field(() => ModelStatus, { nullable: true })
  status?: ModelStatus | null;

  @Field(() => Int, { nullable: true })
  year?: number | null;
}
