import { Arg, Args, Authorized, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from "type-graphql";
import { audit, DateScalar, inTransaction, kitMessage, NotFoundError, updateVersioned } from "@danvan/kit";
import { dateOrToday } from "../as-of.js";
import type { OrganisationsContext } from "../context.js";
import { Organisation } from "../organisations/organisation.entity.js";
import { OrganisationKind } from "../organisations/organisation-kind.js";
import { AdministrativeUnit, inForceOn } from "./administrative-unit.entity.js";
import { AdministrativeUnitsArgs, SetRemoteAreaInput } from "./administrative-unit.input.js";
import { versionKey } from "./administrative-unit.loader.js";
import { requireUnit, viewedOn } from "./unit-lookup.js";
import { UnitSuccessionLink } from "./unit-succession.type.js";

@Resolver(() => AdministrativeUnit)
export class AdministrativeUnitResolver {
  @Query(() => AdministrativeUnit, {
    nullable: true,
    description:
      "The unit a code named on a date (asOf); without asOf, the one it names today, or the last it named if that unit has ended.",
  })
  administrativeUnit(
    @Arg("code", () => ID) code: string,
    @Ctx() ctx: OrganisationsContext,
    @Arg("asOf", () => DateScalar, { nullable: true, description: "A date; the unit in force then." })
    asOf?: string | null,
  ): Promise<AdministrativeUnit> {
    return requireUnit(ctx, code, "code", asOf ?? null);
  }

  @Query(() => [AdministrativeUnit], {
    nullable: true,
    description: "Units in force on a date (today by default), by level and/or parent.",
  })
  async administrativeUnits(
    @Args() { level, parentCode, asOf }: AdministrativeUnitsArgs,
    @Ctx() ctx: OrganisationsContext,
  ): Promise<AdministrativeUnit[]> {
    const date = dateOrToday(asOf);
    if (parentCode != null) await requireUnit(ctx, parentCode, "parentCode");
    // One statement; the (level, valid_from) index serves the date test.
    const q = ctx.ds.getRepository(AdministrativeUnit).createQueryBuilder("u").orderBy("u.code");
    if (level != null) q.andWhere("u.level = :level", { level });
    if (parentCode != null) q.andWhere("u.parent_code = :parentCode", { parentCode });
    q.andWhere("u.valid_from <= :date AND (u.valid_to IS NULL OR u.valid_to >= :date)", { date });
    const units = await q.getMany();
    return units;
  }

  @FieldResolver(() => AdministrativeUnit, {
    nullable: true,
    description: "The unit directly above, as it was on the day this unit is viewed on (today, or its last day).",
  })
  async parent(@Root() unit: AdministrativeUnit, @Ctx() ctx: OrganisationsContext): Promise<AdministrativeUnit | null> {
    if (!unit.parentCode) return null;
    const on = viewedOn(unit);
    const versions = await ctx.loaders.versionsOfCode.load(unit.parentCode);
    return versions.find((p) => inForceOn(p, on)) ?? versions[versions.length - 1] ?? null;
  }

  @FieldResolver(() => [AdministrativeUnit], {
    description: "Units directly below on a date: today while this unit is in force, else its last day.",
  })
  async children(
    @Root() unit: AdministrativeUnit,
    @Ctx() ctx: OrganisationsContext,
    @Arg("asOf", () => DateScalar, { nullable: true }) asOf?: string | null,
  ): Promise<AdministrativeUnit[]> {
    const on = asOf ?? viewedOn(unit);
    if (!inForceOn(unit, on)) return [];
    return (await ctx.loaders.unitsByParent.load(unit.code)).filter((u) => inForceOn(u, on));
  }

  @FieldResolver(() => [UnitSuccessionLink], {
    description: "The units this one was formed from on its first day (none for a unit of the 2019 list).",
  })
  async predecessors(
    @Root() unit: AdministrativeUnit,
    @Ctx() ctx: OrganisationsContext,
  ): Promise<UnitSuccessionLink[]> {
    const links = await ctx.loaders.predecessorLinks.load(versionKey(unit));
    const olds = await Promise.all(
      links.map((l) => ctx.loaders.unitVersion.load(versionKey({ code: l.fromCode, validFrom: l.fromValidFrom }))),
    );
    return links.map((l, i) => ({ unit: olds[i]!, share: l.share, on: unit.validFrom }));
  }

  @FieldResolver(() => [UnitSuccessionLink], {
    description: "The units this one went into the day after its last (none while in force, or when abolished).",
  })
  async successors(@Root() unit: AdministrativeUnit, @Ctx() ctx: OrganisationsContext): Promise<UnitSuccessionLink[]> {
    const links = await ctx.loaders.successorLinks.load(versionKey(unit));
    const news = await Promise.all(
      links.map((l) => ctx.loaders.unitVersion.load(versionKey({ code: l.toCode, validFrom: l.toValidFrom }))),
    );
    return links.map((l, i) => ({ unit: news[i]!, share: l.share, on: l.toValidFrom }));
  }

  @FieldResolver(() => [Organisation], {
    description:
      "The Front's and the five organisations' committees of this unit version (those of the 2025 map at a 2025 unit, the 2019 map's at an old one).",
  })
  async organisations(
    @Root() unit: AdministrativeUnit,
    @Ctx() ctx: OrganisationsContext,
    @Arg("kind", () => OrganisationKind, { nullable: true }) kind?: OrganisationKind | null,
  ): Promise<Organisation[]> {
    const list = await ctx.loaders.organisationsOfUnit.load(versionKey(unit));
    return kind ? list.filter((o) => o.kind === kind) : list;
  }

  @Authorized("ADMIN")
  @Mutation(() => AdministrativeUnit, {
    nullable: true,
    description:
      "Administrators: set or clear a unit's remote-area flag (the version validFrom names; by default the one its code names now).",
  })
  async setRemoteArea(
    @Arg("input") input: SetRemoteAreaInput,
    @Ctx() ctx: OrganisationsContext,
  ): Promise<AdministrativeUnit> {
    return inTransaction(ctx.ds, async (m) => {
      const versions = await m.find(AdministrativeUnit, { where: { code: input.code }, order: { validFrom: "ASC" } });
      const before = input.validFrom ? versions.find((v) => v.validFrom === input.validFrom) : versions.at(-1);
      if (!before) throw new NotFoundError(kitMessage("thingUnit"), input.validFrom ? "input.validFrom" : "input.code");
      const after = await updateVersioned(
        m,
        AdministrativeUnit,
        { code: input.code, validFrom: before.validFrom },
        input.expectedVersion,
        { isRemoteArea: input.isRemoteArea },
        kitMessage("thingUnit"),
      );
      await audit(m, ctx, {
        action: "setRemoteArea",
        entityType: "AdministrativeUnit",
        entityId: versionKey(before),
        before,
        after,
      });
      return after;
    });
  }
}

/**
 * `_entities` for AdministrativeUnit: by code and validFrom, exactly that version; by code alone,
 * the version the code names now. Batched through the loaders.
 */
export const administrativeUnitReference = {
  __resolveReference: (ref: { code: string; validFrom?: string | null }, ctx: OrganisationsContext) =>
    ref.validFrom
      ? ctx.loaders.unitVersion.load(versionKey({ code: ref.code, validFrom: ref.validFrom }))
      : ctx.loaders.unit.load(ref.code),
};
