import { Column, Entity, Index, PrimaryGeneratedColumn } from "typeorm";
import { Field, ID, Int, ObjectType } from "type-graphql";
import { DateScalar } from "@danvan/kit";
import { PositionTitle } from "./position-title.js";

/** A leadership position held for a term; committees' leaders are public details. */
@ObjectType({ description: "A leadership position on a committee for a term." })
@Entity("leadership_position")
@Index("ix_leadership_position_organisation", ["organisationId", "termStart"])
export class LeadershipPosition {
  @Field(() => ID)
  @PrimaryGeneratedColumn({ type: "integer" })
  id: number;

  @Column({ name: "organisation_id", type: "varchar", length: 16 })
  organisationId: string;

  @Field(() => PositionTitle)
  @Column({ type: "varchar", length: 16 })
  title: PositionTitle;

  @Field({ description: "The holder's name as published by the committee." })
  @Column({ name: "holder_name", type: "varchar", length: 120 })
  holderName: string;

  @Field(() => DateScalar)
  @Column({ name: "term_start", type: "date" })
  termStart: string;

  @Field(() => DateScalar, { nullable: true })
  @Column({ name: "term_end", type: "date", nullable: true })
  termEnd: string | null;

  @Field(() => Int)
  @Column({ type: "integer", default: 1 })
  version: number;
}

/** Held on a date: the term began and had not ended. */
export function heldOn(p: { termStart: string; termEnd: string | null }, date: string): boolean {
  return p.termStart <= date && (p.termEnd === null || p.termEnd >= date);
}
