import { ArgsType, Field, ID, InputType, Int } from "type-graphql";
import { IsEnum, IsInt, IsOptional, Length, Matches, Max, Min } from "class-validator";
import { IsCalendarDate, MoneyScalar, PageArgs, UNIT_CODE_PATTERN } from "@danvan/kit";
import { IsNonNegativeVnd } from "../houses/money.js";
import { ORGANISATION_ID, ORGANISATION_ID_MESSAGE } from "./committee-id.js";
import { MobilisationField, MobilisationTrack, ModelStatus, RegistrantKind } from "./model-enums.js";

@InputType({ description: 'A "Dân vận khéo" model registered with a committee.' })
export class RegisterModelInput {
  @Field()
  @Length(3, 300, { message: "must be 3 to 300 characters" })
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
  @Length(2, 200, { message: "must be 2 to 200 characters" })
  registrantName: string;

  @Field(() => ID, { description: "The registering committee." })
  @Matches(ORGANISATION_ID, { message: ORGANISATION_ID_MESSAGE })
  organisationId: string;

  @Field(() => ID, { nullable: true, description: "Where the model runs; the committee's unit by default." })
  @IsOptional()
  @Matches(UNIT_CODE_PATTERN, { message: "must be an official unit code" })
  unitCode?: string | null;

  @Field(() => Int)
  @IsInt()
  @Min(2000)
  @Max(2100)
  year: number;

  @Field(() => String, { description: "YYYY-MM-DD" })
  @IsCalendarDate()
  registeredOn: string;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @Length(0, 4000, { message: "must be at most 4000 characters" })
  description?: string | null;

  @Field(() => MoneyScalar, { nullable: true, description: "Resources mobilised so far, whole VND; 0 by default." })
  @IsOptional()
  @IsNonNegativeVnd()
  resourcesMobilisedVnd?: bigint | number | null;

  @Field(() => String, { nullable: true, description: "A retry with the same key returns the first result." })
  @IsOptional()
  @Length(8, 200, { message: "must be 8 to 200 characters" })
  idempotencyKey?: string | null;
}

@InputType({ description: "One step of a model's lifecycle: start, evaluate, recognise, reject, withdraw." })
export class ModelStepInput {
  @Field(() => ID)
  @Matches(/^\d{1,12}$/, { message: "must be a model id" })
  modelId: string;

  @Field(() => String, { description: "The date of the step, YYYY-MM-DD: not before the previous step." })
  @IsCalendarDate()
  on: string;

  @Field(() => Int, { description: "The model's version as last read; a stale version is a CONFLICT." })
  @IsInt()
  @Min(1)
  expectedVersion: number;
}

@InputType({ description: "The resources a model has mobilised so far (a running total, not an increment)." })
export class RecordModelResourcesInput {
  @Field(() => ID)
  @Matches(/^\d{1,12}$/, { message: "must be a model id" })
  modelId: string;

  @Field(() => MoneyScalar, { description: "Whole VND, 0 or more." })
  @IsNonNegativeVnd()
  resourcesMobilisedVnd: bigint | number;

  @Field(() => String, { nullable: true, description: "Replaces the description when given." })
  @IsOptional()
  @Length(0, 4000, { message: "must be at most 4000 characters" })
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
