import { Column, Entity, Index, PrimaryGeneratedColumn } from "typeorm";
import { Field, ID, Int, ObjectType } from "type-graphql";
import { DateScalar } from "@danvan/kit";
import { Gender, MemberStatus } from "./member-status.js";

/** A member (đoàn viên, hội viên) of one committee, with the dates the membership ran. */
@ObjectType({ description: "A member (đoàn viên, hội viên) of one committee. Personal: officers in scope only." })
@Entity("member")
@Index("ix_member_organisation", ["organisationId", "id"])
@Index("ix_member_joined", ["organisationId", "joinedOn"])
@Index("ix_member_as_of", ["organisationId", "joinedOn", "leftOn", "gender", "birthYear"])
export class Member {
  @Field(() => ID)
  @PrimaryGeneratedColumn({ type: "integer" })
  id: number;

  @Column({ name: "organisation_id", type: "varchar", length: 16 })
  organisationId: string;

  @Column({ name: "full_name", type: "varchar", length: 120 })
  fullName: string;

  @Field(() => Gender)
  @Column({ type: "varchar", length: 6 })
  gender: Gender;

  @Field(() => Int, { nullable: true })
  @Column({ name: "birth_year", type: "integer", nullable: true })
  birthYear: number | null;

  @Field(() => DateScalar)
  @Column({ name: "joined_on", type: "date" })
  joinedOn: string;

  @Field(() => DateScalar, { nullable: true })
  @Column({ name: "left_on", type: "date", nullable: true })
  leftOn: string | null;

  @Field(() => MemberStatus)
  @Column({ type: "varchar", length: 12 })
  status: MemberStatus;

  @Field(() => Int, { description: "Changes with every update; send it back to update." })
  @Column({ type: "integer", default: 1 })
  version: number;
}
