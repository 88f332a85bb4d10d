import { Field, ObjectType } from "type-graphql";
import { DateScalar, MoneyScalar } from "@danvan/kit";

/** A fund's movements over a period: closing = opening + contributions + transfers in − transfers out − spent. */
@ObjectType({ description: "A fund's balance over a period, from its ledger." })
export class FundBalance {
  @Field(() => DateScalar)
  from: string;

  @Field(() => DateScalar)
  to: string;

  @Field(() => MoneyScalar)
  openingVnd: bigint;

  @Field(() => MoneyScalar, { description: "Contributions received (cash and in kind converted)." })
  contributionsVnd: bigint;

  @Field(() => MoneyScalar)
  transfersInVnd: bigint;

  @Field(() => MoneyScalar)
  transfersOutVnd: bigint;

  @Field(() => MoneyScalar, { description: "Support and houses paid." })
  spentVnd: bigint;

  @Field(() => MoneyScalar)
  closingVnd: bigint;
}
