import { ArgsType, Field, ID, InputType, Int } from "type-graphql";
import { DateScalar, UNIT_CODE_PATTERN } from "@danvan/kit";
import { UnitLevel } from "./unit-level.js";
import { IsBoolean, IsInt, Matches, Min } from "class-validator";

@InputType({ description: "Mark a commune as a remote or especially difficult area, or clear the mark." })
export class SetRemoteAreaInput {
  @Field(() => ID)
  @Matches(UNIT_CODE_PATTERN, { message: "must be an official unit code (2, 3 or 5 digits)" })
  code: string;

  @Field()
  @IsBoolean()
  isRemoteArea: boolean;

  @Field(() => Int, { description: "The unit's version as last read; a stale version is a CONFLICT." })
  @IsInt()
  @Min(1)
  expectedVersion: number;
}

@ArgsType()
export class AdministrativeUnitsArgs {
  @Field(() => UnitLevel, { nullable: true })
  level?: UnitLevel | null;

  @Field(() => ID, { nullable: true, description: "Only the units directly below this one." })
  parentCode?: string | null;

  @Field(() => DateScalar, { nullable: true, description: "Units in force on this date; today by default." })
  asOf?: string | null;
}
