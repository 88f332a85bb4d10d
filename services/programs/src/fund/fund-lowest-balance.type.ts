import { Field, ObjectType } from "type-graphql";
import { DateScalar, MoneyScalar } from "@danvan/kit";

/** The lowest end-of-day balance over a fund's whole history (ledger-by-date.ts, `lowestBalance`). */
@ObjectType({
  description:
    "The lowest balance a fund held at the end of any day of its history (public). The books never let a day's balance fall below zero.",
})
export class FundLowestBalance {
  @Field(() => DateScalar, { description: "The first day the fund's balance stood this low, at the end of the day." })
  on: string;

  @Field(() => MoneyScalar, { description: "The balance at the end of that day, whole VND." })
  balanceVnd: bigint;
}
