import type { EntityManager } from "typeorm";
import { placeholders } from "@danvan/kit";
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
  await m.query(
    placeholders(
      m.connection,
      `INSERT INTO fund_year_tally (unit_code, year, raised_vnd, spent_vnd) VALUES (?, ?, ?, ?)
       ON CONFLICT (unit_code, year) DO UPDATE SET raised_vnd = fund_year_tally.raised_vnd + excluded.raised_vnd,
         spent_vnd = fund_year_tally.spent_vnd + excluded.spent_vnd`,
    ),
    [e.unitCode, yearOf(e.on), raised.toString(), spent.toString()],
  );
}

/** Adds one support event to its commune's year tally. */
export async function tallySupport(
  m: EntityManager,
  e: { communeCode: string; givenOn: string; kind: string; amountVnd: bigint },
): Promise<void> {
  await m.query(
    placeholders(
      m.connection,
      `INSERT INTO support_tally (commune_code, year, kind, visits, amount_vnd) VALUES (?, ?, ?, 1, ?)
       ON CONFLICT (commune_code, year, kind) DO UPDATE SET visits = support_tally.visits + 1,
         amount_vnd = support_tally.amount_vnd + excluded.amount_vnd`,
    ),
    [e.communeCode, yearOf(e.givenOn), e.kind, e.amountVnd.toString()],
  );
}
