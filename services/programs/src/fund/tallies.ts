import type { EntityManager } from "typeorm";
import { addToTally } from "@danvan/kit";
import { FundEntryKind } from "./fund-enums.js";

const yearOf = (date: string) => Number(date.slice(0, 4));

/** Adds a ledger entry to its unit's year tally (contributions raise, support and houses spend). */
export async function tallyFundEntry(
  m: EntityManager,
  e: { unitCode: string; on: string; kind: FundEntryKind; amountVnd: bigint },
): Promise<void> {
  const raised = e.kind === FundEntryKind.CONTRIBUTION ? e.amountVnd : 0n;
  const spent = e.kind === FundEntryKind.SUPPORT || e.kind === FundEntryKind.HOUSE ? e.amountVnd : 0n;
  if (raised === 0n && spent === 0n) return;
  await addToTally(
    m,
    "fund_year_tally",
    { unit_code: e.unitCode, year: yearOf(e.on) },
    { raised_vnd: raised, spent_vnd: spent },
  );
}

/** Adds one support event to its commune's year tally. */
export async function tallySupport(
  m: EntityManager,
  e: { communeCode: string; givenOn: string; kind: string; amountVnd: bigint },
): Promise<void> {
  await addToTally(
    m,
    "support_tally",
    { commune_code: e.communeCode, year: yearOf(e.givenOn), kind: e.kind },
    { visits: 1, amount_vnd: e.amountVnd },
  );
}
