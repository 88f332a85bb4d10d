import { Column, Entity, PrimaryColumn } from "typeorm";

/**
 * Houses handed over per commune, calendar year and kind (new or repair), kept exact by the
 * hand-over step in the same transaction (house-tally.ts): ten years of houses are a sum over a
 * few thousand rows.
 */
@Entity("house_tally")
export class HouseTally {
  @PrimaryColumn({ name: "commune_code", type: "varchar", length: 10 })
  communeCode: string;

  @PrimaryColumn({ type: "integer" })
  year: number;

  @PrimaryColumn({ type: "varchar", length: 6 })
  kind: string;

  @Column({ name: "handed_over", type: "integer", default: 0 })
  handedOver: number;
}
