import { apply } from "../src/lifecycle/index.js";
import { PetitionEvent, type Petition } from "../src/petitions/petition.entity.js";
import { stateOf } from "../src/petitions/petition-step-state.js";
import { moveOf, REORGANISATION_DAY } from "../src/units/reorganisation.js";

/**
 * Issue 27 on the generated dataset: the petitions still open at its end (received 2015–2020,
 * no step after 2020-12-31) were open on 2025-06-30, so each takes the `reorganise` step dated
 * 2025-07-01 (src/units/reorganisation.ts), through the state machine like every other step:
 * its handling unit and body become the 2025 commune's, its status, deadlines and extensions stay,
 * and its `communeCode` (the figures' commune) too, so every published figure is unchanged.
 * No random draw: the petitions and every other stream stay as they were. Returns how many moved.
 */
export function addReorganisation(petitions: Petition[], events: PetitionEvent[]): number {
  for (const p of petitions) Object.assign(p, { handlingUnitCode: null, handlingUnitValidFrom: null });
  for (const e of events) Object.assign(e, { unitCode: null, unitValidFrom: null });
  let moved = 0;
  for (const p of petitions) {
    const move = moveOf(p);
    if (!move) continue;
    const next = apply(stateOf(p), { type: "reorganise" }, REORGANISATION_DAY);
    Object.assign(p, {
      lastStepOn: next.lastStepOn,
      handlingUnitCode: move.unit.code,
      handlingUnitValidFrom: move.unit.validFrom,
      handledByOrganisationId: move.bodyId,
      version: p.version + 1,
    });
    events.push(
      Object.assign(new PetitionEvent(), {
        petitionId: p.id,
        transition: "reorganise",
        fromStatus: p.status,
        toStatus: next.status,
        occurredOn: REORGANISATION_DAY,
        actor: "seed",
        reason: null,
        note: move.note,
        recordedAt: new Date(`${REORGANISATION_DAY}T09:00:00Z`),
        unitCode: move.unit.code,
        unitValidFrom: move.unit.validFrom,
      }),
    );
    moved++;
  }
  return moved;
}
