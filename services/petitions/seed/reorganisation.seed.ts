import { PetitionEvent, type Petition } from "../src/petitions/petition.entity.js";
import { moveOf } from "../src/units/reorganisation.js";

/**
 * Issue 27 on the generated dataset: a petition received before 2025-07-01 and not closed by
 * 2025-06-30 took the `reorganise` step dated 2025-07-01 in its walk (walk.seed.ts: through the
 * state machine like every other step, before any later one). Here each such step gets its
 * place (src/units/reorganisation.ts, `moveOf`): the petition's handling unit and body become the
 * 2025 commune's, the step names that unit and says why; its status, deadlines and extensions
 * stay, and its `communeCode` (the figures' commune) too. No random draw. Throws when a petition
 * open at the change has no step, or one not open at it has one. Returns how many moved.
 */
export function addReorganisation(petitions: Petition[], events: PetitionEvent[]): number {
  for (const p of petitions) Object.assign(p, { handlingUnitCode: null, handlingUnitValidFrom: null });
  const byId = new Map(petitions.map((p) => [p.id, p]));
  const stepped = new Set<number>();
  for (const e of events) {
    if (e.transition !== "reorganise") {
      Object.assign(e, { unitCode: null, unitValidFrom: null });
      continue;
    }
    const p = byId.get(e.petitionId)!;
    const move = moveOf(p);
    if (!move || stepped.has(p.id)) throw new Error(`petition ${p.id}: a reorganise step it should not have`);
    stepped.add(p.id);
    Object.assign(p, {
      handlingUnitCode: move.unit.code,
      handlingUnitValidFrom: move.unit.validFrom,
      handledByOrganisationId: move.bodyId,
    });
    Object.assign(e, { note: move.note, unitCode: move.unit.code, unitValidFrom: move.unit.validFrom });
  }
  for (const p of petitions)
    if (!stepped.has(p.id) && moveOf(p)) throw new Error(`petition ${p.id}: open at the change without its step`);
  return stepped.size;
}
