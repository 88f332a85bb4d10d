import { Arg, Args, Authorized, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from "type-graphql";
import {
  createOnce,
  audit,
  BadUserInputError,
  ConflictError,
  canSeeUnit,
  ConnectionType,
  connectionFrom,
  ForbiddenError,
  hasAnyRole,
  maskName,
  inTransaction,
  kitMessage,
  NotFoundError,
  pageRequest,
  todayInProvince,
  updateVersioned,
  assertCanWriteUnit,
  type ConnectionShape,
} from "@danvan/kit";
import type { OrganisationsContext } from "../context.js";
import { isGrassrootsUnion, Organisation, scopeUnitOf } from "../organisations/organisation.entity.js";
import { requireOrganisation } from "../organisations/organisation-lookup.js";
import { inExistenceOn } from "../organisations/committee-validity.js";
import { Member } from "./member.entity.js";
import { carryToPart } from "./member-carry.js";
import { memberPageKey } from "./member.loader.js";
import { MembersArgs, RecordMemberExitInput, RecordMemberInput } from "./member.input.js";
import { MemberStatus } from "./member-status.js";
import { exitProblems, joinProblems } from "./membership.js";
import { joinRuleProblems } from "./membership-rules.js";
import { recordId } from "../record-ids.js";
import { orgMessage } from "../messages.js";

export const MemberConnection = ConnectionType(Member);

/** People records: officers in scope, administrators, analysts (names masked). */
const MEMBER_READERS = ["OFFICER", "HANDLING_OFFICER", "ADMIN", "ANALYST"] as const;

function assertCanRead(ctx: OrganisationsContext, unitCode: string): void {
  if (!canSeeUnit(ctx.identity, unitCode)) {
    throw new ForbiddenError(kitMessage("outOfScope", { thing: orgMessage("thingOrganisation") }));
  }
}

@Resolver(() => Member)
export class MemberResolver {
  @Authorized(...MEMBER_READERS)
  @Query(() => Member, { nullable: true })
  async member(@Arg("id", () => ID) id: string, @Ctx() ctx: OrganisationsContext): Promise<Member> {
    const member = await ctx.loaders.member.load(recordId(id, "id", orgMessage("thingMember")));
    if (!member) throw new NotFoundError(orgMessage("thingMember"), "id");
    const organisation = await ctx.loaders.organisation.load(member.organisationId);
    assertCanRead(ctx, scopeUnitOf(organisation!));
    return member;
  }

  @FieldResolver(() => String, { description: "The member's name; masked for analysts." })
  fullName(@Root() m: Member, @Ctx() ctx: OrganisationsContext): string {
    const onlyAnalyst =
      hasAnyRole(ctx.identity, ["ANALYST"]) && !hasAnyRole(ctx.identity, ["ADMIN", "OFFICER", "HANDLING_OFFICER"]);
    return onlyAnalyst ? maskName(m.fullName) : m.fullName;
  }

  @FieldResolver(() => Organisation, { description: "The committee the member is registered with." })
  async organisation(@Root() m: Member, @Ctx() ctx: OrganisationsContext): Promise<Organisation> {
    return (await ctx.loaders.organisation.load(m.organisationId))!;
  }

  @Authorized("OFFICER", "ADMIN")
  @Mutation(() => Member, {
    nullable: true,
    description:
      "Record a new member, as the organisation's rules allow (ages, gender, a trade union member in a grassroots union); idempotent with idempotencyKey.",
  })
  async recordMember(@Arg("input") input: RecordMemberInput, @Ctx() ctx: OrganisationsContext): Promise<Member> {
    const problems = joinProblems(input, todayInProvince());
    if (problems.length) throw new BadUserInputError(problems);
    const organisation = await requireOrganisation(ctx, input.organisationId, "input.organisationId");
    assertCanWriteUnit(ctx.identity, scopeUnitOf(organisation));
    // Committees follow the map: one whose unit has ended (or not yet begun) admits no one that day.
    if (!inExistenceOn(organisation, input.joinedOn))
      throw BadUserInputError.field("input.organisationId", orgMessage("committeeNotInExistence"));
    // The organisation's own rules: who it admits, and where (membership-rules.ts).
    const broken = joinRuleProblems(
      { kind: organisation.kind, isGrassrootsUnion: isGrassrootsUnion(organisation) },
      input,
    );
    if (broken.length) throw new BadUserInputError(broken);
    return createOnce(ctx.ds, ctx, Member, { key: input.idempotencyKey, operation: "recordMember" }, async (m) => {
      const inserted = await m.insert(Member, {
        organisationId: organisation.id,
        fullName: input.fullName.trim(),
        gender: input.gender,
        birthYear: input.birthYear ?? null,
        joinedOn: input.joinedOn,
        leftOn: null,
        status: MemberStatus.ACTIVE,
        version: 1,
      });
      const memberId = Number(inserted.identifiers[0]!.id);
      // A split commune's member: carried, in the same transaction, to the part where they live.
      await carryToPart(m, memberId, organisation);
      await audit(m, ctx, {
        action: "recordMember",
        entityType: "Member",
        entityId: memberId,
        after: { ...input, idempotencyKey: undefined },
      });
      return memberId;
    });
  }

  @Authorized("OFFICER", "ADMIN")
  @Mutation(() => Member, {
    nullable: true,
    description: "Record the end of a membership (transfer, ceasing, death).",
  })
  async recordMemberExit(
    @Arg("input") input: RecordMemberExitInput,
    @Ctx() ctx: OrganisationsContext,
  ): Promise<Member> {
    return inTransaction(ctx.ds, async (m) => {
      const before = await m.findOneBy(Member, { id: Number(input.memberId) });
      if (!before) throw new NotFoundError(orgMessage("thingMember"), "input.memberId");
      const organisation = (await m.findOneBy(Organisation, { id: before.organisationId }))!;
      assertCanWriteUnit(ctx.identity, scopeUnitOf(organisation));
      // A stale version is a conflict first: the caller decided on a record that has changed.
      if (before.version !== input.expectedVersion) {
        throw new ConflictError(kitMessage("changedByOthers", { thing: orgMessage("thingMember") }), {
          currentVersion: before.version,
        });
      }
      const problems = exitProblems(before, input, todayInProvince());
      if (problems.length) throw new BadUserInputError(problems);
      const after = await updateVersioned(
        m,
        Member,
        { id: before.id },
        input.expectedVersion,
        { status: input.status, leftOn: input.leftOn },
        orgMessage("thingMember"),
      );
      await audit(m, ctx, {
        action: "recordMemberExit",
        entityType: "Member",
        entityId: before.id,
        before: { status: before.status, leftOn: before.leftOn, version: before.version },
        after: { status: after.status, leftOn: after.leftOn, version: after.version },
      });
      return after;
    });
  }
}

@Resolver(() => Organisation)
export class OrganisationMembersResolver {
  @Authorized(...MEMBER_READERS)
  @FieldResolver(() => MemberConnection, {
    nullable: true,
    description: "Members of this committee and those below it, by id; officers in scope, administrators, analysts.",
  })
  async members(
    @Root() o: Organisation,
    @Args() args: MembersArgs,
    @Ctx() ctx: OrganisationsContext,
  ): Promise<ConnectionShape<Member>> {
    assertCanRead(ctx, scopeUnitOf(o));
    const page = pageRequest(args);
    if (page.afterKey !== null && !Number.isInteger(page.afterKey))
      throw BadUserInputError.field("after", kitMessage("cursor"));
    const status = args.status ?? null;
    const rows = await ctx.loaders.memberPage.for(memberPageKey(page, status)).load(o.id);
    return connectionFrom(
      rows,
      page,
      (m) => m.id,
      async () => (await ctx.loaders.memberTotal.for(status).load(o.id))?.n ?? 0,
    );
  }
}
