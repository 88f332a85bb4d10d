import { Arg, Args, Authorized, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from "type-graphql";
import { audit, inTransaction, kitMessage, NotFoundError, todayInProvince, updateVersioned } from "@danvan/kit";
import { dateOrToday } from "../as-of.js";
import type { OrganisationsContext } from "../context.js";
import { Organisation } from "../organisations/organisation.entity.js";
import { OrganisationKind } from "../organisations/organisation-kind.js";
import { AdministrativeUnit, inForceOn } from "./administrative-unit.entity.js";
import { AdministrativeUnitsArgs, SetRemoteAreaInput } from "./administrative-unit.input.js";
import { requireUnit } from "./unit-lookup.js";

@Resolver(() => AdministrativeUnit)
export class AdministrativeUnitResolver {
  @Query(() => AdministrativeUnit, { nullable: true, description: "One unit by its official code." })
  administrativeUnit(
    @Arg("code", () => ID) code: string,
    @Ctx() ctx: OrganisationsContext,
  ): Promise<AdministrativeUnit> {
    return requireUnit(ctx, code, "code");
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
    const q = ctx.ds.getRepository(AdministrativeUnit).createQueryBuilder("u").orderBy("u.code");
    if (level != null) q.andWhere("u.level = :level", { level });
    if (parentCode != null) q.andWhere("u.parent_code = :parentCode", { parentCode });
    q.andWhere("u.valid_from <= :date AND (u.valid_to IS NULL OR u.valid_to >= :date)", { date });
    const units = await q.getMany();
    return units;
  }

  @FieldResolver(() => AdministrativeUnit, { nullable: true })
  parent(
    @Root() unit: AdministrativeUnit,
    @Ctx() ctx: OrganisationsContext,
  ): Promise<AdministrativeUnit | null> | null {
    return unit.parentCode ? ctx.loaders.unit.load(unit.parentCode) : null;
  }

  @FieldResolver(() => [AdministrativeUnit], { description: "Units directly below, in force today." })
  async children(@Root() unit: AdministrativeUnit, @Ctx() ctx: OrganisationsContext): Promise<AdministrativeUnit[]> {
    const today = todayInProvince();
    return (await ctx.loaders.unitsByParent.load(unit.code)).filter((u) => inForceOn(u, today));
  }

  @FieldResolver(() => [Organisation], {
    description: "The Front's and the five organisations' committees at this unit.",
  })
  async organisations(
    @Root() unit: AdministrativeUnit,
    @Ctx() ctx: OrganisationsContext,
    @Arg("kind", () => OrganisationKind, { nullable: true }) kind?: OrganisationKind | null,
  ): Promise<Organisation[]> {
    const list = await ctx.loaders.organisationsByUnit.load(unit.code);
    return kind ? list.filter((o) => o.kind === kind) : list;
  }

  @Authorized("ADMIN")
  @Mutation(() => AdministrativeUnit, {
    nullable: true,
    description: "Administrators: set or clear a unit's remote-area flag.",
  })
  async setRemoteArea(
    @Arg("input") input: SetRemoteAreaInput,
    @Ctx() ctx: OrganisationsContext,
  ): Promise<AdministrativeUnit> {
    return inTransaction(ctx.ds, async (m) => {
      const before = await m.findOneBy(AdministrativeUnit, { code: input.code });
      if (!before) throw new NotFoundError(kitMessage("thingUnit"), "input.code");
      const after = await updateVersioned(
        m,
        AdministrativeUnit,
        { code: input.code },
        input.expectedVersion,
        { isRemoteArea: input.isRemoteArea },
        kitMessage("thingUnit"),
      );
      await audit(m, ctx, {
        action: "setRemoteArea",
        entityType: "AdministrativeUnit",
        entityId: input.code,
        before,
        after,
      });
      return after;
    });
  }
}

/** `_entities` for AdministrativeUnit: batched through the unit loader. */
export const administrativeUnitReference = {
  __resolveReference: (ref: { code: string }, ctx: OrganisationsContext) => ctx.loaders.unit.load(ref.code),
};
