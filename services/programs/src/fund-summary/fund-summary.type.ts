import { Field, Int, ObjectType } from "type-graphql";
import { DateScalar, MoneyScalar } from "@danvan/kit";
import { AdministrativeUnitRef } from "@danvan/kit/federation";
import { COVERAGE, FigureCoverage, type Coverage } from "../figure-units.js";
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

  @Field(() => Int, {
    description:
      "Household-visits as the province publishes them: the Fund's visits and gifts, emergency, study, medical and production support to households poor or near-poor that year.",
  })
  supportVisits: number;

  @Field(() => Int, { description: "Every support event to households, of every kind and recipient." })
  supportEvents: number;
}

@ObjectType({ description: "Support events of one kind in a period, and their value." })
export class SupportKindFigures {
  @Field(() => SupportKind)
  kind: SupportKind;

  @Field(() => Int, { description: "Support events of this kind, to every recipient." })
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

  @Field(() => Int, {
    description:
      'Household-visits as the province publishes them ("lượt hộ nghèo được hỗ trợ"): support events of the kinds the Fund for the Poor reports (visits and gifts, emergency, study, medical, production; not loans or technology transfer) to households poor or near-poor at their review of the event\'s year.',
  })
  supportVisits: number;

  @Field(() => Int, {
    description: "Every support event to households in the period, of every kind and recipient (supportByKind's sum).",
  })
  supportEvents: number;

  @Field(() => [FundYear], { description: "The same figures by calendar year." })
  byYear: FundYear[];

  @Field(() => FigureCoverage, { description: COVERAGE })
  coverage: Coverage;
}
