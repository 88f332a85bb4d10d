import { Column, Entity, PrimaryColumn } from "typeorm";
import { moneyColumn } from "@danvan/kit";

/**
 * Support events (household-visits) and their value per commune, year and kind, kept exact by
 * every support write in the same transaction (support-tally.ts), like the fund's year tally.
 */
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

  @Column({ name: "amount_vnd", type: "bigint", transformer: moneyColumn, default: 0 })
  amountVnd: bigint;
}
