import { ArgsType, Field, ID, InputType, Int } from "type-graphql";
import { DateScalar, IsBoolean, IsInt, kitMessage, Matches, Min, UNIT_CODE_PATTERN } from "@danvan/kit";
import { UnitLevel } from "./unit-level.js";

@InputType({ description: "Mark a commune as a remote or especially difficult area, or clear the mark." })
export class SetRemoteAreaInput {
  @Field(() => ID)
  @Matches(UNIT_CODE_PATTERN, kitMessage("unitCode"))
  code: string;

  @Field(() => DateScalar, {
    nullable: true,
    description: "Which version of the code (its first day); by default the one the code names now.",
  })
  validFrom?: string | null;

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
