import { Ctx, FieldResolver, Resolver, Root } from "type-graphql";
import type { PetitionsContext } from "../context.js";
import { assertCanReadPetition } from "./petition-access.js";
import { Petition } from "./petition.entity.js";

function readable(ctx: PetitionsContext, p: Petition): boolean {
  try {
    assertCanReadPetition(ctx.identity, p);
    return true;
  } catch {
    return false;
  }
}

/** A second-round complaint and its first round, both ways, each as its reader may see it. */
@Resolver(() => Petition)
export class SecondRoundResolver {
  @FieldResolver(() => Petition, {
    nullable: true,
    description:
      "A second-round complaint's first-round petition, whose decision it contests (null when the caller may not read it).",
  })
  async firstRound(@Root() p: Petition, @Ctx() ctx: PetitionsContext): Promise<Petition | null> {
    if (p.firstRoundPetitionId === null) return null;
    const first = await ctx.loaders.petition.load(p.firstRoundPetitionId);
    return first && readable(ctx, first) ? first : null;
  }

  @FieldResolver(() => [Petition], {
    description: "The second-round complaints against this first-round decision (those the caller may read).",
  })
  async secondRounds(@Root() p: Petition, @Ctx() ctx: PetitionsContext): Promise<Petition[]> {
    return (await ctx.loaders.secondRoundsOf.load(p.id)).filter((s) => readable(ctx, s));
  }
}
