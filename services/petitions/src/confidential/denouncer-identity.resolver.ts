import { Ctx, FieldResolver, Resolver, Root } from "type-graphql";
import { ForbiddenError, inTransaction, isAnonymous, UnauthenticatedError } from "@danvan/kit";
import type { PetitionsContext } from "../context.js";
import { petitionsMessage } from "../messages.js";
import { Petition } from "../petitions/petition.entity.js";
import { isHandlingOfficer } from "../petitions/petition-access.js";
import { DenouncerIdentity, IdentityRead } from "./denouncer-identity.entity.js";
import { identityOf } from "./denouncer-identities.js";

@Resolver(() => Petition)
export class DenouncerIdentityResolver {
  /**
   * The only way to the denouncer's identity (Law on Denunciations 2018, Art. 47–48): the
   * petition's handling officer alone; the read is recorded before the identity is returned,
   * in one transaction, so no read goes unrecorded. Stored encrypted, it is decrypted here only.
   */
  @FieldResolver(() => DenouncerIdentity, {
    nullable: true,
    description: "CONFIDENTIAL: the handling officer only; every read is recorded.",
  })
  async denouncerIdentity(@Root() p: Petition, @Ctx() ctx: PetitionsContext): Promise<DenouncerIdentity | null> {
    if (isAnonymous(ctx.identity)) throw new UnauthenticatedError();
    if (!isHandlingOfficer(ctx.identity, p)) throw new ForbiddenError(petitionsMessage("onlyHandlerReadsIdentity"));
    return inTransaction(ctx.ds, async (m) => {
      const identity = await identityOf(m, p.id);
      if (!identity) return null;
      await m.insert(IdentityRead, {
        petitionId: p.id,
        reader: ctx.identity.sub,
        requestId: ctx.requestId,
        readAt: new Date(),
      });
      return identity;
    });
  }
}
