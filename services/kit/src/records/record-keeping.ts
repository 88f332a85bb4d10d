import type { DataSource, EntityManager, EntityTarget, FindOptionsWhere, ObjectLiteral, QueryRunner } from "typeorm";
import { inTransaction } from "../database/transaction.js";
import { Table, TableIndex } from "typeorm";
import { columnTypes } from "../database/columns.js";
import type { SubgraphContext } from "../context.js";
import { AuditEvent } from "./audit-event.entity.js";
import { IdempotencyRecord } from "./idempotency-record.entity.js";

export const recordKeepingEntities = [AuditEvent, IdempotencyRecord];

/** Creates the audit and idempotency tables; every subgraph's first migration calls this. */
export async function createRecordKeepingTables(queryRunner: QueryRunner): Promise<void> {
  const t = columnTypes(queryRunner);
  await queryRunner.createTable(
    new Table({
      name: "audit_event",
      columns: [
        { name: "id", type: "integer", isPrimary: true, isGenerated: true, generationStrategy: t.increment },
        { name: "occurred_at", type: t.instant, default: t.now },
        { name: "actor", type: "varchar", length: "120" },
        { name: "request_id", type: "varchar", length: "64", isNullable: true },
        { name: "action", type: "varchar", length: "60" },
        { name: "entity_type", type: "varchar", length: "60" },
        { name: "entity_id", type: "varchar", length: "64" },
        { name: "before", type: "text", isNullable: true },
        { name: "after", type: "text", isNullable: true },
      ],
      indices: [new TableIndex({ name: "ix_audit_event_entity", columnNames: ["entity_type", "entity_id"] })],
    }),
  );
  await queryRunner.createTable(
    new Table({
      name: "idempotency_record",
      columns: [
        { name: "key", type: "varchar", length: "300", isPrimary: true },
        { name: "operation", type: "varchar", length: "60" },
        { name: "entity_id", type: "varchar", length: "64" },
        { name: "created_at", type: t.instant, default: t.now },
      ],
    }),
  );
}

export async function dropRecordKeepingTables(queryRunner: QueryRunner): Promise<void> {
  await queryRunner.dropTable("idempotency_record");
  await queryRunner.dropTable("audit_event");
}

/** Writes an audit event inside the caller's transaction. */
export async function audit(
  manager: EntityManager,
  ctx: SubgraphContext,
  event: { action: string; entityType: string; entityId: string | number; before?: unknown; after?: unknown },
): Promise<void> {
  await manager.insert(AuditEvent, {
    occurredAt: new Date(),
    actor: ctx.identity.sub,
    requestId: ctx.requestId,
    action: event.action,
    entityType: event.entityType,
    entityId: String(event.entityId),
    before: event.before === undefined ? null : JSON.stringify(event.before),
    after: event.after === undefined ? null : JSON.stringify(event.after),
  });
}

/**
 * Runs a create inside the caller's transaction at most once per (caller, key): the first
 * call stores the new record's id with the key; a retry returns that id instead of creating.
 * Two concurrent first calls race on the key's primary key, so one of them fails and rolls back.
 */
export async function onceForKey(
  manager: EntityManager,
  ctx: SubgraphContext,
  opts: { key: string | null | undefined; operation: string },
  create: () => Promise<string | number>,
): Promise<{ id: string; replayed: boolean }> {
  if (!opts.key) return { id: String(await create()), replayed: false };
  const key = `${ctx.identity.sub}:${opts.operation}:${opts.key}`;
  const existing = await manager.findOneBy(IdempotencyRecord, { key });
  if (existing) return { id: existing.entityId, replayed: true };
  const id = String(await create());
  await manager.insert(IdempotencyRecord, { key, operation: opts.operation, entityId: id, createdAt: new Date() });
  return { id, replayed: false };
}

/**
 * A create mutation's whole write: one transaction, at most once per (caller, idempotency key),
 * then the record as stored. `create` inserts (and audits) with the transaction's manager and
 * returns the new id.
 */
export async function createOnce<T extends ObjectLiteral>(
  ds: DataSource,
  ctx: SubgraphContext,
  entity: EntityTarget<T>,
  opts: { key: string | null | undefined; operation: string },
  create: (manager: EntityManager) => Promise<string | number>,
): Promise<T> {
  const { id } = await inTransaction(ds, (m) => onceForKey(m, ctx, opts, () => create(m)));
  return (await ds.getRepository(entity).findOneBy({ id: Number(id) } as unknown as FindOptionsWhere<T>))!;
}
