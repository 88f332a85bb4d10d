import type { EntityManager } from "typeorm";
import { addToTally } from "@danvan/kit";
import { FundEntryKind } from "./fund-enums.js";

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
    { unit_code: e.unitCode, year: Number(e.on.slice(0, 4)) },
    { raised_vnd: raised, spent_vnd: spent },
  );
}
