import { Arg, Args, Ctx, FieldResolver, ID, Int, Query, Resolver, Root } from "type-graphql";
import {
  BadUserInputError,
  ConnectionType,
  connectionFrom,
  DateScalar,
  kitMessage,
  pageRequest,
  subtreeCodes,
  type ConnectionShape,
} from "@danvan/kit";
import { dateOrToday } from "../as-of.js";
import type { OrganisationsContext } from "../context.js";
import { AdministrativeUnit } from "../units/administrative-unit.entity.js";
import { requireUnit } from "../units/unit-lookup.js";
import { LeadershipPosition } from "../positions/leadership-position.entity.js";
import { FIRST_YEAR, LAST_YEAR, Recruitment, recruitmentOf } from "../recruitment/recruitment.type.js";
import { Organisation } from "./organisation.entity.js";
import { OrganisationsArgs } from "./organisation.args.js";
import { requireOrganisation } from "./organisation-lookup.js";
import { orgMessage } from "../messages.js";

export const OrganisationConnection = ConnectionType(Organisation);

@Resolver(() => Organisation)
export class OrganisationResolver {
  @Query(() => Organisation, { nullable: true })
  organisation(@Arg("id", () => ID) id: string, @Ctx() ctx: OrganisationsContext): Promise<Organisation> {
    return requireOrganisation(ctx, id, "id");
  }

  @Query(() => OrganisationConnection, {
    nullable: true,
    description:
      "Committees of units, by kind and/or unit, ordered by id; with grassroots unions, the grassroots trade unions too.",
  })
  async organisations(
    @Args() args: OrganisationsArgs,
    @Ctx() ctx: OrganisationsContext,
  ): Promise<ConnectionShape<Organisation>> {
    const page = pageRequest(args);
    if (args.unitCode != null) await requireUnit(ctx, args.unitCode, "unitCode");
    const base = () => {
      const q = ctx.ds.getRepository(Organisation).createQueryBuilder("o");
      if (args.kind != null) q.andWhere("o.kind = :kind", { kind: args.kind });
      if (!args.grassrootsUnions) q.andWhere("o.workplace_sector IS NULL");
      if (args.unitCode != null) {
        const codes = args.includeBelow ? subtreeCodes(args.unitCode) : [args.unitCode];
        q.andWhere("o.unit_code IN (:...codes)", { codes });
      }
      return q;
    };
    const q = base()
      .orderBy("o.id")
      .take(page.limit + 1);
    if (page.afterKey !== null) q.andWhere("o.id > :after", { after: String(page.afterKey) });
    const rows = await q.getMany();
    return connectionFrom(
      rows,
      page,
      (o) => o.id,
      () => base().getCount(),
    );
  }

  @FieldResolver(() => AdministrativeUnit)
  async unit(@Root() o: Organisation, @Ctx() ctx: OrganisationsContext): Promise<AdministrativeUnit> {
    return (await ctx.loaders.unit.load(o.unitCode))!;
  }

  @FieldResolver(() => Organisation, {
    nullable: true,
    description:
      "The committee of the same kind one level up (a grassroots union's: its district's Labour Federation).",
  })
  parent(@Root() o: Organisation, @Ctx() ctx: OrganisationsContext): Promise<Organisation | null> | null {
    return o.parentId ? ctx.loaders.organisation.load(o.parentId) : null;
  }

  @FieldResolver(() => [Organisation], {
    description:
      "The committees of the same kind one level down (a district's Labour Federation: its grassroots unions).",
  })
  children(@Root() o: Organisation, @Ctx() ctx: OrganisationsContext): Promise<Organisation[]> {
    return ctx.loaders.organisationsByParent.load(o.id);
  }

  @FieldResolver(() => Int, { description: "Members on a date (today by default), including the committees below." })
  async memberCount(
    @Root() o: Organisation,
    @Ctx() ctx: OrganisationsContext,
    @Arg("asOf", () => DateScalar, { nullable: true }) asOf?: string | null,
  ): Promise<number> {
    const row = await ctx.loaders.memberCountOn.for(dateOrToday(asOf)).load(o.id);
    return row?.n ?? 0;
  }

  @FieldResolver(() => Int, {
    nullable: true,
    description: "Members who joined in [from, to], including the committees below.",
  })
  async newMembers(
    @Root() o: Organisation,
    @Ctx() ctx: OrganisationsContext,
    @Arg("from", () => DateScalar) from: string,
    @Arg("to", () => DateScalar) to: string,
  ): Promise<number> {
    if (from > to) throw BadUserInputError.field("from", kitMessage("notAfter", { other: orgMessage("otherTo") }));
    const row = await ctx.loaders.joinedBetween.for({ from, to }).load(o.id);
    return row?.n ?? 0;
  }

  @FieldResolver(() => Recruitment, {
    nullable: true,
    description: "Recruitment in a year against the committee's target.",
  })
  async recruitment(
    @Root() o: Organisation,
    @Ctx() ctx: OrganisationsContext,
    @Arg("year", () => Int) year: number,
  ): Promise<Recruitment> {
    if (year < FIRST_YEAR || year > LAST_YEAR) {
      throw BadUserInputError.field("year", kitMessage("yearBetween", { min: FIRST_YEAR, max: LAST_YEAR }));
    }
    const [joined, target] = await Promise.all([
      ctx.loaders.joinedBetween.for({ from: `${year}-01-01`, to: `${year}-12-31` }).load(o.id),
      ctx.loaders.recruitmentTarget.for(year).load(o.id),
    ]);
    return recruitmentOf(year, joined?.n ?? 0, target?.target ?? null);
  }

  @FieldResolver(() => [LeadershipPosition], { description: "Positions held on a date (today by default)." })
  positions(
    @Root() o: Organisation,
    @Ctx() ctx: OrganisationsContext,
    @Arg("asOf", () => DateScalar, { nullable: true }) asOf?: string | null,
  ): Promise<LeadershipPosition[]> {
    return ctx.loaders.positionsOn.for(dateOrToday(asOf)).load(o.id);
  }
}

/** `_entities` for Organisation: batched through the organisation loader. */
export const organisationReference = {
  __resolveReference: (ref: { id: string }, ctx: OrganisationsContext) => ctx.loaders.organisation.load(ref.id),
};
