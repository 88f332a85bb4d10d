import type { EntityManager } from "typeorm";
import type { QueryDeepPartialEntity } from "typeorm/query-builder/QueryPartialEntity.js";
import { BadUserInputError, ConflictError, kitMessage, NotFoundError, todayInProvince } from "@danvan/kit";
import type { PetitionsContext } from "../context.js";
import { petitionsMessage } from "../messages.js";
import { screenedForPetition } from "../confidential/denouncer-identities.js";
import { assertCanHandle } from "./petition-access.js";
import { Petition, PetitionEvent } from "./petition.entity.js";
import { changedByOthers } from "./petition-step-state.js";
import { reorganiseIfDue } from "./reorganise-step.js";

/**
 * Steps that keep the petition's status (a reassignment, a forwarded case's answer): not moves
 * of the lifecycle (record-step.ts), but checked and recorded the same way.
 */
export interface SideStepInput {
  petitionId: string;
  expectedVersion: number;
  on: string;
  note?: string | null;
}

/** The petition a side step is taken on: it exists, the caller handles it, the version and the day fit. */
export async function petitionForSideStep(
  m: EntityManager,
  ctx: PetitionsContext,
  input: SideStepInput,
): Promise<Petition> {
  const found = await m.findOneBy(Petition, { id: Number(input.petitionId) });
  if (!found) throw new NotFoundError(petitionsMessage("thingPetition"), "input.petitionId");
  assertCanHandle(ctx.identity, found);
  if (found.version !== input.expectedVersion) {
    throw new ConflictError(changedByOthers(), { currentVersion: found.version });
  }
  if (input.on > todayInProvince()) throw BadUserInputError.field("input.on", kitMessage("notInFuture"));
  if (input.on < found.lastStepOn)
    throw BadUserInputError.field("input.on", petitionsMessage("dateBeforePreviousStep"));
  // A petition open at the 2025 reorganisation that has not moved yet moves first (reorganise-step.ts).
  return reorganiseIfDue(m, ctx, found, input.on);
}

/**
 * Writes a side step: the row's changes under the expected version (CONFLICT when another write
 * came first), and the step in the history, its note screened of the denouncer.
 */
export async function recordSideStep(
  m: EntityManager,
  ctx: PetitionsContext,
  before: Petition,
  input: SideStepInput,
  transition: "reassign" | "forwardingAnswer",
  changes: QueryDeepPartialEntity<Petition>,
): Promise<void> {
  const result = await m
    .createQueryBuilder()
    .update(Petition)
    .set({ ...changes, lastStepOn: input.on, version: () => "version + 1" })
    .where({ id: before.id, version: before.version })
    .execute();
  if (result.affected !== 1) throw new ConflictError(changedByOthers());
  await m.insert(PetitionEvent, {
    petitionId: before.id,
    transition,
    fromStatus: before.status,
    toStatus: before.status,
    occurredOn: input.on,
    actor: ctx.identity.sub,
    reason: null,
    note: await screenedForPetition(m, before.id, input.note),
    recordedAt: new Date(),
  });
}
