import "reflect-metadata";
import { Column, Entity, Index, PrimaryGeneratedColumn } from "typeorm";

/** Who changed what, when, with the record before and after; written in the change's transaction. */
@Entity("audit_event")
@Index("ix_audit_event_entity", ["entityType", "entityId"])
export class AuditEvent {
  @PrimaryGeneratedColumn({ type: "integer" })
  id: number;

  @Column({ name: "occurred_at" })
  occurredAt: Date;

  @Column({ type: "varchar", length: 120 })
  actor: string;

  @Column({ name: "request_id", type: "varchar", length: 64, nullable: true })
  requestId: string | null;

  @Column({ type: "varchar", length: 60 })
  action: string;

  @Column({ name: "entity_type", type: "varchar", length: 60 })
  entityType: string;

  @Column({ name: "entity_id", type: "varchar", length: 64 })
  entityId: string;

  @Column({ type: "text", nullable: true })
  before: string | null;

  @Column({ type: "text", nullable: true })
  after: string | null;
}
