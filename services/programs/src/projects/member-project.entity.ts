import { Column, Entity, Index, PrimaryGeneratedColumn } from "typeorm";
import { Field, ID, Int, ObjectType } from "type-graphql";
import { DateScalar, moneyColumn, MoneyScalar } from "@danvan/kit";
import { FundingSource, MemberProjectKind } from "./project-graphql-enums.js";

/** A loan or technology-transfer project a committee runs for its members. */
@ObjectType({ description: "A loan or technology-transfer project for members. Officers, administrators, analysts." })
@Entity("member_project")
@Index("ix_member_project_unit", ["unitCode", "id"])
@Index("ix_member_project_district", ["districtCode", "id"])
@Index("ix_member_project_organisation", ["organisationId", "id"])
export class MemberProject {
  @Field(() => ID)
  @PrimaryGeneratedColumn({ type: "integer" })
  id: number;

  @Field(() => MemberProjectKind)
  @Column({ type: "varchar", length: 20 })
  kind: MemberProjectKind;

  @Field()
  @Column({ type: "varchar", length: 300 })
  name: string;

  /** The committee running it (an Organisation id, "<PREFIX>-<unit>"). */
  @Column({ name: "organisation_id", type: "varchar", length: 16 })
  organisationId: string;

  /** Where it runs: the committee's unit or one below it. */
  @Column({ name: "unit_code", type: "varchar", length: 10 })
  unitCode: string;

  /** The unit's district (itself for a district; null for the province), for lists by district. */
  @Column({ name: "district_code", type: "varchar", length: 10, nullable: true })
  districtCode: string | null;

  @Field(() => FundingSource)
  @Column({ name: "funding_source", type: "varchar", length: 13 })
  fundingSource: FundingSource;

  @Field({ description: "The bank, programme or donor funding it." })
  @Column({ name: "funder_name", type: "varchar", length: 200 })
  funderName: string;

  @Field(() => MoneyScalar, { description: "Loans disbursed or the transfer's budget, VND." })
  @Column({ name: "amount_vnd", type: "bigint", transformer: moneyColumn })
  amountVnd: bigint;

  @Field(() => Int, { description: "Members (or their households) who benefit." })
  @Column({ type: "integer" })
  beneficiaries: number;

  @Field(() => DateScalar)
  @Column({ name: "starts_on", type: "date" })
  startsOn: string;

  @Field(() => DateScalar, { nullable: true, description: "Open-ended while null." })
  @Column({ name: "ends_on", type: "date", nullable: true })
  endsOn: string | null;

  @Field(() => Int, { description: "Changes with every update; send it back to change the project." })
  @Column({ type: "integer", default: 1 })
  version: number;
}
