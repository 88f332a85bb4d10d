import { Arg, Authorized, Ctx, Mutation, Resolver } from "type-graphql";
import {
  audit,
  BadUserInputError,
  ConflictError,
  inTransaction,
  kitMessage,
  NotFoundError,
  onceForKey,
  todayInProvince,
} from "@danvan/kit";
import type { PetitionsContext } from "../context.js";
import { petitionsMessage } from "../messages.js";
import { assertCanHandle } from "./petition-access.js";
import { Petition, PetitionEvent } from "./petition.entity.js";
import { ReassignPetitionInput } from "./reassign.input.js";
import { screenedForPetition } from "../confidential/denouncer-identities.js";

const changedByOthers = () => kitMessage("changedByOthers", { thing: petitionsMessage("thingPetition") });

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
          const before = await m.findOneBy(Petition, { id: Number(input.petitionId) });
          if (!before) throw new NotFoundError(petitionsMessage("thingPetition"), "input.petitionId");
          assertCanHandle(ctx.identity, before);
          if (before.version !== input.expectedVersion) {
            throw new ConflictError(changedByOthers(), { currentVersion: before.version });
          }
          if (input.on > todayInProvince()) throw BadUserInputError.field("input.on", kitMessage("notInFuture"));
          if (input.on < before.lastStepOn)
            throw BadUserInputError.field("input.on", petitionsMessage("dateBeforePreviousStep"));
          const officer = input.handlingOfficer.trim();
          if (officer === before.handlingOfficer)
            throw BadUserInputError.field("input.handlingOfficer", petitionsMessage("sameHandlingOfficer"));
          const body = input.handledByOrganisationId ?? before.handledByOrganisationId;
          const result = await m
            .createQueryBuilder()
            .update(Petition)
            .set({
              handlingOfficer: officer,
              handledByOrganisationId: body,
              lastStepOn: input.on,
              version: () => "version + 1",
            })
            .where({ id: before.id, version: input.expectedVersion })
            .execute();
          if (result.affected !== 1) throw new ConflictError(changedByOthers());
          await m.insert(PetitionEvent, {
            petitionId: before.id,
            transition: "reassign",
            fromStatus: before.status,
            toStatus: before.status,
            occurredOn: input.on,
            actor: ctx.identity.sub,
            reason: null,
            note: await screenedForPetition(m, before.id, input.note),
            recordedAt: new Date(),
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
