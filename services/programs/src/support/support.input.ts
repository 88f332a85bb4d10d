import { Field, ID, InputType } from "type-graphql";
import { IsEnum, IsOptional, Length, Matches } from "class-validator";
import { IsCalendarDate, MoneyScalar } from "@danvan/kit";
import { SupportKind } from "./support-kind.js";

@InputType({ description: "Support given to a household, paid by a fund or not." })
export class RecordSupportInput {
  @Field(() => ID)
  @Matches(/^\d{1,12}$/, { message: "must be a household id" })
  householdId: string;

  @Field(() => SupportKind)
  @IsEnum(SupportKind)
  kind: SupportKind;

  @Field(() => MoneyScalar, {
    description: "Value of the support, whole VND (0 for support without money, such as training).",
  })
  amountVnd: bigint | number;

  @Field(() => String, { description: "YYYY-MM-DD" })
  @IsCalendarDate()
  givenOn: string;

  @Field(() => ID, { nullable: true, description: "The fund that pays; its balance must cover the amount." })
  @IsOptional()
  @Matches(/^QVNN-\d{2,5}$/, { message: "must be a fund id like QVNN-883" })
  fundId?: string | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @Length(8, 200, { message: "must be 8 to 200 characters" })
  idempotencyKey?: string | null;
}
