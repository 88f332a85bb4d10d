import { ArgsType, Field, ID, InputType, Int } from "type-graphql";
import {
  DateScalar,
  IsBoolean,
  IsEnum,
  IsInt,
  IsNonNegativeVnd,
  IsOptional,
  kitMessage,
  Length,
  Matches,
  Min,
  MoneyScalar,
  PageArgs,
} from "@danvan/kit";
import { programsMessage } from "../messages.js";
import { FUND_ID_PATTERN } from "../fund/fund.entity.js";
import { HouseStatus, HouseWorkKind } from "./house-graphql-enums.js";

@InputType({ description: "A Great Solidarity house proposed for a household." })
export class ProposeHouseInput {
  @Field(() => ID)
  @Matches(/^\d{1,12}$/, kitMessage("notAnId", { thing: programsMessage("thingHousehold") }))
  householdId: string;

  @Field(() => HouseWorkKind)
  @IsEnum(HouseWorkKind)
  kind: HouseWorkKind;

  @Field({ description: "Hard floor (nền cứng) planned." })
  @IsBoolean()
  hardFloor: boolean;

  @Field({ description: "Hard frame and walls (khung - tường cứng) planned." })
  @IsBoolean()
  hardFrame: boolean;

  @Field({ description: "Hard roof (mái cứng) planned." })
  @IsBoolean()
  hardRoof: boolean;

  @Field(() => MoneyScalar, { description: "The fund's share, whole VND (0 when no fund pays)." })
  @IsNonNegativeVnd()
  fundAmountVnd: bigint | number;

  @Field(() => MoneyScalar, { description: "The sponsors' share, whole VND." })
  @IsNonNegativeVnd()
  sponsorAmountVnd: bigint | number;

  @Field(() => MoneyScalar, { description: "The family's share, whole VND." })
  @IsNonNegativeVnd()
  familyAmountVnd: bigint | number;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @Length(2, 200)
  sponsorName?: string | null;

  @Field(() => ID, { nullable: true, description: "The fund paying its share: of the commune or a unit above it." })
  @IsOptional()
  @Matches(FUND_ID_PATTERN, programsMessage("fundId"))
  fundId?: string | null;

  @Field(() => DateScalar, { description: "Not in the future." })
  proposedOn: string;

  @Field(() => String, { nullable: true, description: "A retry with the same key returns the first result." })
  @IsOptional()
  @Length(8, 200)
  idempotencyKey?: string | null;
}

@InputType({ description: "One step of a house's lifecycle: approve, start construction, hand over." })
export class HouseStepInput {
  @Field(() => ID)
  @Matches(/^\d{1,12}$/, kitMessage("notAnId", { thing: programsMessage("thingHouse") }))
  houseId: string;

  @Field(() => DateScalar, { description: "The date of the step: not before the previous step, not in the future." })
  on: string;

  @Field(() => Int, { description: "The house's version as last read; a stale version is a CONFLICT." })
  @IsInt()
  @Min(1)
  expectedVersion: number;
}

@InputType({ description: "Cancelling a house before its hand-over, with the reason." })
export class CancelHouseInput extends HouseStepInput {
  @Field()
  @Length(3, 300)
  reason: string;
}

@ArgsType()
export class SolidarityHousesArgs extends PageArgs {
  @Field(() => ID, {
    nullable: true,
    description: "Houses of this unit and the units below; your own unit by default.",
  })
  unitCode?: string | null;

  @Field(() => HouseStatus, { nullable: true })
  status?: HouseStatus | null;

  @Field(() => HouseWorkKind, { nullable: true })
  kind?: HouseWorkKind | null;
}

@ArgsType()
export class HousePeriodArgs {
  @Field(() => DateScalar, {
    nullable: true,
    description: "Count houses that reached their current state on or after this date.",
  })
  from?: string | null;

  @Field(() => DateScalar, {
    nullable: true,
    description: "Count houses that reached their current state on or before this date.",
  })
  to?: string | null;
}
