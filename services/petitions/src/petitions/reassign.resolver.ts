import { Arg, Authorized, Ctx, Mutation, Resolver } from "type-graphql";
import { audit, BadUserInputError, inTransaction, onceForKey } from "@danvan/kit";
import type { PetitionsContext } from "../context.js";
import { petitionsMessage } from "../messages.js";
import { Petition } from "./petition.entity.js";
import { ReassignPetitionInput } from "./reassign.input.js";
import { petitionForSideStep, recordSideStep } from "./side-step.js";

@Resolver(() => Petition)
export class ReassignPetitionResolver {
  @Authorized("OFFICER", "ADMIN")
  @Mutation(() => Petition, {
    nullable: true,
    description:
      "Hand the petition to another handling officer (and body): recorded in its history as a `reassign` step; its status and deadlines stay. Officers of the unit and administrators only; the new officer alone may then read the denouncer's identity.",
  })
  reassignPetition(@Arg("input") input: ReassignPetitionInput, @Ctx() ctx: PetitionsContext): Promise<Petition> {
    return inTransaction(ctx.ds, async (m) => {
      const { id } = await onceForKey(
        m,
        ctx,
        { key: input.idempotencyKey, operation: "reassignPetition" },
        async () => {
          const before = await petitionForSideStep(m, ctx, input);
          const officer = input.handlingOfficer.trim();
          if (officer === before.handlingOfficer)
            throw BadUserInputError.field("input.handlingOfficer", petitionsMessage("sameHandlingOfficer"));
          const body = input.handledByOrganisationId ?? before.handledByOrganisationId;
          await recordSideStep(m, ctx, before, input, "reassign", {
            handlingOfficer: officer,
            handledByOrganisationId: body,
          });
          // The audit names the bodies, never the officers' subjects beside a denunciation's content.
          await audit(m, ctx, {
            action: "reassignPetition",
            entityType: "Petition",
            entityId: before.id,
            before: { handledByOrganisationId: before.handledByOrganisationId, version: before.version },
            after: { handledByOrganisationId: body },
          });
          return before.id;
        },
      );
      return m.findOneByOrFail(Petition, { id: Number(id) });
    });
  }
}
