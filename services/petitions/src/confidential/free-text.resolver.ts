import { Ctx, FieldResolver, Resolver, Root } from "type-graphql";
import { hasAnyRole, type Identity } from "@danvan/kit";
import type { PetitionsContext } from "../context.js";
import { Petition, PetitionEvent } from "../petitions/petition.entity.js";

/**
 * Free text written about a petition (its summary, a step's note, its conclusion) may carry what
 * the writer heard from a citizen: analysts never see it, whatever the field (issue 19); they
 * work from the coded facts and the aggregates. Officers, handling officers and administrators
 * read it as stored, screened of the denouncer's identity when written (screening.ts).
 */
export function readsFreeText(identity: Identity): boolean {
  return hasAnyRole(identity, ["OFFICER", "HANDLING_OFFICER", "ADMIN"]);
}

@Resolver(() => PetitionEvent)
export class PetitionEventFreeTextResolver {
  @FieldResolver(() => String, { nullable: true })
  note(@Root() e: PetitionEvent, @Ctx() ctx: PetitionsContext): string | null {
    return readsFreeText(ctx.identity) ? e.note : null;
  }
}

@Resolver(() => Petition)
export class PetitionFreeTextResolver {
  @FieldResolver(() => String, {
    nullable: true,
    description: "The published conclusion; it never carries the denouncer's information.",
  })
  conclusion(@Root() p: Petition, @Ctx() ctx: PetitionsContext): string | null {
    return readsFreeText(ctx.identity) ? p.conclusion : null;
  }
}
