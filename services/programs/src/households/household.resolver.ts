import { Arg, Args, Authorized, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from "type-graphql";
import {
  createOnce,
  assertCanWriteUnit,
  audit,
  checkUnitArgument,
  figureUnit,
  inTransaction,
  kitMessage,
  maskName,
  NotFoundError,
  updateVersioned,
  versionsOf,
  type ConnectionShape,
  type Identity,
} from "@danvan/kit";
import { AdministrativeUnitRef, unitRef } from "@danvan/kit/federation";
import type { ProgramsContext } from "../context.js";
import { programsMessage } from "../messages.js";
import { unitOfTheDay } from "@danvan/kit/units";
import { districtOfTheDay } from "../unit-of-the-day.js";
import { Household } from "./household.entity.js";
import { HouseholdsArgs, RegisterHouseholdInput, UpdateHouseholdInput } from "./household.input.js";
import { assertCanReadHousehold, HOUSEHOLD_READERS, seesPersonalData } from "./household-access.js";
import { HouseholdConnection } from "./household-connection.type.js";
import { requireHousehold } from "./household-lookup.js";
import { householdsOf } from "./household-pages.js";
import { retallyHousehold } from "./household-year-tally.js";

function defaultUnit(identity: Identity): string {
  return identity.unitCode ?? "89";
}

@Resolver(() => Household)
export class HouseholdResolver {
  @Authorized(...HOUSEHOLD_READERS)
  @Query(() => Household, { nullable: true })
  async household(@Arg("id", () => ID) id: string, @Ctx() ctx: ProgramsContext): Promise<Household> {
    const household = await requireHousehold(ctx, id, "id");
    assertCanReadHousehold(ctx.identity, household.communeCode, household.registeredOn);
    return household;
  }

  @Authorized(...HOUSEHOLD_READERS)
  @Query(() => HouseholdConnection, {
    nullable: true,
    description: "Households of a unit and the units below it, by id.",
  })
  async households(@Args() args: HouseholdsArgs, @Ctx() ctx: ProgramsContext): Promise<ConnectionShape<Household>> {
    const unitCode = args.unitCode ?? defaultUnit(ctx.identity);
    checkUnitArgument(unitCode);
    return householdsOf(ctx, figureUnit(unitCode), args);
  }

  @FieldResolver(() => String, { description: "Head of household; initials only for analysts." })
  headName(@Root() h: Household, @Ctx() ctx: ProgramsContext): string {
    return seesPersonalData(ctx.identity) ? h.headName : maskName(h.headName);
  }

  @FieldResolver(() => String, { nullable: true, description: "Address; hidden from analysts." })
  address(@Root() h: Household, @Ctx() ctx: ProgramsContext): string | null {
    return seesPersonalData(ctx.identity) ? h.address : null;
  }

  @FieldResolver(() => AdministrativeUnitRef, {
    description: "The commune the household lives in, as it was when the household was registered.",
  })
  unit(@Root() h: Household): AdministrativeUnitRef {
    return unitRef(h.communeCode, h.registeredOn);
  }

  @Authorized("OFFICER", "ADMIN")
  @Mutation(() => Household, { nullable: true, description: "Register a household; idempotent with idempotencyKey." })
  async registerHousehold(
    @Arg("input") input: RegisterHouseholdInput,
    @Ctx() ctx: ProgramsContext,
  ): Promise<Household> {
    if (!versionsOf(input.communeCode).some((v) => v.level === "COMMUNE"))
      throw new NotFoundError(kitMessage("thingCommune"), "input.communeCode");
    assertCanWriteUnit(ctx.identity, input.communeCode, input.registeredOn);
    // On the map of the registration day: from 2025-07-01 a 2025 commune, before a commune of then.
    const commune = unitOfTheDay(input.communeCode, input.registeredOn, "input.communeCode", true);
    return createOnce(
      ctx.ds,
      ctx,
      Household,
      { key: input.idempotencyKey, operation: "registerHousehold" },
      async (m) => {
        const inserted = await m.insert(Household, {
          communeCode: commune.code,
          // The district of the day; none from 2025-07-01 (two-tier local government).
          districtCode: districtOfTheDay(commune, input.registeredOn),
          headName: input.headName.trim(),
          address: input.address?.trim() ?? null,
          memberCount: input.memberCount,
          area: input.area,
          registeredOn: input.registeredOn,
          version: 1,
        });
        const householdId = Number(inserted.identifiers[0]!.id);
        // The audit keeps who and when, not the personal details themselves.
        await audit(m, ctx, {
          action: "registerHousehold",
          entityType: "Household",
          entityId: householdId,
          after: { communeCode: commune.code, memberCount: input.memberCount, area: input.area },
        });
        return householdId;
      },
    );
  }

  @Authorized("OFFICER", "ADMIN")
  @Mutation(() => Household, { nullable: true, description: "Change a household's details, checking its version." })
  async updateHousehold(@Arg("input") input: UpdateHouseholdInput, @Ctx() ctx: ProgramsContext): Promise<Household> {
    return inTransaction(ctx.ds, async (m) => {
      const before = await m.findOneBy(Household, { id: Number(input.householdId) });
      if (!before) throw new NotFoundError(programsMessage("thingHousehold"), "input.householdId");
      assertCanWriteUnit(ctx.identity, before.communeCode, before.registeredOn);
      const set: Partial<Household> = {};
      if (input.headName != null) set.headName = input.headName.trim();
      if (input.address != null) set.address = input.address.trim();
      if (input.memberCount != null) set.memberCount = input.memberCount;
      if (input.area != null) set.area = input.area;
      const after = await updateVersioned(
        m,
        Household,
        { id: before.id },
        input.expectedVersion,
        set,
        programsMessage("thingHousehold"),
      );
      // The analysts' household-year tally counts every review with the household's area and size.
      await retallyHousehold(m, before.id, before, after);
      await audit(m, ctx, {
        action: "updateHousehold",
        entityType: "Household",
        entityId: before.id,
        before: { memberCount: before.memberCount, area: before.area, version: before.version },
        after: { memberCount: after.memberCount, area: after.area, version: after.version },
      });
      return after;
    });
  }
}

/** `_entities` for Household: the same access rules as the household query. */
export const householdReference = {
  __resolveReference: async (ref: { id: string }, ctx: ProgramsContext) => {
    const household = await ctx.loaders.household.load(Number(ref.id));
    if (!household) return null;
    assertCanReadHousehold(ctx.identity, household.communeCode, household.registeredOn);
    return household;
  },
};
