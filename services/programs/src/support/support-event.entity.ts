import { Column, Entity, Index, PrimaryGeneratedColumn } from "typeorm";
import { Field, ID, ObjectType } from "type-graphql";
import { DateScalar, moneyColumn, MoneyScalar } from "@danvan/kit";
import { SupportKind } from "./support-graphql-enums.js";

/** One support event for one household: the report's "household-visits" count these. */
@ObjectType({ description: "One support event (hỗ trợ) for one household." })
@Entity("support_event")
@Index("ix_support_event_household", ["householdId", "givenOn"])
@Index("ix_support_event_commune", ["communeCode", "givenOn"])
export class SupportEvent {
  @Field(() => ID)
  @PrimaryGeneratedColumn({ type: "integer" })
  id: number;

  @Column({ name: "household_id", type: "integer" })
  householdId: number;

  @Column({ name: "commune_code", type: "varchar", length: 10 })
  communeCode: string;

  @Field(() => SupportKind)
  @Column({ type: "varchar", length: 20 })
  kind: SupportKind;

  @Field(() => MoneyScalar, { description: "Value of the support, VND (cash or goods converted)." })
  @Column({ name: "amount_vnd", type: "bigint", transformer: moneyColumn })
  amountVnd: bigint;

  @Field(() => DateScalar)
  @Column({ name: "given_on", type: "date" })
  givenOn: string;

  /** The fund that paid, if any. */
  @Column({ name: "fund_id", type: "varchar", length: 16, nullable: true })
  fundId: string | null;

  /**
   * The household's poverty status at its review of the year the support was given, as that
   * review stands (null while there is none): set when the event is written, kept by every
   * review (support-month-tally.ts). The analysts' RECIPIENT_STATUS reads it.
   */
  @Column({ name: "recipient_status", type: "varchar", length: 10, nullable: true })
  recipientStatus: string | null;
}
