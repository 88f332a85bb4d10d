import { Arg, Args, Authorized, Ctx, FieldResolver, ID, Query, Resolver, Root } from "type-graphql";
import {
  checkUnitArgument,
  BadUserInputError,
  connectionFrom,
  DateScalar,
  figureUnit,
  hasAnyRole,
  kitMessage,
  NotFoundError,
  pageRequest,
  todayInProvince,
  scopeWindowsOf,
  windowsInScope,
  type ConnectionShape,
  windowsOf,
  windowsSql,
} from "@danvan/kit";
import { AdministrativeUnitRef, OrganisationRef, organisationRef, unitRef } from "@danvan/kit/federation";
import type { PetitionsContext } from "../context.js";
import { allowedTransitions, OPEN_STATUSES } from "../lifecycle/index.js";
import { addDays, isNearOverdue, isOverdue, legalBasisOf } from "../deadlines/index.js";
import { petitionsMessage } from "../messages.js";
import { PetitionStatistics } from "../statistics/petition-statistics.type.js";
import { petitionStatisticsOf } from "../statistics/petition-statistics.js";
import { PetitionConnection } from "./petition-connection.type.js";
import { Petition, PetitionEvent } from "./petition.entity.js";
import { PetitionsArgs } from "./petition.input.js";
import { assertCanReadPetition, PETITION_READERS } from "./petition-access.js";
import { stateOf } from "./petition-step-state.js";

@Resolver(() => Petition)
export class PetitionResolver {
  @Authorized(...PETITION_READERS)
  @Query(() => Petition, { nullable: true })
  async petition(@Arg("id", () => ID) id: string, @Ctx() ctx: PetitionsContext): Promise<Petition> {
    const thing = petitionsMessage("thingPetition");
    if (!/^\d{1,12}$/.test(id)) throw BadUserInputError.field("id", kitMessage("notAnId", { thing }));
    const p = await ctx.loaders.petition.load(Number(id));
    if (!p) throw new NotFoundError(thing, "id");
    assertCanReadPetition(ctx.identity, p);
    return p;
  }

  @Authorized(...PETITION_READERS)
  @Query(() => PetitionConnection, {
    nullable: true,
    description:
      "Petitions in your scope, by id; overdue and due-soon queues with `overdue` and `dueWithinDays`; forwarded petitions awaiting the body's answer with `forwardOverdue`.",
  })
  async petitions(@Args() args: PetitionsArgs, @Ctx() ctx: PetitionsContext): Promise<ConnectionShape<Petition>> {
    const page = pageRequest(args);
    const unitCode = args.unitCode ?? ctx.identity.unitCode ?? "89";
    checkUnitArgument(unitCode);
    const handlerOnly =
      hasAnyRole(ctx.identity, ["HANDLING_OFFICER"]) && !hasAnyRole(ctx.identity, ["OFFICER", "ADMIN", "ANALYST"]);
    // The unit the code names now, through time: each commune version while it was in force, cut to
    // the days the caller's scope holds it (an officer of an old district never sees a later record
    // kept under one of its communes' reused codes).
    const unitWindows = windowsOf(figureUnit(unitCode));
    const windows = handlerOnly ? [...unitWindows] : windowsInScope(unitWindows, scopeWindowsOf(ctx.identity));
    if (args.dueWithinDays != null && args.dueWithinDays < 0)
      throw BadUserInputError.field("dueWithinDays", kitMessage("min", { min: 0 }));
    if (args.dueWithinDays != null && args.dueWithinDays > 365)
      throw BadUserInputError.field("dueWithinDays", kitMessage("max", { max: 365 }));
    const today = todayInProvince();
    const base = () => {
      const q = ctx.ds.getRepository(Petition).createQueryBuilder("p");
      const bound: Record<string, string> = {};
      const param = (v: string) => {
        const name = `w${Object.keys(bound).length}`;
        bound[name] = v;
        return `:${name}`;
      };
      q.where(windowsSql(windows, "p.commune_code", "p.received_on", param), bound);
      if (handlerOnly) q.andWhere("p.handling_officer = :me", { me: ctx.identity.sub });
      if (args.kind != null) q.andWhere("p.kind = :kind", { kind: args.kind });
      if (args.status != null) q.andWhere("p.status = :status", { status: args.status });
      if (args.overdue != null || args.dueWithinDays != null)
        q.andWhere("p.status IN (:...open)", { open: OPEN_STATUSES });
      if (args.overdue === true) q.andWhere("p.due_on < :today", { today });
      if (args.overdue === false) q.andWhere("(p.due_on IS NULL OR p.due_on >= :today)", { today });
      if (args.dueWithinDays != null)
        q.andWhere("p.due_on >= :today AND p.due_on <= :soon", { today, soon: addDays(today, args.dueWithinDays) });
      // The forwarding follow-up queue: forwarded, no answer yet, past (true) or not past (false) the follow-up date.
      if (args.forwardOverdue != null)
        q.andWhere("p.forwarded_on IS NOT NULL AND p.forward_answered_on IS NULL").andWhere(
          args.forwardOverdue ? "p.forward_follow_up_due_on < :today" : "p.forward_follow_up_due_on >= :today",
          { today },
        );
      return q;
    };
    const q = base()
      .orderBy("p.id")
      .take(page.limit + 1);
    if (page.afterKey !== null) q.andWhere("p.id > :after", { after: Number(page.afterKey) });
    const rows = await q.getMany();
    for (const p of rows) ctx.loaders.petition.prime(p.id, p);
    return connectionFrom(
      rows,
      page,
      (p) => p.id,
      () => base().getCount(),
    );
  }

  @Query(() => PetitionStatistics, {
    nullable: true,
    description:
      "Petitions received in a period in a unit and the units below it (public figures). The code names the unit it names now: a 2025 commune's figures over any period are the sum over the units it was formed from.",
  })
  petitionStatistics(
    @Arg("unitCode", () => ID) unitCode: string,
    @Arg("from", () => DateScalar) from: string,
    @Arg("to", () => DateScalar) to: string,
    @Ctx() ctx: PetitionsContext,
  ): Promise<PetitionStatistics> {
    checkUnitArgument(unitCode);
    return petitionStatisticsOf(ctx.loaders.petitionFigures, figureUnit(unitCode), from, to);
  }

  @FieldResolver(() => AdministrativeUnitRef, {
    description: "The commune the petition concerns, as it was on the day it was received.",
  })
  unit(@Root() p: Petition): AdministrativeUnitRef {
    return unitRef(p.communeCode, p.receivedOn);
  }

  @FieldResolver(() => OrganisationRef, { nullable: true, description: "The handling body." })
  handledBy(@Root() p: Petition): OrganisationRef | null {
    return p.handledByOrganisationId ? organisationRef(p.handledByOrganisationId) : null;
  }

  @FieldResolver(() => String, { nullable: true, description: "What it is about; hidden from analysts." })
  summary(@Root() p: Petition, @Ctx() ctx: PetitionsContext): string | null {
    return hasAnyRole(ctx.identity, ["OFFICER", "HANDLING_OFFICER", "ADMIN"]) ? p.summary : null;
  }

  @FieldResolver(() => Boolean, { description: "Still open and past its deadline today." })
  isOverdue(@Root() p: Petition): boolean {
    return isOverdue(stateOf(p), todayInProvince());
  }

  @FieldResolver(() => Boolean, { description: "Still open and due within 5 days." })
  isNearOverdue(@Root() p: Petition): boolean {
    return isNearOverdue(stateOf(p), todayInProvince());
  }

  @FieldResolver(() => String, {
    nullable: true,
    description:
      "The act and article that set the deadline the petition is held to now (the law in force on its receipt date), and the Civil Code's roll-over when it moved the due date; null where no deadline runs.",
  })
  legalBasis(@Root() p: Petition): string | null {
    return legalBasisOf(stateOf(p));
  }

  @FieldResolver(() => [String], { description: "The steps open to the petition now." })
  allowedTransitions(@Root() p: Petition): string[] {
    return [...allowedTransitions(stateOf(p))];
  }

  @FieldResolver(() => [PetitionEvent], { description: "Every step, oldest first: who, when, why." })
  history(@Root() p: Petition, @Ctx() ctx: PetitionsContext): Promise<PetitionEvent[]> {
    return ctx.loaders.historyOf.load(p.id);
  }
}

/** `_entities` for Petition: the same access rules as the petition query. */
export const petitionReference = {
  __resolveReference: async (ref: { id: string }, ctx: PetitionsContext) => {
    const p = await ctx.loaders.petition.load(Number(ref.id));
    if (!p) return null;
    assertCanReadPetition(ctx.identity, p);
    return p;
  },
};
