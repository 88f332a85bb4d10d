import { Column, Entity, Index, PrimaryColumn, PrimaryGeneratedColumn } from "typeorm";
import { Field, ID, ObjectType } from "type-graphql";
import { DateScalar, moneyColumn } from "@danvan/kit";
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

/** Fund id for a unit: deterministic, like the committees' ids. */
export function fundIdFor(unitCode: string): string {
  return `QVNN-${unitCode}`;
}

/** The unit whose campaign board runs a fund, from the fund's id (the inverse of fundIdFor). */
export function unitOfFund(fundId: string): string {
  return fundId.slice("QVNN-".length);
}
