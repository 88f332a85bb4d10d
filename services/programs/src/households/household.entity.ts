import { Column, Entity, Index, PrimaryGeneratedColumn } from "typeorm";
import { Directive, Field, ID, Int, ObjectType } from "type-graphql";
import { DateScalar } from "@danvan/kit";
import { AreaType } from "./household-graphql-enums.js";

/** A registered household (hộ gia đình) in a commune; the graph's Household entity. */
@ObjectType({
  description: "A registered household (hộ gia đình). Personal: officers in scope, administrators, analysts (masked).",
})
@Directive('@key(fields: "id")')
@Entity("household")
@Index("ix_household_commune", ["communeCode", "id"])
@Index("ix_household_district", ["districtCode", "id"])
export class Household {
  @Field(() => ID)
  @PrimaryGeneratedColumn({ type: "integer" })
  id: number;

  @Column({ name: "commune_code", type: "varchar", length: 10 })
  communeCode: string;

  /** The district of the registration day, for statistics by district; null from 2025-07-01 (no districts). */
  @Column({ name: "district_code", type: "varchar", length: 10, nullable: true })
  districtCode: string | null;

  @Column({ name: "head_name", type: "varchar", length: 120 })
  headName: string;

  @Column({ type: "varchar", length: 200, nullable: true })
  address: string | null;

  @Field(() => Int, { description: "People in the household." })
  @Column({ name: "member_count", type: "integer" })
  memberCount: number;

  @Field(() => AreaType)
  @Column({ type: "varchar", length: 5 })
  area: AreaType;

  @Field(() => DateScalar)
  @Column({ name: "registered_on", type: "date" })
  registeredOn: string;

  @Field(() => Int)
  @Column({ type: "integer", default: 1 })
  version: number;
}
