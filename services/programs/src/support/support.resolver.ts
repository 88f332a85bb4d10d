import { Arg, Authorized, Ctx, FieldResolver, Mutation, Resolver, Root } from "type-graphql";
import { householdCommuneOn } from "../unit-of-the-day.js";
import { assertCanWriteUnit, audit, BadUserInputError, createOnce, kitMessage, todayInProvince } from "@danvan/kit";
import type { ProgramsContext } from "../context.js";
import { programsMessage } from "../messages.js";
import { Fund } from "../fund/fund.entity.js";
import { FundEntryKind } from "../fund/fund-enums.js";
import { requireFund } from "../fund/fund-lookup.js";
import { postEntry } from "../fund/ledger.js";
import { assertFundOpen, assertMaySpend } from "../fund/fund-refusals.js";
import { datedAfterToday } from "../fund/ledger-by-date.js";
import { Household } from "../households/household.entity.js";
import { lockHousehold } from "../households/household-lock.js";
import { requireHousehold } from "../households/household-lookup.js";
import { SupportEvent } from "./support-event.entity.js";
import { recipientStatusOf, tallySupportMonth } from "./support-month-tally.js";
import { tallySupport } from "./support-tally.js";
import { RecordSupportInput } from "./support.input.js";

@Resolver(() => SupportEvent)
export class SupportResolver {
  @FieldResolver(() => Household)
  async household(@Root() e: SupportEvent, @Ctx() ctx: ProgramsContext): Promise<Household> {
    return (await ctx.loaders.household.load(e.householdId))!;
  }

  @FieldResolver(() => Fund, { nullable: true, description: "The fund that paid, if any." })
  fund(@Root() e: SupportEvent, @Ctx() ctx: ProgramsContext): Promise<Fund | null> | null {
    return e.fundId ? ctx.loaders.fund.load(e.fundId) : null;
  }

  @Authorized("OFFICER", "ADMIN")
  @Mutation(() => SupportEvent, {
    nullable: true,
    description: "Record support to a household (debiting the paying fund); idempotent with idempotencyKey.",
  })
  async recordSupport(@Arg("input") input: RecordSupportInput, @Ctx() ctx: ProgramsContext): Promise<SupportEvent> {
    const amount = BigInt(input.amountVnd);
    if (amount < 0n) throw BadUserInputError.field("input.amountVnd", kitMessage("notNegative"));
    const household = await requireHousehold(ctx, input.householdId, "input.householdId");
    assertCanWriteUnit(ctx.identity, household.communeCode, household.registeredOn);
    if (input.fundId != null) {
      const fund = await requireFund(ctx, input.fundId, "input.fundId");
      // Only the paying fund's own campaign board (or an administrator) spends its money …
      assertMaySpend(ctx.identity, fund);
      // … and only while the fund is open (the 2019 map's funds until their last day, issue 27).
      if (!datedAfterToday(input.givenOn, todayInProvince())) assertFundOpen(fund, input.givenOn, "input.fundId");
    }
    if (input.fundId != null && amount === 0n)
      throw BadUserInputError.field("input.amountVnd", programsMessage("fundPaysNothing"));
    return createOnce(
      ctx.ds,
      ctx,
      SupportEvent,
      { key: input.idempotencyKey, operation: "recordSupport" },
      async (m) => {
        await lockHousehold(m, household.id);
        const recipientStatus = await recipientStatusOf(m, household.id, Number(input.givenOn.slice(0, 4)));
        // On the map of the day given: from 2025-07-01 the 2025 commune that took the household's.
        const communeCode = householdCommuneOn(household, input.givenOn);
        const inserted = await m.insert(SupportEvent, {
          householdId: household.id,
          communeCode,
          kind: input.kind,
          amountVnd: amount,
          givenOn: input.givenOn,
          fundId: input.fundId ?? null,
          recipientStatus,
        });
        const eventId = Number(inserted.identifiers[0]!.id);
        await tallySupport(m, {
          communeCode,
          givenOn: input.givenOn,
          kind: input.kind,
          amountVnd: amount,
          recipientStatus,
        });
        await tallySupportMonth(m, eventId);
        if (input.fundId) {
          await postEntry(m, {
            fundId: input.fundId,
            on: input.givenOn,
            kind: FundEntryKind.SUPPORT,
            amountVnd: amount,
            refType: "SupportEvent",
            refId: eventId,
          });
        }
        await audit(m, ctx, {
          action: "recordSupport",
          entityType: "SupportEvent",
          entityId: eventId,
          after: {
            householdId: household.id,
            kind: input.kind,
            amountVnd: amount.toString(),
            fundId: input.fundId ?? null,
          },
        });
        return eventId;
      },
    );
  }
}
