import { Column, Entity, Index, PrimaryGeneratedColumn } from "typeorm";
import { Field, ID, Int, ObjectType } from "type-graphql";
import { DateScalar, moneyColumn, MoneyScalar } from "@danvan/kit";
import { ContributionForm, DonorKind } from "./fund-graphql-enums.js";

/** A contribution to a fund: cash, or in kind with its value converted to money. */
@ObjectType({ description: "A contribution to a Fund for the Poor." })
@Entity("contribution")
@Index("ix_contribution_unit", ["unitCode", "receivedOn"])
// The analysts' contributionAggregate reads a unit's period from this index alone.
@Index("ix_contribution_period", ["unitCode", "receivedOn", "form", "donorKind", "amountVnd"])
@Index("uq_contribution_receipt", ["fundId", "receiptNumber"], { unique: true })
export class Contribution {
  @Field(() => ID)
  @PrimaryGeneratedColumn({ type: "integer" })
  id: number;

  @Column({ name: "fund_id", type: "varchar", length: 16 })
  fundId: string;

  /** The fund's unit, denormalised for statistics. */
  @Column({ name: "unit_code", type: "varchar", length: 10 })
  unitCode: string;

  @Field(() => DateScalar)
  @Column({ name: "received_on", type: "date" })
  receivedOn: string;

  @Field(() => ContributionForm)
  @Column({ type: "varchar", length: 8 })
  form: ContributionForm;

  @Field(() => MoneyScalar, {
    description: "Cash, or the in-kind gift's value converted to money (hiện vật quy tiền).",
  })
  @Column({ name: "amount_vnd", type: "bigint", transformer: moneyColumn })
  amountVnd: bigint;

  @Field(() => String, { nullable: true, description: "What was given in kind." })
  @Column({ name: "in_kind_description", type: "varchar", length: 300, nullable: true })
  inKindDescription: string | null;

  @Field(() => DonorKind)
  @Column({ name: "donor_kind", type: "varchar", length: 12 })
  donorKind: DonorKind;

  @Column({ name: "donor_name", type: "varchar", length: 200, nullable: true })
  donorName: string | null;

  @Field({ description: "The unit that collected it (commune, district or province)." })
  @Column({ name: "collected_by_unit_code", type: "varchar", length: 10 })
  collectedByUnitCode: string;

  @Field(() => String, { nullable: true, description: "The campaign it was raised in (an organisations Campaign id)." })
  @Column({ name: "campaign_id", type: "varchar", length: 16, nullable: true })
  campaignId: string | null;

  @Field()
  @Column({ name: "receipt_number", type: "varchar", length: 40 })
  receiptNumber: string;

  @Field(() => Int)
  @Column({ type: "integer", default: 1 })
  version: number;
}

/** Money moved from one fund to another (between levels). */
@ObjectType({ description: "A transfer between two funds (between levels)." })
@Entity("fund_transfer")
@Index("ix_fund_transfer_from", ["fromFundId", "transferredOn"])
@Index("ix_fund_transfer_to", ["toFundId", "transferredOn"])
export class FundTransfer {
  @Field(() => ID)
  @PrimaryGeneratedColumn({ type: "integer" })
  id: number;

  @Column({ name: "from_fund_id", type: "varchar", length: 16 })
  fromFundId: string;

  @Column({ name: "to_fund_id", type: "varchar", length: 16 })
  toFundId: string;

  @Field(() => MoneyScalar)
  @Column({ name: "amount_vnd", type: "bigint", transformer: moneyColumn })
  amountVnd: bigint;

  @Field(() => DateScalar)
  @Column({ name: "transferred_on", type: "date" })
  transferredOn: string;

  @Field(() => String, { nullable: true })
  @Column({ type: "varchar", length: 300, nullable: true })
  note: string | null;
}
