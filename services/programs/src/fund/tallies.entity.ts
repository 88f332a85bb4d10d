import { Column, Entity, PrimaryColumn } from "typeorm";

/**
 * Money raised (contributions) and spent (support and houses) per fund unit and calendar year,
 * kept exact by every ledger write in the same transaction, so ten years of the province's
 * fund figures are a sum over a few thousand rows, not over the ledger.
 */
@Entity("fund_year_tally")
export class FundYearTally {
  @PrimaryColumn({ name: "unit_code", type: "varchar", length: 10 })
  unitCode: string;

  @PrimaryColumn({ type: "integer" })
  year: number;

  @Column({ name: "raised_vnd", type: "bigint", default: 0 })
  raisedVnd: string | number;

  @Column({ name: "spent_vnd", type: "bigint", default: 0 })
  spentVnd: string | number;
}

/** Support events (household-visits) and their value per commune, year and kind, kept like the fund tally. */
@Entity("support_tally")
export class SupportTally {
  @PrimaryColumn({ name: "commune_code", type: "varchar", length: 10 })
  communeCode: string;

  @PrimaryColumn({ type: "integer" })
  year: number;

  @PrimaryColumn({ type: "varchar", length: 20 })
  kind: string;

  @Column({ type: "integer", default: 0 })
  visits: number;

  @Column({ name: "amount_vnd", type: "bigint", default: 0 })
  amountVnd: string | number;
}
