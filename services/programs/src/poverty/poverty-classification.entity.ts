import { Column, Entity, Index, PrimaryColumn } from "typeorm";
import { Field, Int, ObjectType } from "type-graphql";
import { DateScalar, moneyColumn, MoneyScalar } from "@danvan/kit";
import { PovertyStatus, PovertyTransition } from "./poverty-graphql-enums.js";

/** A household's annual poverty review (bình xét hộ nghèo) under a named standard. */
@ObjectType({ description: "A household's poverty classification for one year." })
@Entity("poverty_classification")
@Index("ix_poverty_classification_year", ["year", "communeCode", "status"])
export class PovertyClassification {
  @PrimaryColumn({ name: "household_id", type: "integer" })
  householdId: number;

  @Field(() => Int)
  @PrimaryColumn({ type: "integer" })
  year: number;

  @Field({ description: "The standard applied." })
  @Column({ name: "standard_code", type: "varchar", length: 20 })
  standardCode: string;

  @Field(() => PovertyStatus)
  @Column({ type: "varchar", length: 10 })
  status: PovertyStatus;

  @Field(() => PovertyTransition)
  @Column({ type: "varchar", length: 20 })
  transition: PovertyTransition;

  @Field(() => MoneyScalar, { description: "Average monthly income per person, VND." })
  @Column({ name: "monthly_income_vnd", type: "bigint", transformer: moneyColumn })
  monthlyIncomeVnd: bigint;

  @Field(() => Int, { description: "Deprivation indicators the household lacks." })
  @Column({ type: "integer" })
  deprivations: number;

  @Field(() => Boolean, {
    nullable: true,
    description:
      "At the standard's middle living standard (\"hộ có mức sống trung bình\": income above the poverty band up to the standard's middle line); null when the standard defines none.",
  })
  @Column({ name: "middle_living_standard", type: "boolean", nullable: true })
  middleLivingStandard: boolean | null;

  @Column({ name: "commune_code", type: "varchar", length: 10 })
  communeCode: string;

  /** The district of the review's day (the year's last day); null from 2025-07-01 (no districts). */
  @Column({ name: "district_code", type: "varchar", length: 10, nullable: true })
  districtCode: string | null;

  @Field(() => DateScalar)
  @Column({ name: "classified_on", type: "date" })
  classifiedOn: string;

  @Field(() => Int)
  @Column({ type: "integer", default: 1 })
  version: number;
}

/**
 * Households per status, per commune and year, kept exact in the same transaction as every
 * classification write (poverty-tally.ts), so statistics read at most one row per commune.
 */
@Entity("poverty_tally")
export class PovertyTally {
  @PrimaryColumn({ name: "commune_code", type: "varchar", length: 10 })
  communeCode: string;

  @PrimaryColumn({ type: "integer" })
  year: number;

  @Column({ type: "integer", default: 0 })
  households: number;

  @Column({ type: "integer", default: 0 })
  poor: number;

  @Column({ name: "near_poor", type: "integer", default: 0 })
  nearPoor: number;
}
