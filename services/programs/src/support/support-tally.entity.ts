import { Column, Entity, PrimaryColumn } from "typeorm";
import { moneyColumn } from "@danvan/kit";

/**
 * Support events and their value per commune, year and kind, and how many of them went to
 * households on the poor or near-poor list of that year (the published household-visits are
 * those of published-visits.ts's kinds), kept exact by every support write and by every review
 * that moves a recipient on or off the list, in the same transaction (support-tally.ts,
 * support-month-tally.ts), like the fund's year tally.
 */
@Entity("support_tally")
export class SupportTally {
  @PrimaryColumn({ name: "commune_code", type: "varchar", length: 10 })
  communeCode: string;

  @PrimaryColumn({ type: "integer" })
  year: number;

  @PrimaryColumn({ type: "varchar", length: 20 })
  kind: string;

  /** Every support event. */
  @Column({ type: "integer", default: 0 })
  visits: number;

  /** Those given to a household poor or near-poor at its review of the event's year. */
  @Column({ name: "listed_visits", type: "integer", default: 0 })
  listedVisits: number;

  @Column({ name: "amount_vnd", type: "bigint", transformer: moneyColumn, default: 0 })
  amountVnd: bigint;
}
