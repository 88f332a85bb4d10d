import type { EntityManager } from "typeorm";
import { BadUserInputError, NotFoundError, vndOf } from "@danvan/kit";
import { programsMessage } from "../messages.js";
import { Fund, FundEntry } from "./fund.entity.js";
import { FundEntryKind } from "./fund-enums.js";
import { tallyFundEntry } from "./fund-year-tally.js";
import { overdraws, signedAmount } from "./ledger-rules.js";

/** The fund's balance at the end of `onOrBefore` (all entries up to and including that day). */
export async function balanceOf(m: EntityManager, fundId: string, onOrBefore: string): Promise<bigint> {
  const row = await m
    .createQueryBuilder(FundEntry, "e")
    .select("COALESCE(SUM(e.amount_vnd), 0)", "balance")
    .where("e.fund_id = :fundId AND e.entry_on <= :d", { fundId, d: onOrBefore })
    .getRawOne<{ balance: string | number }>();
  return vndOf(row?.balance);
}

/**
 * Writes one ledger entry (and its year tally) inside the caller's transaction, by the ledger's
 * rules (ledger-rules.ts). An outflow needs the money: the fund's row is locked first
 * (PostgreSQL; SQLite writers already take turns), so two spends cannot both pass the balance
 * check; one that would overdraw the fund is BAD_USER_INPUT on `field`.
 */
export async function postEntry(
  m: EntityManager,
  entry: {
    fundId: string;
    on: string;
    kind: FundEntryKind;
    amountVnd: bigint;
    refType: string;
    refId: string | number;
  },
  field = "input.amountVnd",
): Promise<void> {
  const postgres = m.connection.options.type === "postgres";
  const fund = await m.findOne(Fund, {
    where: { id: entry.fundId },
    ...(postgres ? { lock: { mode: "pessimistic_write" as const } } : {}),
  });
  if (!fund) throw new NotFoundError(programsMessage("thingFund"), "input.fundId");
  const amount = signedAmount(entry.kind, entry.amountVnd);
  if (amount < 0n && overdraws(await balanceOf(m, entry.fundId, "9999-12-31"), amount)) {
    throw BadUserInputError.field(field, programsMessage("exceedsBalance"));
  }
  await m.insert(FundEntry, {
    fundId: entry.fundId,
    unitCode: fund.unitCode,
    entryOn: entry.on,
    kind: entry.kind,
    amountVnd: amount,
    refType: entry.refType,
    refId: String(entry.refId),
  });
  await tallyFundEntry(m, { unitCode: fund.unitCode, on: entry.on, kind: entry.kind, amountVnd: entry.amountVnd });
}
