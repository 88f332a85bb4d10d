import { Arg, Args, Ctx, FieldResolver, ID, Int, Query, Resolver, Root } from "type-graphql";
import {
  BadUserInputError,
  ConnectionType,
  connectionFrom,
  DateScalar,
  kitMessage,
  pageRequest,
  todayInProvince,
  type ConnectionShape,
} from "@danvan/kit";
import { historyVersionsOf, unitVersion } from "@danvan/kit/units";
import { dateOrToday } from "../as-of.js";
import type { OrganisationsContext } from "../context.js";
import { AdministrativeUnit } from "../units/administrative-unit.entity.js";
import { requireUnit } from "../units/unit-lookup.js";
import { belongsToVersionsSql, inExistenceSql, unitDayOf } from "./committee-validity.js";
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
      "Committees of units, by kind and/or unit, ordered by id; with grassroots unions, the grassroots trade unions too. Every committee ever, or those in existence on asOf.",
  })
  async organisations(
    @Args() args: OrganisationsArgs,
    @Ctx() ctx: OrganisationsContext,
  ): Promise<ConnectionShape<Organisation>> {
    const page = pageRequest(args);
    // The unit the code names now (or on asOf); with includeBelow, its territory through time.
    const unit = args.unitCode != null ? await requireUnit(ctx, args.unitCode, "unitCode", args.asOf ?? null) : null;
    const version = unit ? unitVersion(unit.code, unit.validFrom) : undefined;
    const versions = version ? (args.includeBelow ? historyVersionsOf(version) : [version]) : [];
    const base = () => {
      const q = ctx.ds.getRepository(Organisation).createQueryBuilder("o");
      if (args.kind != null) q.andWhere("o.kind = :kind", { kind: args.kind });
      if (!args.grassrootsUnions) q.andWhere("o.workplace_sector IS NULL");
      const params: Record<string, string> = {};
      const param = (v: string) => {
        const name = `p${Object.keys(params).length}`;
        params[name] = v;
        return `:${name}`;
      };
      if (unit) q.andWhere(belongsToVersionsSql("o", versions, param));
      if (args.asOf != null) q.andWhere(inExistenceSql("o", () => param(args.asOf!)));
      return q.setParameters(params);
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

  @FieldResolver(() => AdministrativeUnit, {
    description:
      "The unit as the committee knows it: the version in force today while the committee exists, else on its last day (a grassroots trade union's commune as on the 2019 map).",
  })
  async unit(@Root() o: Organisation, @Ctx() ctx: OrganisationsContext): Promise<AdministrativeUnit> {
    const versions = await ctx.loaders.versionsOfCode.load(o.unitCode);
    const day = unitDayOf(o, todayInProvince());
    // The last version begun by then (a grassroots union's commune may have ended before 2025-07-01).
    return versions.filter((v) => v.validFrom <= day).at(-1) ?? versions[0]!;
  }

  @FieldResolver(() => [Organisation], {
    description:
      "The committees that went into this one, whose members count here from the day after their last (a 2025 commune's: its old communes' committees of the same kind).",
  })
  async predecessors(@Root() o: Organisation, @Ctx() ctx: OrganisationsContext): Promise<Organisation[]> {
    const links = await ctx.loaders.predecessorsOf.load(o.id);
    return (await Promise.all(links.map((l) => ctx.loaders.organisation.load(l.fromId)))).filter(
      (x): x is Organisation => x !== null,
    );
  }

  @FieldResolver(() => [Organisation], {
    description:
      "The committee this one went into when its unit ended, with its members (none while it exists; a grassroots trade union has none).",
  })
  async successors(@Root() o: Organisation, @Ctx() ctx: OrganisationsContext): Promise<Organisation[]> {
    const links = await ctx.loaders.successorsOf.load(o.id);
    return (await Promise.all(links.map((l) => ctx.loaders.organisation.load(l.toId)))).filter(
      (x): x is Organisation => x !== null,
    );
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

  @FieldResolver(() => Int, {
    description:
      "Members on a date (today by default), including the committees below and, from the day after their last, the members of the committees that went into it; 0 on a day the committee does not exist.",
  })
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

  @FieldResolver(() => [LeadershipPosition], {
    description:
      "Positions held on a date: today by default, or an ended organisation's last day (a committee of the 2019 map ended on 2025-06-30).",
  })
  positions(
    @Root() o: Organisation,
    @Ctx() ctx: OrganisationsContext,
    @Arg("asOf", () => DateScalar, { nullable: true }) asOf?: string | null,
  ): Promise<LeadershipPosition[]> {
    const today = dateOrToday(asOf);
    const day =
      asOf == null && o.validTo !== null && String(o.validTo).slice(0, 10) < today
        ? String(o.validTo).slice(0, 10)
        : today;
    return ctx.loaders.positionsOn.for(day).load(o.id);
  }
}

/** `_entities` for Organisation: batched through the organisation loader. */
export const organisationReference = {
  __resolveReference: (ref: { id: string }, ctx: OrganisationsContext) => ctx.loaders.organisation.load(ref.id),
};
