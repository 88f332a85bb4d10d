import { ArgsType, Field, ID, InputType, Int } from "type-graphql";
import { DateScalar, IsEnum, IsInt, IsOptional, kitMessage, Length, Matches, Max, Min, PageArgs } from "@danvan/kit";
import { programsMessage } from "../messages.js";
import { AreaType } from "./household-graphql-enums.js";

const PERSON_NAME = /^[\p{L}][\p{L} .'-]*$/u;

@InputType({ description: "A household to register in a commune." })
export class RegisterHouseholdInput {
  @Field(() => ID)
  @Matches(/^\d{5}$/, kitMessage("communeCode"))
  communeCode: string;

  @Field()
  @Length(2, 120)
  @Matches(PERSON_NAME, kitMessage("personName"))
  headName: string;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @Length(2, 200)
  address?: string | null;

  @Field(() => Int)
  @IsInt()
  @Min(1)
  @Max(50)
  memberCount: number;

  @Field(() => AreaType)
  @IsEnum(AreaType)
  area: AreaType;

  @Field(() => DateScalar)
  registeredOn: string;

  @Field(() => String, { nullable: true, description: "A retry with the same key returns the first result." })
  @IsOptional()
  @Length(8, 200)
  idempotencyKey?: string | null;
}

@InputType({ description: "Changes to a household; fields left out stay as they are." })
export class UpdateHouseholdInput {
  @Field(() => ID)
  @Matches(/^\d{1,12}$/, kitMessage("notAnId", { thing: programsMessage("thingHousehold") }))
  householdId: string;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @Length(2, 120)
  @Matches(PERSON_NAME, kitMessage("personName"))
  headName?: string | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @Length(2, 200)
  address?: string | null;

  @Field(() => Int, { nullable: true })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(50)
  memberCount?: number | null;

  @Field(() => AreaType, { nullable: true })
  @IsOptional()
  @IsEnum(AreaType)
  area?: AreaType | null;

  @Field(() => Int, { description: "The household's version as last read; a stale version is a CONFLICT." })
  @IsInt()
  @Min(1)
  expectedVersion: number;
}

@ArgsType()
export class HouseholdsArgs extends PageArgs {
  @Field(() => ID, {
    nullable: true,
    description: "Households of this unit and the units below; your own unit by default.",
  })
  unitCode?: string | null;
}
