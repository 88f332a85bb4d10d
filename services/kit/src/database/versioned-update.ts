import { kitMessage } from "../i18n/messages.js";
import type { Message } from "../i18n/catalogue.js";
import type { EntityManager, EntityTarget, ObjectLiteral } from "typeorm";
import type { QueryDeepPartialEntity } from "typeorm/query-builder/QueryPartialEntity.js";
import { ConflictError } from "../errors.js";

/**
 * Optimistic concurrency: `UPDATE … SET …, version = version + 1 WHERE <key> AND version = ?`,
 * then the row as it is now. TypeORM's @VersionColumn does not check the version on save, so
 * the check is this statement's affected-row count: 0 means someone else changed it first.
 */
export async function updateVersioned<T extends ObjectLiteral & { version: number }>(
  manager: EntityManager,
  entity: EntityTarget<T>,
  key: Partial<T>,
  expectedVersion: number,
  set: QueryDeepPartialEntity<T>,
  what: Message,
): Promise<T> {
  const result = await manager
    .createQueryBuilder()
    .update(entity)
    .set({ ...set, version: () => "version + 1" } as QueryDeepPartialEntity<T>)
    .where(key)
    .andWhere("version = :expectedVersion", { expectedVersion })
    .execute();
  const current = await manager.findOneBy(entity, key);
  if (result.affected !== 1 || !current) {
    throw new ConflictError(kitMessage("changedByOthers", { thing: what }), {
      currentVersion: current?.version ?? null,
    });
  }
  return current;
}
