import { Column, Entity, Index, PrimaryColumn } from "typeorm";
import { moneyColumn } from "@danvan/kit";

/**
 * Support events and their value per month, commune, kind, paying fund's level and the
 * recipient's poverty status in the event's year: the analysts' support aggregates read whole
 * months here and only the partial months at a period's ends from the events. Kept exact in the
 * same transaction as every support event and every review that changes a recipient's status
 * (support-month-tally.ts).
 */
@Entity("support_month_tally")
@Index("ix_support_month_tally_commune", ["communeCode", "month"])
export class SupportMonthTally {
  /** `YYYY-MM`. */
  @PrimaryColumn({ type: "varchar", length: 7 })
  month: string;

  @PrimaryColumn({ name: "commune_code", type: "varchar", length: 10 })
  communeCode: string;

  @PrimaryColumn({ type: "varchar", length: 20 })
  kind: string;

  /** A SupportFunding value: which level's fund paid, or NOT_THE_FUND. */
  @PrimaryColumn({ type: "varchar", length: 14 })
  funding: string;

  /** The household's PovertyStatus in the event's year, or UNREVIEWED before that year's review. */
  @PrimaryColumn({ name: "recipient_status", type: "varchar", length: 10 })
  recipientStatus: string;

  @Column({ type: "integer", default: 0 })
  events: number;

  @Column({ name: "amount_vnd", type: "bigint", transformer: moneyColumn, default: 0 })
  amountVnd: bigint;
}
