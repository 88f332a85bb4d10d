import { Field, ID, InputType } from "type-graphql";
import { DateScalar, IsEnum, IsOptional, kitMessage, Length, Matches, MoneyScalar } from "@danvan/kit";
import { programsMessage } from "../messages.js";
import { FUND_ID_PATTERN } from "../fund/fund.entity.js";
import { SupportKind } from "./support-graphql-enums.js";

@InputType({ description: "Support given to a household, paid by a fund or not." })
export class RecordSupportInput {
  @Field(() => ID)
  @Matches(/^\d{1,12}$/, kitMessage("notAnId", { thing: programsMessage("thingHousehold") }))
  householdId: string;

  @Field(() => SupportKind)
  @IsEnum(SupportKind)
  kind: SupportKind;

  @Field(() => MoneyScalar, {
    description: "Value of the support, whole VND (0 for support without money, such as training).",
  })
  amountVnd: bigint | number;

  @Field(() => DateScalar)
  givenOn: string;

  @Field(() => ID, { nullable: true, description: "The fund that pays; its balance must cover the amount." })
  @IsOptional()
  @Matches(FUND_ID_PATTERN, programsMessage("fundId"))
  fundId?: string | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @Length(8, 200)
  idempotencyKey?: string | null;
}
