import { Arg, Authorized, Ctx, Mutation, Resolver } from "type-graphql";
import {
  createOnce,
  assertCanWriteUnit,
  audit,
  BadUserInputError,
  ConflictError,
  inTransaction,
  kitMessage,
  NotFoundError,
  todayInProvince,
  updateVersioned,
} from "@danvan/kit";
import type { ProgramsContext } from "../context.js";
import { programsMessage } from "../messages.js";
import { FundEntryKind } from "../fund/fund-enums.js";
import { householdFundsOn } from "../fund/fund-of-the-day.js";
import { requireFund } from "../fund/fund-lookup.js";
import { assertFundOpen, assertMaySpend } from "../fund/fund-refusals.js";
import { postEntry } from "../fund/ledger.js";
import { requireHousehold } from "../households/household-lookup.js";
import { districtOnDay, householdCommuneOn } from "../unit-of-the-day.js";
import { HouseStatus } from "./house-enums.js";
import type { HouseTransition } from "./house-lifecycle.js";
import { costProblems, takeHouseStep } from "./house-refusals.js";
import { tallyHandOver } from "./house-tally.js";
import { CancelHouseInput, HouseStepInput, ProposeHouseInput } from "./house.input.js";
import { SolidarityHouse } from "./solidarity-house.entity.js";

/** The mutation (and audit action) of each transition. */
const ACTION: Record<HouseTransition, string> = {
  approve: "approveHouse",
  startConstruction: "startHouseConstruction",
  handOver: "handOverHouse",
  cancel: "cancelHouse",
};

/** What the audit keeps of a house: its state, dates, shares and version (no personal data). */
function auditView(h: SolidarityHouse) {
  return {
    status: h.status,
    kind: h.kind,
    fundId: h.fundId,
    fundAmountVnd: h.fundAmountVnd.toString(),
    sponsorAmountVnd: h.sponsorAmountVnd.toString(),
    familyAmountVnd: h.familyAmountVnd.toString(),
    approvedOn: h.approvedOn,
    constructionStartedOn: h.constructionStartedOn,
    handedOverOn: h.handedOverOn,
    cancelledOn: h.cancelledOn,
    version: h.version,
  };
}

@Resolver(() => SolidarityHouse)
export class HouseMutationsResolver {
  @Authorized("OFFICER", "ADMIN")
  @Mutation(() => SolidarityHouse, {
    nullable: true,
    description: "Propose a Great Solidarity house for a household; idempotent with idempotencyKey.",
  })
  async proposeHouse(@Arg("input") input: ProposeHouseInput, @Ctx() ctx: ProgramsContext): Promise<SolidarityHouse> {
    const split = {
      fundAmountVnd: BigInt(input.fundAmountVnd),
      sponsorAmountVnd: BigInt(input.sponsorAmountVnd),
      familyAmountVnd: BigInt(input.familyAmountVnd),
      fundId: input.fundId ?? null,
    };
    const problems = costProblems(split);
    if (input.proposedOn > todayInProvince())
      problems.push({ path: "input.proposedOn", message: kitMessage("notInFuture") });
    if (problems.length) throw new BadUserInputError(problems);
    const household = await requireHousehold(ctx, input.householdId, "input.householdId");
    assertCanWriteUnit(ctx.identity, household.communeCode, household.registeredOn);
    if (split.fundId) {
      const fund = await requireFund(ctx, split.fundId, "input.fundId");
      // The fund of the commune, its district or the province pays: never another commune's; on
      // the map of the proposal's day, and only a fund open that day (issue 27).
      if (!householdFundsOn(householdCommuneOn(household, input.proposedOn), input.proposedOn).includes(fund.id))
        throw BadUserInputError.field("input.fundId", programsMessage("fundNotOfHousehold"));
      assertFundOpen(fund, input.proposedOn, "input.fundId");
    }
    return createOnce(
      ctx.ds,
      ctx,
      SolidarityHouse,
      { key: input.idempotencyKey, operation: "proposeHouse" },
      async (m) => {
        const inserted = await m.insert(SolidarityHouse, {
          householdId: household.id,
          // The commune and district of the proposal's day: the 2025 commune and none from 2025-07-01.
          communeCode: householdCommuneOn(household, input.proposedOn),
          districtCode: districtOnDay(household.communeCode, input.proposedOn),
          kind: input.kind,
          hardFloor: input.hardFloor,
          hardFrame: input.hardFrame,
          hardRoof: input.hardRoof,
          ...split,
          sponsorName: input.sponsorName?.trim() ?? null,
          status: HouseStatus.PROPOSED,
          proposedOn: input.proposedOn,
          approvedOn: null,
          constructionStartedOn: null,
          handedOverOn: null,
          cancelledOn: null,
          cancelReason: null,
          version: 1,
        });
        const houseId = Number(inserted.identifiers[0]!.id);
        const created = (await m.findOneBy(SolidarityHouse, { id: houseId }))!;
        await audit(m, ctx, {
          action: "proposeHouse",
          entityType: "SolidarityHouse",
          entityId: houseId,
          after: { householdId: household.id, ...auditView(created) },
        });
        return houseId;
      },
    );
  }

  @Authorized("OFFICER", "ADMIN")
  @Mutation(() => SolidarityHouse, {
    nullable: true,
    description: "Approve a proposed house.",
  })
  approveHouse(@Arg("input") input: HouseStepInput, @Ctx() ctx: ProgramsContext): Promise<SolidarityHouse> {
    return this.step(ctx, input, "approve");
  }

  @Authorized("OFFICER", "ADMIN")
  @Mutation(() => SolidarityHouse, {
    nullable: true,
    description:
      "Start building an approved house; debits the fund's share from the paying fund in the same transaction.",
  })
  startHouseConstruction(@Arg("input") input: HouseStepInput, @Ctx() ctx: ProgramsContext): Promise<SolidarityHouse> {
    return this.step(ctx, input, "startConstruction");
  }

  @Authorized("OFFICER", "ADMIN")
  @Mutation(() => SolidarityHouse, {
    nullable: true,
    description: "Hand a finished house over to the household.",
  })
  handOverHouse(@Arg("input") input: HouseStepInput, @Ctx() ctx: ProgramsContext): Promise<SolidarityHouse> {
    return this.step(ctx, input, "handOver");
  }

  @Authorized("OFFICER", "ADMIN")
  @Mutation(() => SolidarityHouse, {
    nullable: true,
    description: "Cancel a house before its hand-over, with the reason.",
  })
  cancelHouse(@Arg("input") input: CancelHouseInput, @Ctx() ctx: ProgramsContext): Promise<SolidarityHouse> {
    return this.step(ctx, input, "cancel", { cancelReason: input.reason.trim() });
  }

  /** One lifecycle step: scope, version, legal move, date order, then the write and its audit. */
  private step(
    ctx: ProgramsContext,
    input: HouseStepInput,
    transition: HouseTransition,
    extra: Partial<Pick<SolidarityHouse, "cancelReason">> = {},
  ): Promise<SolidarityHouse> {
    return inTransaction(ctx.ds, async (m) => {
      const before = await m.findOneBy(SolidarityHouse, { id: Number(input.houseId) });
      if (!before) throw new NotFoundError(programsMessage("thingHouse"), "input.houseId");
      assertCanWriteUnit(ctx.identity, before.communeCode, before.proposedOn);
      // Starting construction pays the fund's share: only the paying fund's own board spends it.
      if (transition === "startConstruction" && before.fundId && before.fundAmountVnd > 0n)
        assertMaySpend(ctx.identity, { id: before.fundId });
      // A stale version is a conflict first: the caller decided on a record that has changed.
      if (before.version !== input.expectedVersion) {
        throw new ConflictError(kitMessage("changedByOthers", { thing: programsMessage("thingHouse") }), {
          currentVersion: before.version,
        });
      }
      const change = takeHouseStep(before, transition, input.on, todayInProvince());
      const after = await updateVersioned(
        m,
        SolidarityHouse,
        { id: before.id },
        input.expectedVersion,
        { ...change, ...extra },
        programsMessage("thingHouse"),
      );
      if (transition === "handOver")
        await tallyHandOver(m, { communeCode: after.communeCode, on: input.on, kind: after.kind });
      if (transition === "startConstruction" && after.fundId && after.fundAmountVnd > 0n) {
        // Not enough money in the fund on that day or a later one: CONFLICT INSUFFICIENT_BALANCE.
        await postEntry(m, {
          fundId: after.fundId,
          on: input.on,
          kind: FundEntryKind.HOUSE,
          amountVnd: after.fundAmountVnd,
          refType: "SolidarityHouse",
          refId: after.id,
        });
      }
      await audit(m, ctx, {
        action: ACTION[transition],
        entityType: "SolidarityHouse",
        entityId: before.id,
        before: auditView(before),
        after: { ...auditView(after), ...extra },
      });
      return after;
    });
  }
}
