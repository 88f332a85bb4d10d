import { Column, Entity, PrimaryColumn, PrimaryGeneratedColumn } from "typeorm";
import { Field, ObjectType } from "type-graphql";

/**
 * The denouncer's identity (Law on Denunciations 2018, Art. 47–48: name, address and anything
 * that could reveal them are secret), as the handling officer reads it. Its own type, reachable
 * only through `Petition.denouncerIdentity`, for the handling officer, every read recorded.
 * Never stored as it is: see SealedDenouncerIdentity.
 */
@ObjectType({
  description: "CONFIDENTIAL. The denouncer's identity: the handling officer only; every read is recorded.",
})
export class DenouncerIdentity {
  /** The petition it belongs to: not a field of the type. */
  petitionId: number;

  @Field()
  fullName: string;

  @Field(() => String, { nullable: true })
  address: string | null;

  @Field(() => String, { nullable: true })
  phone: string | null;

  @Field(() => String, { nullable: true })
  idNumber: string | null;
}

/**
 * The identity at rest, encrypted (envelope.ts): the name, address, phone and ID number sealed
 * together under a data key of their own, which is stored wrapped by the key-encryption key of
 * version `keyVersion` (PETITIONS_IDENTITY_KEYS). Nothing here is readable without that key.
 */
@Entity("denouncer_identity")
export class SealedDenouncerIdentity {
  @PrimaryColumn({ name: "petition_id", type: "integer" })
  petitionId: number;

  @Column({ type: "text" })
  sealed: string;

  @Column({ name: "wrapped_key", type: "varchar", length: 120 })
  wrappedKey: string;

  @Column({ name: "key_version", type: "integer" })
  keyVersion: number;
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
