import { Column, Entity, PrimaryColumn, PrimaryGeneratedColumn } from "typeorm";
import { Field, ObjectType } from "type-graphql";

/**
 * The denouncer's identity (Law on Denunciations 2018, Art. 47–48: name, address and anything
 * that could reveal them are secret). Its own table and type, reachable only through
 * `Petition.denouncerIdentity`, for the handling officer, every read recorded.
 */
@ObjectType({
  description: "CONFIDENTIAL. The denouncer's identity: the handling officer only; every read is recorded.",
})
@Entity("denouncer_identity")
export class DenouncerIdentity {
  @PrimaryColumn({ name: "petition_id", type: "integer" })
  petitionId: number;

  @Field()
  @Column({ name: "full_name", type: "varchar", length: 120 })
  fullName: string;

  @Field(() => String, { nullable: true })
  @Column({ type: "varchar", length: 300, nullable: true })
  address: string | null;

  @Field(() => String, { nullable: true })
  @Column({ type: "varchar", length: 20, nullable: true })
  phone: string | null;

  @Field(() => String, { nullable: true })
  @Column({ name: "id_number", type: "varchar", length: 20, nullable: true })
  idNumber: string | null;
}

/** Who read a denouncer's identity, and when: written before the identity is returned. */
@Entity("identity_read")
export class IdentityRead {
  @PrimaryGeneratedColumn({ type: "integer" })
  id: number;

  @Column({ name: "petition_id", type: "integer" })
  petitionId: number;

  @Column({ type: "varchar", length: 120 })
  reader: string;

  @Column({ name: "request_id", type: "varchar", length: 64, nullable: true })
  requestId: string | null;

  @Column({ name: "read_at" })
  readAt: Date;
}
