import { Arg, Authorized, Ctx, FieldResolver, Mutation, Resolver, Root } from "type-graphql";
import { audit, BadUserInputError, ConflictError, inTransaction, onceForKey, todayInProvince } from "@danvan/kit";
import type { PetitionsContext } from "../context.js";
import { petitionsMessage } from "../messages.js";
import { calendarFor } from "../calendar/calendar-store.js";
import { screenedForPetition } from "../confidential/denouncer-identities.js";
import { forwardFollowUpDueOn, isForwardOverdue } from "../deadlines/index.js";
import { isStateBodyId, stateBodyExistsOn, stateBodyRef, StateBodyRef } from "../federation/state-body.ref.js";
import { PetitionStatus } from "../lifecycle/index.js";
import { Petition } from "./petition.entity.js";
import { ForwardPetitionInput, RecordForwardingAnswerInput } from "./forward.input.js";
import { recordStep } from "./record-step.js";
import { petitionForSideStep, recordSideStep } from "./side-step.js";

const WRITERS = ["OFFICER", "HANDLING_OFFICER", "ADMIN"] as const;

@Resolver(() => Petition)
export class ForwardPetitionResolver {
  @Authorized(...WRITERS)
  @Mutation(() => Petition, {
    nullable: true,
    description:
      "Forward a petition outside the Front's competence to the competent state body (chuyển đơn): a `forward` step to FORWARDED, with the body, the day and the legal basis; its answer is followed up (forwardFollowUpDueOn).",
  })
  forwardPetition(@Arg("input") input: ForwardPetitionInput, @Ctx() ctx: PetitionsContext): Promise<Petition> {
    if (!isStateBodyId(input.toBodyId)) {
      throw BadUserInputError.field("input.toBodyId", petitionsMessage("noSuchStateBody"));
    }
    // The body must exist on the forwarding day: none of an ended unit (a district in 2026).
    if (!stateBodyExistsOn(input.toBodyId, input.on)) {
      throw BadUserInputError.field("input.toBodyId", petitionsMessage("stateBodyNotInForce"));
    }
    return inTransaction(ctx.ds, async (m) => {
      const { id } = await onceForKey(m, ctx, { key: input.idempotencyKey, operation: "forwardPetition" }, async () => {
        const calendar = await calendarFor(m);
        const after = await recordStep(
          m,
          ctx,
          input,
          { type: "forward" },
          {
            forwardedToBodyId: input.toBodyId,
            forwardedOn: input.on,
            // Free text others read, screened like a note (confidential/screening.ts).
            forwardLegalBasis: await screenedForPetition(m, Number(input.petitionId), input.legalBasis.trim()),
            forwardFollowUpDueOn: forwardFollowUpDueOn(input.on, calendar),
          },
        );
        return after.id;
      });
      return m.findOneByOrFail(Petition, { id: Number(id) });
    });
  }

  @Authorized(...WRITERS)
  @Mutation(() => Petition, {
    nullable: true,
    description:
      "Record the day the competent body's answer to a forwarded petition was received: a `forwardingAnswer` step (status unchanged); it ends the follow-up.",
  })
  recordForwardingAnswer(
    @Arg("input") input: RecordForwardingAnswerInput,
    @Ctx() ctx: PetitionsContext,
  ): Promise<Petition> {
    return inTransaction(ctx.ds, async (m) => {
      const { id } = await onceForKey(
        m,
        ctx,
        { key: input.idempotencyKey, operation: "recordForwardingAnswer" },
        async () => {
          const before = await petitionForSideStep(m, ctx, input);
          if (before.status !== PetitionStatus.FORWARDED)
            throw BadUserInputError.field("input.petitionId", petitionsMessage("notForwarded"));
          if (before.forwardAnsweredOn !== null)
            throw new ConflictError(petitionsMessage("forwardAlreadyAnswered"), { currentVersion: before.version });
          await recordSideStep(m, ctx, before, input, "forwardingAnswer", { forwardAnsweredOn: input.on });
          await audit(m, ctx, {
            action: "recordForwardingAnswer",
            entityType: "Petition",
            entityId: before.id,
            before: { forwardAnsweredOn: null, version: before.version },
            after: { forwardAnsweredOn: input.on },
          });
          return before.id;
        },
      );
      return m.findOneByOrFail(Petition, { id: Number(id) });
    });
  }

  @FieldResolver(() => StateBodyRef, {
    nullable: true,
    description: "The state body it was forwarded to (from organisations).",
  })
  forwardedTo(@Root() p: Petition): StateBodyRef | null {
    return p.forwardedToBodyId ? stateBodyRef(p.forwardedToBodyId) : null;
  }

  @FieldResolver(() => Boolean, {
    description: "Forwarded and the body's answer not received by the follow-up date (today), or received after it.",
  })
  isForwardOverdue(@Root() p: Petition): boolean {
    return isForwardOverdue(p, todayInProvince());
  }
}
