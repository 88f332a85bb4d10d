import type { EntityManager } from "typeorm";
import { audit, ConflictError, type SubgraphContext } from "@danvan/kit";
import { apply, isOpen } from "../lifecycle/index.js";
import { moveOf, REORGANISATION_ACTOR, REORGANISATION_DAY } from "../units/reorganisation.js";
import { Petition, PetitionEvent } from "./petition.entity.js";
import { changedByOthers, stateOf } from "./petition-step-state.js";

/**
 * The 2025 reorganisation's step for a petition that has not taken it yet: one received before
 * 2025-07-01 and entered after the migration moved the others (units/reorganisation.ts), when
 * its first step dated on or after 2025-07-01 is recorded. The `reorganise` step comes first,
 * dated 2025-07-01, in the caller's transaction: the petition passes to the unit that took its
 * commune and to that unit's committee, its status and deadlines unchanged, and its version
 * goes up by one (the caller's step then writes the next). Anything else is returned as it is.
 */
export async function reorganiseIfDue(
  m: EntityManager,
  ctx: SubgraphContext,
  p: Petition,
  on: string,
): Promise<Petition> {
  // Already moved: a handling unit of the 2025 map (a petition received at the old province moves too).
  if (
    on < REORGANISATION_DAY ||
    (p.handlingUnitCode !== null &&
      p.handlingUnitValidFrom !== null &&
      String(p.handlingUnitValidFrom).slice(0, 10) >= REORGANISATION_DAY)
  )
    return p;
  // Not open now, or a step already dated after the change: the migration's rows, moved by it.
  if (!isOpen(p.status) || p.lastStepOn > REORGANISATION_DAY) return p;
  const move = moveOf(p);
  if (!move) return p;
  // The state machine's own checks: every open status of every kind, received before, dated the day.
  const next = apply(stateOf(p), { type: "reorganise" }, REORGANISATION_DAY);
  const result = await m
    .createQueryBuilder()
    .update(Petition)
    .set({
      lastStepOn: next.lastStepOn,
      handlingUnitCode: move.unit.code,
      handlingUnitValidFrom: move.unit.validFrom,
      handledByOrganisationId: move.bodyId,
      version: () => "version + 1",
    })
    .where({ id: p.id, version: p.version })
    .execute();
  if (result.affected !== 1) throw new ConflictError(changedByOthers());
  await m.insert(PetitionEvent, {
    petitionId: p.id,
    transition: "reorganise",
    fromStatus: p.status,
    toStatus: next.status,
    occurredOn: REORGANISATION_DAY,
    actor: REORGANISATION_ACTOR,
    reason: null,
    note: move.note,
    recordedAt: new Date(),
    unitCode: move.unit.code,
    unitValidFrom: move.unit.validFrom,
  });
  await audit(m, ctx, {
    action: "reorganise",
    entityType: "Petition",
    entityId: p.id,
    before: { handledByOrganisationId: p.handledByOrganisationId, version: p.version },
    after: { handledByOrganisationId: move.bodyId, handlingUnit: `${move.unit.code}@${move.unit.validFrom}` },
  });
  return m.findOneByOrFail(Petition, { id: p.id });
}
