import { Arg, Authorized, Ctx, FieldResolver, Mutation, Resolver, Root } from "type-graphql";
import {
  createOnce,
  assertCanWriteUnit,
  audit,
  BadUserInputError,
  ConflictError,
  inTransaction,
  kitMessage,
  NotFoundError,
  updateVersioned,
} from "@danvan/kit";
import type { OrganisationsContext } from "../context.js";
import { Organisation, scopeUnitOf } from "../organisations/organisation.entity.js";
import { requireOrganisation } from "../organisations/organisation-lookup.js";
import { LeadershipPosition } from "./leadership-position.entity.js";
import { EndPositionTermInput, RecordPositionInput } from "./position.input.js";
import { conflictingHead } from "./terms.js";
import { headTitle, titleName, TITLES } from "./position-titles.js";
import { PositionTitle } from "./position-title.js";
import { kindName } from "../organisations/kind-names.js";
import { orgMessage } from "../messages.js";

function checkTermDates(start: string, end: string | null | undefined, prefix: string): void {
  if (end != null && end < start) {
    throw BadUserInputError.field(
      `${prefix}.termEnd`,
      kitMessage("notBefore", { other: orgMessage("otherTermStart") }),
    );
  }
}

@Resolver(() => LeadershipPosition)
export class PositionResolver {
  @FieldResolver(() => Organisation)
  async organisation(@Root() p: LeadershipPosition, @Ctx() ctx: OrganisationsContext): Promise<Organisation> {
    return (await ctx.loaders.organisation.load(p.organisationId))!;
  }

  @FieldResolver(() => String, {
    description: 'The title as the organisation writes it: "Bí thư" (the Youth Union), "Chủ tịch", "Phó Chủ tịch", ...',
  })
  async titleName(@Root() p: LeadershipPosition, @Ctx() ctx: OrganisationsContext): Promise<string> {
    const organisation = (await ctx.loaders.organisation.load(p.organisationId))!;
    // A title the organisation does not use is refused on write; the enum's name is the fallback.
    return titleName(organisation.kind, p.title) ?? p.title;
  }

  @Authorized("OFFICER", "ADMIN")
  @Mutation(() => LeadershipPosition, {
    nullable: true,
    description:
      "Record a leadership position with a title the organisation uses; one head (chair, or the Youth Union's secretary) at a time.",
  })
  async recordPosition(
    @Arg("input") input: RecordPositionInput,
    @Ctx() ctx: OrganisationsContext,
  ): Promise<LeadershipPosition> {
    checkTermDates(input.termStart, input.termEnd, "input");
    const organisation = await requireOrganisation(ctx, input.organisationId, "input.organisationId");
    assertCanWriteUnit(ctx.identity, scopeUnitOf(organisation));
    // Each organisation has its own titles: the Youth Union's head is its secretary (position-titles.ts).
    if (titleName(organisation.kind, input.title) === null) {
      throw BadUserInputError.field(
        "input.title",
        orgMessage("ruleTitle", {
          organisation: kindName(organisation.kind),
          head: headTitle(organisation.kind),
          basis: TITLES[organisation.kind].basis,
        }),
      );
    }
    return createOnce(
      ctx.ds,
      ctx,
      LeadershipPosition,
      { key: input.idempotencyKey, operation: "recordPosition" },
      async (m) => {
        const existing = await m.findBy(LeadershipPosition, { organisationId: organisation.id });
        const proposed = { title: input.title, termStart: input.termStart, termEnd: input.termEnd ?? null };
        if (conflictingHead(existing, proposed)) {
          throw new ConflictError(
            orgMessage(proposed.title === PositionTitle.SECRETARY ? "secretaryConflict" : "chairConflict"),
          );
        }
        const inserted = await m.insert(LeadershipPosition, {
          organisationId: organisation.id,
          title: input.title,
          holderName: input.holderName.trim(),
          termStart: input.termStart,
          termEnd: input.termEnd ?? null,
          version: 1,
        });
        const positionId = Number(inserted.identifiers[0]!.id);
        await audit(m, ctx, {
          action: "recordPosition",
          entityType: "LeadershipPosition",
          entityId: positionId,
          after: proposed,
        });
        return positionId;
      },
    );
  }

  @Authorized("OFFICER", "ADMIN")
  @Mutation(() => LeadershipPosition, { nullable: true, description: "End a position's term." })
  async endPositionTerm(
    @Arg("input") input: EndPositionTermInput,
    @Ctx() ctx: OrganisationsContext,
  ): Promise<LeadershipPosition> {
    return inTransaction(ctx.ds, async (m) => {
      const before = await m.findOneBy(LeadershipPosition, { id: Number(input.positionId) });
      if (!before) throw new NotFoundError(orgMessage("thingPosition"), "input.positionId");
      const organisation = (await m.findOneBy(Organisation, { id: before.organisationId }))!;
      assertCanWriteUnit(ctx.identity, scopeUnitOf(organisation));
      checkTermDates(before.termStart, input.termEnd, "input");
      if (before.termEnd !== null) throw BadUserInputError.field("input.positionId", orgMessage("termEnded"));
      const after = await updateVersioned(
        m,
        LeadershipPosition,
        { id: before.id },
        input.expectedVersion,
        { termEnd: input.termEnd },
        orgMessage("thingPosition"),
      );
      await audit(m, ctx, {
        action: "endPositionTerm",
        entityType: "LeadershipPosition",
        entityId: before.id,
        before,
        after,
      });
      return after;
    });
  }
}
