import { Column, Entity, Index, PrimaryColumn } from "typeorm";
import { Directive, Field, ID, Int, ObjectType } from "type-graphql";
import { DateScalar } from "@danvan/kit";
import { UnitLevel } from "./unit-level.js";

/**
 * An administrative unit as it was for a time: its code and validity together identify it (codes
 * are reused: 30307 was Phường Mỹ Hòa until 2025-06-30 and is Phường Long Xuyên from 2025-07-01).
 * The graph's shared entity, referenced by code and validFrom (exactly that version) in every
 * subgraph; a representation with the code alone resolves to the unit the code names now (in force
 * today, or the last version of an ended one).
 */
@ObjectType({
  description:
    "An administrative unit (đơn vị hành chính) with its official GSO code, for the time it was in force: a unit is its code and its validity together.",
})
@Directive('@key(fields: "code validFrom")')
@Entity("administrative_unit")
@Index("ix_administrative_unit_parent", ["parentCode"])
@Index("ix_administrative_unit_level", ["level", "validFrom"])
export class AdministrativeUnit {
  @Field(() => ID, {
    description: 'Official GSO code: "91", "30307"; with validFrom, the unit\'s identity (codes are reused).',
  })
  @PrimaryColumn({ type: "varchar", length: 10 })
  code: string;

  @Field({ description: 'Official name with its type word: "Thành phố Long Xuyên".' })
  @Column({ type: "varchar", length: 120 })
  name: string;

  @Field({ description: 'Type word: "Tỉnh", "Thành phố", "Thị xã", "Huyện", "Phường", "Thị trấn", "Xã".' })
  @Column({ type: "varchar", length: 30 })
  kind: string;

  @Field(() => UnitLevel)
  @Column({ type: "varchar", length: 10 })
  level: UnitLevel;

  @Column({ name: "parent_code", type: "varchar", length: 10, nullable: true })
  parentCode: string | null;

  @Field({ description: "Remote or especially difficult area (vùng sâu, vùng xa): lengthens complaint deadlines." })
  @Column({ name: "is_remote_area", type: "boolean", default: false })
  isRemoteArea: boolean;

  @Field(() => DateScalar, { description: "First day this unit is in force." })
  @PrimaryColumn({ name: "valid_from", type: "date" })
  validFrom: string;

  @Field(() => DateScalar, { nullable: true, description: "Last day in force; null while in force." })
  @Column({ name: "valid_to", type: "date", nullable: true })
  validTo: string | null;

  @Field(() => String, { nullable: true, description: "The legal act that started this unit as it is." })
  @Column({ name: "legal_basis", type: "varchar", length: 300, nullable: true })
  legalBasis: string | null;

  @Field(() => String, { nullable: true, description: "The legal act that ended it; null while in force." })
  @Column({ name: "end_basis", type: "varchar", length: 300, nullable: true })
  endBasis: string | null;

  @Field(() => Int, { description: "Changes with every edit; send it back as expectedVersion." })
  @Column({ type: "integer", default: 1 })
  version: number;
}

/** Whether a unit is in force on a date. */
export function inForceOn(unit: Pick<AdministrativeUnit, "validFrom" | "validTo">, date: string): boolean {
  return unit.validFrom <= date && (unit.validTo === null || unit.validTo >= date);
}
