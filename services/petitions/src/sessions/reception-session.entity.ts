import { Column, Entity, PrimaryColumn, PrimaryGeneratedColumn } from "typeorm";
import { Field, ID, Int, ObjectType, registerEnumType } from "type-graphql";
import { DateScalar } from "@danvan/kit";

export enum SessionKind {
  RECEPTION = "RECEPTION",
  DIALOGUE = "DIALOGUE",
}
registerEnumType(SessionKind, {
  name: "SessionKind",
  description: "Citizen reception (tiếp công dân) or direct dialogue (đối thoại).",
});

export enum PresiderRole {
  CHAIR = "CHAIR",
  VICE_CHAIR = "VICE_CHAIR",
  AUTHORISED_OFFICER = "AUTHORISED_OFFICER",
}
registerEnumType(PresiderRole, {
  name: "PresiderRole",
  description: "Who presided: the chair in person counts towards the legal frequency.",
});

/** A citizen reception session or a direct dialogue held by a unit's leader. */
@ObjectType({ description: "A citizen reception session or a direct dialogue." })
@Entity("reception_session")
export class ReceptionSession {
  @Field(() => ID)
  @PrimaryGeneratedColumn({ type: "integer" })
  id: number;

  @Field(() => SessionKind)
  @Column({ type: "varchar", length: 12 })
  kind: SessionKind;

  @Column({ name: "unit_code", type: "varchar", length: 10 })
  unitCode: string;

  @Field({ description: "PROVINCE, DISTRICT or COMMUNE." })
  @Column({ type: "varchar", length: 10 })
  level: string;

  @Field(() => PresiderRole)
  @Column({ name: "presider_role", type: "varchar", length: 20 })
  presiderRole: PresiderRole;

  @Field({ description: "The presiding leader, as published." })
  @Column({ name: "presider_name", type: "varchar", length: 120 })
  presiderName: string;

  @Field(() => DateScalar)
  @Column({ name: "held_on", type: "date" })
  heldOn: string;

  @Field()
  @Column({ type: "varchar", length: 200 })
  place: string;

  @Field(() => String, { nullable: true })
  @Column({ type: "varchar", length: 300, nullable: true })
  topic: string | null;

  @Field(() => Int)
  @Column({ name: "citizens_received", type: "integer", default: 0 })
  citizensReceived: number;
}

/** The petitions raised in a session. */
@Entity("session_petition")
export class SessionPetition {
  @PrimaryColumn({ name: "session_id", type: "integer" })
  sessionId: number;

  @PrimaryColumn({ name: "petition_id", type: "integer" })
  petitionId: number;
}
