import { BadUserInputError, NotFoundError } from "@danvan/kit";
import type { PetitionsContext } from "../context.js";
import { ComplaintRound, PetitionKind, PetitionStatus } from "../lifecycle/index.js";
import { petitionsMessage } from "../messages.js";
import { assertCanReadPetition } from "./petition-access.js";
import type { SubmitPetitionInput } from "./petition.input.js";

/**
 * A second-round complaint names its first round (`firstRoundPetitionId`): a first-round
 * complaint the caller may read, resolved (decided) on or before the new one's receipt. It is
 * then a SECOND round, and its filing limit (30 / 45 days, Law on Complaints 2011, Art. 33)
 * counts from `decisionKnownOn`, by default the first-round decision's day. Returns the input
 * with those filled in; without a first round, the input as given.
 */
export async function withFirstRound(
  input: SubmitPetitionInput,
  ctx: PetitionsContext,
): Promise<SubmitPetitionInput & { firstRoundId: number | null }> {
  if (input.firstRoundPetitionId == null) return { ...input, firstRoundId: null };
  const field = "input.firstRoundPetitionId";
  const id = Number(input.firstRoundPetitionId);
  const first = Number.isSafeInteger(id) && id > 0 ? await ctx.loaders.petition.load(id) : null;
  if (!first) throw new NotFoundError(petitionsMessage("thingPetition"), field);
  assertCanReadPetition(ctx.identity, first);
  if (input.kind !== PetitionKind.COMPLAINT || input.round === ComplaintRound.FIRST)
    throw BadUserInputError.field("input.round", petitionsMessage("firstRoundNotResolved"));
  if (
    first.kind !== PetitionKind.COMPLAINT ||
    first.round === ComplaintRound.SECOND ||
    first.status !== PetitionStatus.RESOLVED ||
    first.closedOn === null ||
    first.closedOn > input.receivedOn
  )
    throw BadUserInputError.field(field, petitionsMessage("firstRoundNotResolved"));
  return {
    ...input,
    round: ComplaintRound.SECOND,
    decisionKnownOn: input.decisionKnownOn ?? first.closedOn,
    firstRoundId: first.id,
  };
}
