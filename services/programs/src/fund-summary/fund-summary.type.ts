import { Field, Int, ObjectType } from "type-graphql";
import { DateScalar, MoneyScalar } from "@danvan/kit";
import { AdministrativeUnitRef } from "@danvan/kit/federation";
import { SupportKind } from "../support/support-graphql-enums.js";

@ObjectType({ description: "One calendar year of a fund summary (the part of it inside the period)." })
export class FundYear {
  @Field(() => Int)
  year: number;

  @Field(() => MoneyScalar, { description: "Cash plus in kind converted to money." })
  raisedVnd: bigint;

  @Field(() => MoneyScalar, { description: "Support and houses paid by the funds." })
  spentVnd: bigint;

  @Field(() => Int)
  housesBuilt: number;

  @Field(() => Int)
  housesRepaired: number;

  @Field(() => Int, { description: "Support events to households." })
  supportVisits: number;
}

@ObjectType({ description: "Support events of one kind in a period, and their value." })
export class SupportKindFigures {
  @Field(() => SupportKind)
  kind: SupportKind;

  @Field(() => Int, { description: "Support events (household-visits)." })
  visits: number;

  @Field(() => MoneyScalar, { description: "Value of that support, VND, whoever paid it." })
  amountVnd: bigint;
}

@ObjectType({ description: "The Fund for the Poor's work in a unit and the units below it, over a period." })
export class FundSummary {
  @Field(() => AdministrativeUnitRef)
  unit: AdministrativeUnitRef;

  @Field(() => DateScalar)
  from: string;

  @Field(() => DateScalar)
  to: string;

  @Field(() => MoneyScalar, {
    description: "Cash plus in kind converted to money, received by the funds of these units.",
  })
  raisedVnd: bigint;

  @Field(() => MoneyScalar, { description: "Support and houses paid by those funds." })
  spentVnd: bigint;

  @Field(() => Int, { description: "Great Solidarity houses newly built and handed over in the period." })
  housesBuilt: number;

  @Field(() => Int, { description: "Great Solidarity houses repaired and handed over in the period." })
  housesRepaired: number;

  @Field(() => Int, { description: "Support events to households (household-visits)." })
  supportVisits: number;

  @Field(() => [FundYear], { description: "The same figures by calendar year." })
  byYear: FundYear[];
}
