import "reflect-metadata";
import { Column, Entity, PrimaryColumn } from "typeorm";

/** A create mutation's idempotency key and the record it created: a retry returns that record. */
@Entity("idempotency_record")
export class IdempotencyRecord {
  /** The caller's subject and key together: one caller cannot collide with another's key. */
  @PrimaryColumn({ type: "varchar", length: 300 })
  key: string;

  @Column({ type: "varchar", length: 60 })
  operation: string;

  @Column({ name: "entity_id", type: "varchar", length: 64 })
  entityId: string;

  @Column({ name: "created_at" })
  createdAt: Date;
}
