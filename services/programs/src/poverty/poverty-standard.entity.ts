import { Column, Entity, PrimaryColumn } from "typeorm";
import { Field, Int, ObjectType } from "type-graphql";
import { moneyColumn, MoneyScalar } from "@danvan/kit";
import { AreaType } from "../households/household-graphql-enums.js";

/** A national poverty standard (chuẩn nghèo) for a span of years; its thresholds are data. */
@ObjectType({ description: "A national poverty standard (chuẩn nghèo) and the years it applies to." })
@Entity("poverty_standard")
export class PovertyStandard {
  @Field({ description: 'Short code: "QD59-2015", "ND07-2021".' })
  @PrimaryColumn({ type: "varchar", length: 20 })
  code: string;

  @Field()
  @Column({ type: "varchar", length: 200 })
  name: string;

  @Field({ description: "The legal act that sets it." })
  @Column({ name: "legal_basis", type: "varchar", length: 200 })
  legalBasis: string;

  @Field(() => Int, {
    description:
      "The first review year it applies to. A review is held at the end of its year and lists the poor for the next: the 2016–2020 standard applies from the end-2015 review.",
  })
  @Column({ name: "from_year", type: "integer" })
  fromYear: number;

  @Field(() => Int, { description: "The last review year it applies to." })
  @Column({ name: "to_year", type: "integer" })
  toYear: number;

  @Field(() => Int, { description: "How many deprivation indicators the standard measures." })
  @Column({ name: "deprivation_indicators", type: "integer" })
  deprivationIndicators: number;
}

/**
 * One area's thresholds under a standard, monthly income per person in VND:
 * at or below `poorIncomeMaxVnd` a household is poor outright; up to `bandIncomeMaxVnd` it is
 * poor with at least `minDeprivations` deprivations and near-poor with fewer; above, neither, and
 * up to `middleIncomeMaxVnd` at the middle living standard where the standard defines one.
 */
@ObjectType({ description: "A standard's thresholds for urban or rural areas (monthly income per person)." })
@Entity("poverty_threshold")
export class PovertyThreshold {
  @PrimaryColumn({ name: "standard_code", type: "varchar", length: 20 })
  standardCode: string;

  @Field(() => AreaType)
  @PrimaryColumn({ type: "varchar", length: 5 })
  area: AreaType;

  @Field(() => MoneyScalar, {
    nullable: true,
    description: "Poor outright at or below this income; none for Decree 07/2021.",
  })
  @Column({ name: "poor_income_max_vnd", type: "bigint", transformer: moneyColumn, nullable: true })
  poorIncomeMaxVnd: bigint | null;

  @Field(() => MoneyScalar, { description: "Upper end of the band where deprivations decide." })
  @Column({ name: "band_income_max_vnd", type: "bigint", transformer: moneyColumn })
  bandIncomeMaxVnd: bigint;

  @Field(() => Int, {
    nullable: true,
    description: "Deprivations that make a household in the band poor; null when income alone decides.",
  })
  @Column({ name: "min_deprivations", type: "integer", nullable: true })
  minDeprivations: number | null;

  @Field(() => MoneyScalar, {
    nullable: true,
    description:
      'Upper end of the middle-living-standard band ("hộ có mức sống trung bình"), above bandIncomeMaxVnd; none for Decision 09/2011.',
  })
  @Column({ name: "middle_income_max_vnd", type: "bigint", transformer: moneyColumn, nullable: true })
  middleIncomeMaxVnd: bigint | null;
}
