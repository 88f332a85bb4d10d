import type { EntityManager } from "typeorm";
import {
  audit,
  BadUserInputError,
  ConflictError,
  kitMessage,
  NotFoundError,
  todayInProvince,
  type SubgraphContext,
} from "@danvan/kit";
import { apply, PetitionRuleError, type PetitionState } from "../lifecycle/index.js";
import { petitionsMessage } from "../messages.js";
import type { Transition } from "../lifecycle/transition-rules.js";
import { Petition, PetitionEvent } from "./petition.entity.js";
import { assertCanHandle } from "./petition-access.js";
import { calendarFor } from "../calendar/calendar-store.js";
import { screenedForPetition } from "../confidential/denouncer-identities.js";
import { reorganiseIfDue } from "./reorganise-step.js";
import { changedByOthers, stateOf } from "./petition-step-state.js";

/**
 * The rules' refusals as coded GraphQL errors, their message in the caller's language: illegal
 * moves are conflicts (with `reason`, `transition` and `currentStatus`), bad input names its
 * field under `input`. `fields` renames a rule's field where the input calls it otherwise (the
 * receipt's `on` is `receivedOn`).
 */
export function asGraphQLError(err: PetitionRuleError, fields: Readonly<Record<string, string>> = {}): Error {
  const d = err.details;
  if (err.clientCode === "CONFLICT") {
    return new ConflictError(err.summary, { reason: err.code, transition: d.transition, currentStatus: d.status });
  }
  const field = d.field ?? "on";
  return BadUserInputError.field(`input.${fields[field] ?? field}`, err.summary);
}

/**
 * Takes one lifecycle step inside the caller's transaction: checks access and version, applies
 * the pure rules, writes the new state with `version + 1` and the event (actor, day, reason)
 * in the same transaction, and audits it.
 */
export async function recordStep(
  m: EntityManager,
  ctx: SubgraphContext,
  input: { petitionId: string; expectedVersion: number; on: string; note?: string | null },
  transition: Transition,
  extra: Partial<
    Pick<
      Petition,
      | "resolvedAtGrassroots"
      | "conclusion"
      | "forwardedToBodyId"
      | "forwardedOn"
      | "forwardLegalBasis"
      | "forwardFollowUpDueOn"
    >
  > = {},
  reason: string | null = null,
): Promise<Petition> {
  const found = await m.findOneBy(Petition, { id: Number(input.petitionId) });
  if (!found) throw new NotFoundError(petitionsMessage("thingPetition"), "input.petitionId");
  assertCanHandle(ctx.identity, found);
  if (found.version !== input.expectedVersion) {
    throw new ConflictError(changedByOthers(), { currentVersion: found.version });
  }
  if (input.on > todayInProvince()) throw BadUserInputError.field("input.on", kitMessage("notInFuture"));
  // A petition open at the 2025 reorganisation that has not moved yet moves first (reorganise-step.ts).
  const before = await reorganiseIfDue(m, ctx, found, input.on);
  let next: PetitionState;
  try {
    next = apply(stateOf(before), transition, input.on, await calendarFor(m));
  } catch (err) {
    if (err instanceof PetitionRuleError) throw asGraphQLError(err);
    throw err;
  }
  const { kind: _kind, round: _round, isRemoteArea: _remote, receivedOn: _received, ...changed } = next;
  const result = await m
    .createQueryBuilder()
    .update(Petition)
    .set({ ...changed, ...extra, version: () => "version + 1" })
    .where({ id: before.id, version: before.version })
    .execute();
  if (result.affected !== 1) throw new ConflictError(changedByOthers());
  await m.insert(PetitionEvent, {
    petitionId: before.id,
    transition: transition.type,
    fromStatus: before.status,
    toStatus: next.status,
    occurredOn: input.on,
    actor: ctx.identity.sub,
    reason,
    // Others read the note (history): each mention of the denouncer is replaced (confidential/screening.ts).
    note: await screenedForPetition(m, before.id, input.note),
    recordedAt: new Date(),
  });
  await audit(m, ctx, {
    action: transition.type,
    entityType: "Petition",
    entityId: before.id,
    before: { status: before.status, version: before.version },
    after: { status: next.status, dueOn: next.dueOn },
  });
  return m.findOneByOrFail(Petition, { id: before.id });
}
