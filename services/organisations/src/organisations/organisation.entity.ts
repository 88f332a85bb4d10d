import { Column, Entity, Index, PrimaryColumn } from "typeorm";
import { Directive, Field, ID, ObjectType } from "type-graphql";
import { DateScalar, districtOf } from "@danvan/kit";
import { OrganisationKind } from "./organisation-kind.js";
import { WorkplaceSector } from "./workplace-sector.js";

/**
 * One committee of the Front or of a socio-political organisation at one administrative unit,
 * or a grassroots trade union (công đoàn cơ sở) in an enterprise or agency, under its district's
 * Labour Federation: its unit is the commune its workplace is in.
 */
@ObjectType({
  description:
    "A committee of the Front or of a socio-political organisation at one unit, or a grassroots trade union (công đoàn cơ sở) in an enterprise or agency (workplaceSector set), under its district's Labour Federation.",
})
@Directive('@key(fields: "id")')
@Entity("organisation")
@Index("ix_organisation_unit", ["unitCode", "kind"])
@Index("ix_organisation_parent", ["parentId"])
export class Organisation {
  @Field(() => ID, {
    description:
      'Stable id: short code of the kind and the unit code, "HND-883"; a committee of the 2025 map adds "-25" ("HPN-30307-25"); a grassroots trade union adds a serial, "LDLD-30280-001".',
  })
  @PrimaryColumn({ type: "varchar", length: 16 })
  id: string;

  @Field(() => OrganisationKind)
  @Column({ type: "varchar", length: 24 })
  kind: OrganisationKind;

  @Field()
  @Column({ type: "varchar", length: 200 })
  name: string;

  @Column({ name: "unit_code", type: "varchar", length: 10 })
  unitCode: string;

  @Column({ name: "parent_id", type: "varchar", length: 16, nullable: true })
  parentId: string | null;

  @Field(() => DateScalar, {
    nullable: true,
    description:
      "First day of the committee; null for a committee of the units before 2025-07-01, which existed before the records begin.",
  })
  @Column({ name: "valid_from", type: "date", nullable: true })
  validFrom: string | null;

  @Field(() => DateScalar, {
    nullable: true,
    description:
      "Last day of the committee, when its unit ended (2025-06-30 for the committees of districts and of old communes); null while it exists.",
  })
  @Column({ name: "valid_to", type: "date", nullable: true })
  validTo: string | null;

  @Field(() => WorkplaceSector, {
    nullable: true,
    description:
      "A grassroots trade union's workplace: the kind of enterprise or agency it is in. Null for a committee of a unit.",
  })
  @Column({ name: "workplace_sector", type: "varchar", length: 32, nullable: true })
  workplaceSector: WorkplaceSector | null;
}

/** A grassroots trade union, not a committee of an administrative unit. */
export function isGrassrootsUnion(o: { workplaceSector: WorkplaceSector | null }): boolean {
  return o.workplaceSector !== null;
}

/**
 * The unit whose officers answer for the body: a committee's own unit; a grassroots trade
 * union's district, whose Labour Federation it belongs to (not the commune its workplace is in).
 */
export function scopeUnitOf(o: { unitCode: string; workplaceSector: WorkplaceSector | null }): string {
  return isGrassrootsUnion(o) ? (districtOf(o.unitCode) ?? o.unitCode) : o.unitCode;
}

/** Closure of the committee tree: every (ancestor, descendant) pair, a committee with itself too. */
@Entity("organisation_closure")
@Index("ix_organisation_closure_descendant", ["descendantId"])
export class OrganisationClosure {
  @PrimaryColumn({ name: "ancestor_id", type: "varchar", length: 16 })
  ancestorId: string;

  @PrimaryColumn({ name: "descendant_id", type: "varchar", length: 16 })
  descendantId: string;

  @Column({ type: "integer" })
  depth: number;
}
