import { Column, Entity, Index, PrimaryGeneratedColumn } from "typeorm";
import { Field, ID, Int, ObjectType } from "type-graphql";
import { DateScalar, moneyColumn, MoneyScalar } from "@danvan/kit";
import { HouseStatus, HouseWorkKind } from "./house-graphql-enums.js";

/**
 * A Great Solidarity house (nhà Đại đoàn kết) built or repaired for one household, with the
 * "3 cứng" standard (hard floor, hard frame/walls, hard roof), who pays what, and the date of
 * each step of its lifecycle.
 */
@ObjectType({
  description:
    "A Great Solidarity house (nhà Đại đoàn kết) for one household. Officers in scope, administrators, analysts.",
})
@Entity("solidarity_house")
@Index("ix_solidarity_house_commune", ["communeCode", "id"])
@Index("ix_solidarity_house_district", ["districtCode", "id"])
@Index("ix_solidarity_house_status", ["communeCode", "status", "kind"])
@Index("ix_solidarity_house_handed_over", ["handedOverOn", "communeCode", "kind"])
@Index("ix_solidarity_house_household", ["householdId"])
export class SolidarityHouse {
  @Field(() => ID)
  @PrimaryGeneratedColumn({ type: "integer" })
  id: number;

  @Column({ name: "household_id", type: "integer" })
  householdId: number;

  /**
   * The household's commune and the district of the proposal's day (null from 2025-07-01: no
   * districts), denormalised for lists and statistics by unit.
   */
  @Column({ name: "commune_code", type: "varchar", length: 10 })
  communeCode: string;

  @Column({ name: "district_code", type: "varchar", length: 10, nullable: true })
  districtCode: string | null;

  @Field(() => HouseWorkKind)
  @Column({ type: "varchar", length: 6 })
  kind: HouseWorkKind;

  @Field({ description: "Hard floor (nền cứng)." })
  @Column({ name: "hard_floor", type: "boolean" })
  hardFloor: boolean;

  @Field({ description: "Hard frame and walls (khung - tường cứng)." })
  @Column({ name: "hard_frame", type: "boolean" })
  hardFrame: boolean;

  @Field({ description: "Hard roof (mái cứng)." })
  @Column({ name: "hard_roof", type: "boolean" })
  hardRoof: boolean;

  @Field(() => MoneyScalar, { description: "Paid by the Fund for the Poor, VND; debited when construction starts." })
  @Column({ name: "fund_amount_vnd", type: "bigint", transformer: moneyColumn })
  fundAmountVnd: bigint;

  @Field(() => MoneyScalar, { description: "Paid by sponsors, VND." })
  @Column({ name: "sponsor_amount_vnd", type: "bigint", transformer: moneyColumn })
  sponsorAmountVnd: bigint;

  @Field(() => MoneyScalar, { description: "Paid by the family, VND." })
  @Column({ name: "family_amount_vnd", type: "bigint", transformer: moneyColumn })
  familyAmountVnd: bigint;

  @Field(() => String, { nullable: true, description: "The sponsor (usually a business or an organisation)." })
  @Column({ name: "sponsor_name", type: "varchar", length: 200, nullable: true })
  sponsorName: string | null;

  /** The fund paying the fund's share (QVNN-<unit>), if any. */
  @Column({ name: "fund_id", type: "varchar", length: 16, nullable: true })
  fundId: string | null;

  @Field(() => HouseStatus)
  @Column({ type: "varchar", length: 18 })
  status: HouseStatus;

  @Field(() => DateScalar)
  @Column({ name: "proposed_on", type: "date" })
  proposedOn: string;

  @Field(() => DateScalar, { nullable: true })
  @Column({ name: "approved_on", type: "date", nullable: true })
  approvedOn: string | null;

  @Field(() => DateScalar, { nullable: true })
  @Column({ name: "construction_started_on", type: "date", nullable: true })
  constructionStartedOn: string | null;

  @Field(() => DateScalar, { nullable: true })
  @Column({ name: "handed_over_on", type: "date", nullable: true })
  handedOverOn: string | null;

  @Field(() => DateScalar, { nullable: true })
  @Column({ name: "cancelled_on", type: "date", nullable: true })
  cancelledOn: string | null;

  @Field(() => String, { nullable: true })
  @Column({ name: "cancel_reason", type: "varchar", length: 300, nullable: true })
  cancelReason: string | null;

  @Field(() => Int, { description: "Changes with every update; send it back to change the house." })
  @Column({ type: "integer", default: 1 })
  version: number;

  @Field({ description: 'Meets the "3 cứng" standard: hard floor, hard frame and hard roof.' })
  get meetsThreeHardStandard(): boolean {
    return this.hardFloor && this.hardFrame && this.hardRoof;
  }

  @Field(() => MoneyScalar, { description: "Fund, sponsor and family shares together, VND." })
  get totalCostVnd(): bigint {
    return this.fundAmountVnd + this.sponsorAmountVnd + this.familyAmountVnd;
  }
}
