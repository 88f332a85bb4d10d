import { Column, Entity, Index, PrimaryColumn } from "typeorm";
import { Directive, Field, ID, ObjectType } from "type-graphql";
import { OrganisationKind } from "./organisation-kind.js";

/** One committee of the Front or of a socio-political organisation at one administrative unit. */
@ObjectType({ description: "A committee of the Front or of a socio-political organisation at one unit." })
@Directive('@key(fields: "id")')
@Entity("organisation")
@Index("ix_organisation_unit", ["unitCode", "kind"])
@Index("ix_organisation_parent", ["parentId"])
export class Organisation {
  @Field(() => ID, { description: 'Stable id: short code of the kind and the unit code, "HND-883".' })
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
