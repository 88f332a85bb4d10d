import { Column, Entity, Index, PrimaryColumn } from "typeorm";
import { SuccessionShare } from "./succession-share.js";

/** One old unit's territory, whole or in part, going into a new unit on the new unit's first day. */
@Entity("administrative_unit_succession")
@Index("ix_unit_succession_to", ["toCode", "toValidFrom"])
export class UnitSuccession {
  @PrimaryColumn({ name: "from_code", type: "varchar", length: 10 })
  fromCode: string;

  @PrimaryColumn({ name: "from_valid_from", type: "date" })
  fromValidFrom: string;

  @PrimaryColumn({ name: "to_code", type: "varchar", length: 10 })
  toCode: string;

  @Column({ name: "to_valid_from", type: "date" })
  toValidFrom: string;

  @Column({ type: "varchar", length: 5 })
  share: SuccessionShare;
}
