import { Column, Entity, Index, PrimaryColumn, PrimaryGeneratedColumn } from "typeorm";
import { Field, ID, ObjectType } from "type-graphql";
import { DateScalar, moneyColumn, REORGANISATION_2025 } from "@danvan/kit";
import { FundEntryKind } from "./fund-enums.js";

/** The Fund for the Poor (Quỹ Vì người nghèo) of one Front committee: one per committee per level. */
@ObjectType({ description: "The Fund for the Poor (Quỹ Vì người nghèo) kept by one Front committee." })
@Entity("fund")
@Index("ix_fund_unit", ["unitCode"])
export class Fund {
  @Field(() => ID, { description: 'Stable id "QVNN-<unit code>".' })
  @PrimaryColumn({ type: "varchar", length: 16 })
  id: string;

  /** The Front committee keeping it (an Organisation id, MTTQ-<unit>). */
  @Column({ name: "organisation_id", type: "varchar", length: 16 })
  organisationId: string;

  @Column({ name: "unit_code", type: "varchar", length: 10 })
  unitCode: string;

  @Field()
  @Column({ type: "varchar", length: 200 })
  name: string;

  @Field(() => DateScalar)
  @Column({ name: "opened_on", type: "date" })
  openedOn: string;

  /**
   * The lowest end-of-day balance over the fund's history and the first day it was reached, kept
   * with every entry in the same transaction (ledger.ts, `keepLowestBalance`), so that
   * `Fund.lowestBalance` reads one row; null before the fund's first entry.
   */
  @Column({ name: "lowest_balance_on", type: "date", nullable: true })
  lowestBalanceOn: string | null;

  @Column({ name: "lowest_balance_vnd", type: "bigint", nullable: true, transformer: moneyColumn })
  lowestBalanceVnd: bigint | null;

  /**
   * The fund's last day, its unit's (issue 27): 2025-06-30 for the funds of the 2019 map (Phường
   * Đông Xuyên's 2024-12-31); null while open. No entry may be dated after it, nor before `openedOn`.
   */
  @Column({ name: "closed_on", type: "date", nullable: true })
  closedOn: string | null;

  /** The fund of the unit that took the territory, which received the balance on the day after `closedOn`. */
  @Column({ name: "successor_fund_id", type: "varchar", length: 16, nullable: true })
  successorFundId: string | null;

  /**
   * The transfer that carried the balance over (fund-carry-over.ts): an entry dated back on or
   * before `closedOn` changes it by the same amount, so it always carries the closing balance.
   */
  @Column({ name: "carry_transfer_id", type: "integer", nullable: true })
  carryTransferId: number | null;
}

/**
 * The fund's ledger: every movement of money, signed (receipts positive, outflows negative),
 * written in the same transaction as the record that caused it. Balances are sums over it, and
 * no entry may make the balance at the end of any day negative (ledger-by-date.ts).
 */
@Entity("fund_entry")
// Covering: a fund's running balance by date is read from this index alone (balance-by-date.ts).
@Index("ix_fund_entry_fund", ["fundId", "entryOn", "amountVnd"])
@Index("ix_fund_entry_unit", ["unitCode", "entryOn"])
export class FundEntry {
  @PrimaryGeneratedColumn({ type: "integer" })
  id: number;

  @Column({ name: "fund_id", type: "varchar", length: 16 })
  fundId: string;

  /** The fund's unit, denormalised for statistics. */
  @Column({ name: "unit_code", type: "varchar", length: 10 })
  unitCode: string;

  @Column({ name: "entry_on", type: "date" })
  entryOn: string;

  @Column({ type: "varchar", length: 14 })
  kind: FundEntryKind;

  @Column({ name: "amount_vnd", type: "bigint", transformer: moneyColumn })
  amountVnd: bigint;

  @Column({ name: "ref_type", type: "varchar", length: 30 })
  refType: string;

  @Column({ name: "ref_id", type: "varchar", length: 32 })
  refId: string;
}

/** A fund id: "QVNN-<unit code>", with "-25" for a fund of the 2025 map ("QVNN-30307-25"). */
export const FUND_ID_PATTERN = /^QVNN-(\d{2}|\d{3}|\d{5}|(\d{2}|\d{5})-25)$/;

/** The suffix of the 2025 map's funds and committees ("MTTQ-30307-25", organisations' ids). */
export const MAP_2025_SUFFIX = `-${REORGANISATION_2025.slice(2, 4)}`;

/**
 * Fund id for a unit: deterministic, like the committees' ids. A unit version of the 2025 map
 * (`validFrom` from 2025-07-01) adds "-25", so that codes reused in 2025 (30307: Phường Mỹ Hòa's
 * fund until 2025-06-30, Phường Long Xuyên's from 2025-07-01) name two funds.
 */
export function fundIdFor(unitCode: string, validFrom?: string | null): string {
  return `QVNN-${unitCode}${validFrom && validFrom >= REORGANISATION_2025 ? MAP_2025_SUFFIX : ""}`;
}

/** The code of the unit whose campaign board runs a fund, from the fund's id (the inverse of fundIdFor). */
export function unitOfFund(fundId: string): string {
  const tail = fundId.slice("QVNN-".length);
  return tail.endsWith(MAP_2025_SUFFIX) ? tail.slice(0, -MAP_2025_SUFFIX.length) : tail;
}

/** Whether the fund takes entries dated `on`: on or after it opened, and not after its last day. */
export function fundOpenOn(fund: Pick<Fund, "openedOn" | "closedOn">, on: string): boolean {
  return fund.openedOn <= on && (fund.closedOn === null || on <= fund.closedOn);
}
