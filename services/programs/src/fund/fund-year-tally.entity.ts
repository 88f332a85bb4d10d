import { Column, Entity, PrimaryColumn } from "typeorm";
import { moneyColumn } from "@danvan/kit";

/**
 * Money raised (contributions) and spent (support and houses) per fund unit and calendar year,
 * kept exact by every ledger write in the same transaction (fund-year-tally.ts), so ten years of
 * the province's fund figures are a sum over a few thousand rows, not over the ledger.
 */
@Entity("fund_year_tally")
export class FundYearTally {
  @PrimaryColumn({ name: "unit_code", type: "varchar", length: 10 })
  unitCode: string;

  @PrimaryColumn({ type: "integer" })
  year: number;

  @Column({ name: "raised_vnd", type: "bigint", transformer: moneyColumn, default: 0 })
  raisedVnd: bigint;

  @Column({ name: "spent_vnd", type: "bigint", transformer: moneyColumn, default: 0 })
  spentVnd: bigint;
}
