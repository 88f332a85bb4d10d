import { Arg, Args, Authorized, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from "type-graphql";
import {
  createOnce,
  assertCanWriteUnit,
  audit,
  BadUserInputError,
  canSeeUnit,
  ConnectionType,
  connectionFrom,
  DateScalar,
  ForbiddenError,
  hasAnyRole,
  kitMessage,
  maskName,
  MoneyScalar,
  NotFoundError,
  pageRequest,
  RECORDS_BEGIN,
  todayInProvince,
  unitByCode,
  type ConnectionShape,
} from "@danvan/kit";
import { AdministrativeUnitRef, OrganisationRef, organisationRef, unitRef } from "@danvan/kit/federation";
import type { ProgramsContext } from "../context.js";
import { checkPeriod } from "../arguments.js";
import { programsMessage } from "../messages.js";
import { unitOfTheDay } from "@danvan/kit/units";
import { Contribution, FundTransfer } from "./contribution.entity.js";
import { allocationBetween } from "./balance-by-date.js";
import { FundBalance } from "./fund-balance.type.js";
import { FundLowestBalance } from "./fund-lowest-balance.type.js";
import { assertFundAct, assertFundOpen, boardUnitOf, returnExceedsAllocation } from "./fund-refusals.js";
import { Fund, FUND_ID_PATTERN } from "./fund.entity.js";
import { FundEntryKind } from "./fund-enums.js";
import { ContributionForm, DonorKind } from "./fund-graphql-enums.js";
import { requireFund } from "./fund-lookup.js";
import { ContributionsArgs, positiveVnd, RecordContributionInput, TransferFundsInput } from "./fund.input.js";
import { lockFunds, postEntry } from "./ledger.js";
import { datedAfterToday } from "./ledger-by-date.js";
import { closingBalance, returnExceedsAllocation as returnTooLarge } from "./ledger-rules.js";
import { transferAct } from "./spending-authority.js";

export const ContributionConnection = ConnectionType(Contribution);

/** A day of the fund's own unit version: its opening (a reused code names another unit later). */
const fundDay = (fund: Pick<Fund, "openedOn">): string =>
  fund.openedOn < RECORDS_BEGIN ? RECORDS_BEGIN : fund.openedOn;

@Resolver(() => Fund)
export class FundResolver {
  @Query(() => Fund, { nullable: true })
  fund(@Arg("id", () => ID) id: string, @Ctx() ctx: ProgramsContext): Promise<Fund> {
    if (!FUND_ID_PATTERN.test(id))
      throw BadUserInputError.field("id", kitMessage("notAnId", { thing: programsMessage("thingFund") }));
    return requireFund(ctx, id, "id");
  }

  @FieldResolver(() => OrganisationRef, { description: "The Front committee keeping the fund." })
  organisation(@Root() f: Fund): OrganisationRef {
    return organisationRef(f.organisationId);
  }

  @FieldResolver(() => AdministrativeUnitRef, {
    description: "The unit whose committee keeps the fund, as it was when the fund opened.",
  })
  unit(@Root() f: Fund): AdministrativeUnitRef {
    // The 2019 map's funds opened before the records begin: their unit is the version of 2010.
    return unitRef(f.unitCode, fundDay(f));
  }

  @FieldResolver(() => FundBalance, {
    nullable: true,
    description: "Opening, receipts, spending and closing over a period (public).",
  })
  async balance(
    @Root() f: Fund,
    @Arg("from", () => DateScalar) from: string,
    @Arg("to", () => DateScalar) to: string,
    @Ctx() ctx: ProgramsContext,
  ): Promise<FundBalance> {
    checkPeriod(from, to);
    const row = await ctx.loaders.fundBalance.for({ from, to }).load(f.id);
    const b = row ?? { openingVnd: 0n, contributionsVnd: 0n, transfersInVnd: 0n, transfersOutVnd: 0n, spentVnd: 0n };
    const closingVnd = closingBalance(b);
    return {
      from,
      to,
      openingVnd: b.openingVnd,
      contributionsVnd: b.contributionsVnd,
      transfersInVnd: b.transfersInVnd,
      transfersOutVnd: b.transfersOutVnd,
      spentVnd: b.spentVnd,
      closingVnd,
    };
  }

  @FieldResolver(() => MoneyScalar, {
    nullable: true,
    description:
      "The fund's balance at the end of `date` (public, as the balance is published): every entry dated on or before it, whole VND. `date` may not be after today (BAD_USER_INPUT).",
  })
  async balanceOn(
    @Root() f: Fund,
    @Arg("date", () => DateScalar) date: string,
    @Ctx() ctx: ProgramsContext,
  ): Promise<bigint> {
    if (datedAfterToday(date, todayInProvince())) throw BadUserInputError.field("date", kitMessage("notInFuture"));
    return (await ctx.loaders.fundBalanceOn.for(date).load(f.id))?.balanceVnd ?? 0n;
  }

  @FieldResolver(() => FundLowestBalance, {
    nullable: true,
    description:
      "The lowest end-of-day balance over the fund's whole history and the first day it was reached (public); null before the fund's first entry. Never below zero: no entry may make any day's balance negative.",
  })
  async lowestBalance(@Root() f: Fund, @Ctx() ctx: ProgramsContext): Promise<FundLowestBalance | null> {
    const row = await ctx.loaders.fundLowestBalance.load(f.id);
    return row ? { on: row.on, balanceVnd: row.balanceVnd } : null;
  }

  @Authorized("OFFICER", "ADMIN", "ANALYST")
  @FieldResolver(() => ContributionConnection, {
    nullable: true,
    description: "Contributions received, by id; donors' names for officers in scope.",
  })
  async contributions(
    @Root() f: Fund,
    @Args() args: ContributionsArgs,
    @Ctx() ctx: ProgramsContext,
  ): Promise<ConnectionShape<Contribution>> {
    if (!canSeeUnit(ctx.identity, f.unitCode, fundDay(f)))
      throw new ForbiddenError(kitMessage("outOfScope", { thing: programsMessage("thingFund") }));
    checkPeriod(args.from, args.to);
    const page = pageRequest(args);
    const filter = { from: args.from ?? null, to: args.to ?? null };
    const rows = await ctx.loaders.contributionPage
      .for({ limit: page.limit, afterKey: page.afterKey === null ? null : Number(page.afterKey), ...filter })
      .load(f.id);
    return connectionFrom(
      rows,
      page,
      (c) => c.id,
      async () => (await ctx.loaders.contributionTotal.for(filter).load(f.id))?.n ?? 0,
    );
  }

  @Authorized("OFFICER", "ADMIN")
  @Mutation(() => Contribution, {
    nullable: true,
    description: "Record a contribution and credit the fund; idempotent with idempotencyKey.",
  })
  async recordContribution(
    @Arg("input") input: RecordContributionInput,
    @Ctx() ctx: ProgramsContext,
  ): Promise<Contribution> {
    const amount = positiveVnd(input.amountVnd, "input.amountVnd");
    if (input.form === ContributionForm.IN_KIND && !input.inKindDescription) {
      throw BadUserInputError.field("input.inKindDescription", programsMessage("inKindDescriptionRequired"));
    }
    if (input.donorKind !== DonorKind.ANONYMOUS && !input.donorName)
      throw BadUserInputError.field("input.donorName", programsMessage("donorNameRequired"));
    if (!unitByCode(input.collectedByUnitCode))
      throw new NotFoundError(kitMessage("thingUnit"), "input.collectedByUnitCode");
    const fund = await requireFund(ctx, input.fundId, "input.fundId");
    assertFundAct(ctx.identity, "CREDIT", boardUnitOf(fund.id));
    assertCanWriteUnit(ctx.identity, fund.unitCode, fundDay(fund));
    // On the map of the day received: the fund open then, the collecting unit in force then.
    if (!datedAfterToday(input.receivedOn, todayInProvince())) {
      assertFundOpen(fund, input.receivedOn, "input.fundId");
      unitOfTheDay(input.collectedByUnitCode, input.receivedOn, "input.collectedByUnitCode");
    }
    return createOnce(
      ctx.ds,
      ctx,
      Contribution,
      { key: input.idempotencyKey, operation: "recordContribution" },
      async (m) => {
        const inserted = await m.insert(Contribution, {
          fundId: fund.id,
          unitCode: fund.unitCode,
          receivedOn: input.receivedOn,
          form: input.form,
          amountVnd: amount,
          inKindDescription: input.inKindDescription ?? null,
          donorKind: input.donorKind,
          donorName: input.donorKind === DonorKind.ANONYMOUS ? null : (input.donorName ?? null),
          collectedByUnitCode: input.collectedByUnitCode,
          campaignId: input.campaignId ?? null,
          receiptNumber: input.receiptNumber,
          version: 1,
        });
        const contributionId = Number(inserted.identifiers[0]!.id);
        await postEntry(m, {
          fundId: fund.id,
          on: input.receivedOn,
          kind: FundEntryKind.CONTRIBUTION,
          amountVnd: amount,
          refType: "Contribution",
          refId: contributionId,
        });
        await audit(m, ctx, {
          action: "recordContribution",
          entityType: "Contribution",
          entityId: contributionId,
          after: {
            fundId: fund.id,
            amountVnd: amount.toString(),
            form: input.form,
            receiptNumber: input.receiptNumber,
          },
        });
        return contributionId;
      },
    );
  }

  @Authorized("OFFICER", "ADMIN")
  @Mutation(() => FundTransfer, {
    nullable: true,
    description:
      "Move money between two funds: down the levels by the sending fund's own campaign board, or back up to the fund that allocated it; the sending fund must hold it on the date and every day after.",
  })
  async transferFunds(@Arg("input") input: TransferFundsInput, @Ctx() ctx: ProgramsContext): Promise<FundTransfer> {
    const amount = positiveVnd(input.amountVnd, "input.amountVnd");
    if (input.fromFundId === input.toFundId)
      throw BadUserInputError.field("input.toFundId", programsMessage("sameFund"));
    const [from, to] = await Promise.all([
      requireFund(ctx, input.fromFundId, "input.fromFundId"),
      requireFund(ctx, input.toFundId, "input.toFundId"),
    ]);
    // Both funds open on the day (a fund of the 2019 map and one of 2025 never are: no transfer between them).
    if (!datedAfterToday(input.transferredOn, todayInProvince())) {
      assertFundOpen(from, input.transferredOn, "input.fromFundId");
      assertFundOpen(to, input.transferredOn, "input.toFundId");
    }
    const act = transferAct(boardUnitOf(from.id), boardUnitOf(to.id));
    assertFundAct(ctx.identity, act, boardUnitOf(from.id));
    assertCanWriteUnit(ctx.identity, from.unitCode, fundDay(from));
    return createOnce(
      ctx.ds,
      ctx,
      FundTransfer,
      { key: input.idempotencyKey, operation: "transferFunds" },
      async (m) => {
        // Both funds' rows, in id order: each entry below keeps its fund's lowest balance on its row.
        await lockFunds(m, [from.id, to.id]);
        if (act === "TRANSFER_UP") {
          // A return: bounded by what the higher fund allocated, read under the sending fund's lock.
          if (returnTooLarge(await allocationBetween(m, to.id, from.id, input.transferredOn), amount))
            throw returnExceedsAllocation(from.id);
        }
        const inserted = await m.insert(FundTransfer, {
          fromFundId: from.id,
          toFundId: to.id,
          amountVnd: amount,
          transferredOn: input.transferredOn,
          note: input.note ?? null,
        });
        const transferId = Number(inserted.identifiers[0]!.id);
        await postEntry(m, {
          fundId: from.id,
          on: input.transferredOn,
          kind: FundEntryKind.TRANSFER_OUT,
          amountVnd: amount,
          refType: "FundTransfer",
          refId: transferId,
        });
        await postEntry(m, {
          fundId: to.id,
          on: input.transferredOn,
          kind: FundEntryKind.TRANSFER_IN,
          amountVnd: amount,
          refType: "FundTransfer",
          refId: transferId,
        });
        await audit(m, ctx, {
          action: "transferFunds",
          entityType: "FundTransfer",
          entityId: transferId,
          after: { from: from.id, to: to.id, amountVnd: amount.toString() },
        });
        return transferId;
      },
    );
  }
}

@Resolver(() => Contribution)
export class ContributionResolver {
  @FieldResolver(() => String, {
    nullable: true,
    description: "The donor's name: officers in scope and administrators only; initials for analysts.",
  })
  donorName(@Root() c: Contribution, @Ctx() ctx: ProgramsContext): string | null {
    if (c.donorName === null) return null;
    return hasAnyRole(ctx.identity, ["ADMIN", "OFFICER"]) ? c.donorName : maskName(c.donorName);
  }

  @FieldResolver(() => Fund)
  async fund(@Root() c: Contribution, @Ctx() ctx: ProgramsContext): Promise<Fund> {
    return (await ctx.loaders.fund.load(c.fundId))!;
  }
}
