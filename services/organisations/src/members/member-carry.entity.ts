import { Column, Entity, Index, PrimaryColumn } from "typeorm";

/**
 * A member of a split commune's committee carried, from `onDate`, to the 2025 committee of the
 * part where they live (src/organisations/split-communes.ts): the member row stays where it was;
 * memberCount of a part counts, through its `part` succession, only the members carried to it.
 */
@Entity("member_carry")
@Index("ix_member_carry_to", ["toId"])
export class MemberCarry {
  @PrimaryColumn({ name: "member_id", type: "integer" })
  memberId: number;

  @Column({ name: "to_id", type: "varchar", length: 16 })
  toId: string;

  @Column({ name: "on_date", type: "date" })
  onDate: string;
}
