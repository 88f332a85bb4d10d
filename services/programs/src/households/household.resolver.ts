import { Arg, Args, Authorized, Ctx, FieldResolver, ID, Int, Mutation, Query, Resolver, Root } from "type-graphql";
import {
  createOnce,
  assertCanWriteUnit,
  audit,
  BadUserInputError,
  checkUnitArgument,
  ConnectionType,
  connectionFrom,
  districtOf,
  inTransaction,
  kitMessage,
  maskName,
  NotFoundError,
  pageRequest,
  unitByCode,
  updateVersioned,
  type ConnectionShape,
  type Identity,
} from "@danvan/kit";
import type { ProgramsContext } from "../context.js";
import { programsMessage } from "../messages.js";
import { AdministrativeUnitRef, unitRef } from "../federation/administrative-unit.ref.js";
import { PovertyClassification } from "../poverty/poverty-classification.entity.js";
import { SupportEvent } from "../support/support-event.entity.js";
import { Household } from "./household.entity.js";
import { HouseholdsArgs, RegisterHouseholdInput, UpdateHouseholdInput } from "./household.input.js";
import { assertCanReadHousehold, HOUSEHOLD_READERS, seesPersonalData } from "./household-access.js";

export const HouseholdConnection = ConnectionType(Household);

export async function requireHousehold(ctx: ProgramsContext, id: string | number, field: string): Promise<Household> {
  if (!/^\d{1,12}$/.test(String(id)))
    throw BadUserInputError.field(field, kitMessage("notAnId", { thing: programsMessage("thingHousehold") }));
  const household = await ctx.loaders.household.load(Number(id));
  if (!household) throw new NotFoundError(programsMessage("thingHousehold"), field);
  return household;
}

/** A page of the households of a unit and the units below it. */
export async function householdsOf(
  ctx: ProgramsContext,
  unitCode: string,
  args: { first?: number | null; after?: string | null },
): Promise<ConnectionShape<Household>> {
  assertCanReadHousehold(ctx.identity, unitCode);
  const page = pageRequest(args);
  if (page.afterKey !== null && !Number.isInteger(page.afterKey))
    throw BadUserInputError.field("after", kitMessage("cursor"));
  const rows = await ctx.loaders.householdPage
    .for({ limit: page.limit, afterKey: page.afterKey as number | null })
    .load(unitCode);
  // Reviews and support on the page point back to these households: serve them from here.
  for (const h of rows) ctx.loaders.household.prime(h.id, h);
  return connectionFrom(
    rows,
    page,
    (h) => h.id,
    async () => (await ctx.loaders.householdTotal.load(unitCode))?.n ?? 0,
  );
}

function defaultUnit(identity: Identity): string {
  return identity.unitCode ?? "89";
}

@Resolver(() => Household)
export class HouseholdResolver {
  @Authorized(...HOUSEHOLD_READERS)
  @Query(() => Household, { nullable: true })
  async household(@Arg("id", () => ID) id: string, @Ctx() ctx: ProgramsContext): Promise<Household> {
    const household = await requireHousehold(ctx, id, "id");
    assertCanReadHousehold(ctx.identity, household.communeCode);
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
    return householdsOf(ctx, unitCode, args);
  }

  @FieldResolver(() => String, { description: "Head of household; initials only for analysts." })
  headName(@Root() h: Household, @Ctx() ctx: ProgramsContext): string {
    return seesPersonalData(ctx.identity) ? h.headName : maskName(h.headName);
  }

  @FieldResolver(() => String, { nullable: true, description: "Address; hidden from analysts." })
  address(@Root() h: Household, @Ctx() ctx: ProgramsContext): string | null {
    return seesPersonalData(ctx.identity) ? h.address : null;
  }

  @FieldResolver(() => AdministrativeUnitRef, { description: "The commune the household lives in." })
  unit(@Root() h: Household): AdministrativeUnitRef {
    return unitRef(h.communeCode);
  }

  @FieldResolver(() => PovertyClassification, { nullable: true, description: "The review of one year, if held." })
  classification(
    @Root() h: Household,
    @Arg("year", () => Int) year: number,
    @Ctx() ctx: ProgramsContext,
  ): Promise<PovertyClassification | null> {
    return ctx.loaders.classificationIn.for(year).load(h.id);
  }

  @FieldResolver(() => [PovertyClassification], { description: "Every annual review, oldest first." })
  classifications(@Root() h: Household, @Ctx() ctx: ProgramsContext): Promise<PovertyClassification[]> {
    return ctx.loaders.classificationsOf.load(h.id);
  }

  @FieldResolver(() => [SupportEvent], { description: "Support the household received, oldest first." })
  supportEvents(@Root() h: Household, @Ctx() ctx: ProgramsContext): Promise<SupportEvent[]> {
    return ctx.loaders.supportOf.load(h.id);
  }

  @Authorized("OFFICER", "ADMIN")
  @Mutation(() => Household, { nullable: true, description: "Register a household; idempotent with idempotencyKey." })
  async registerHousehold(
    @Arg("input") input: RegisterHouseholdInput,
    @Ctx() ctx: ProgramsContext,
  ): Promise<Household> {
    const commune = unitByCode(input.communeCode);
    if (!commune || commune.level !== "COMMUNE")
      throw new NotFoundError(kitMessage("thingCommune"), "input.communeCode");
    assertCanWriteUnit(ctx.identity, commune.code);
    return createOnce(
      ctx.ds,
      ctx,
      Household,
      { key: input.idempotencyKey, operation: "registerHousehold" },
      async (m) => {
        const inserted = await m.insert(Household, {
          communeCode: commune.code,
          districtCode: districtOf(commune.code)!,
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
      assertCanWriteUnit(ctx.identity, before.communeCode);
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
    assertCanReadHousehold(ctx.identity, household.communeCode);
    return household;
  },
};
