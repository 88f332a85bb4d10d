import { Column, Entity, Index, PrimaryColumn } from "typeorm";
import type { OrganisationShare } from "./split-communes.js";

/**
 * A committee going into another on a day (issue 27): a committee of the 2019 map into the
 * committee of the same kind at the unit that took its commune, a district's or the old
 * province's into the province's. Its members count in the successor from `onDate`, on their
 * own rows (src/members/member-reach.ts); a split commune's, in part, into each of its parts.
 */
@Entity("organisation_succession")
@Index("ix_organisation_succession_to", ["toId"])
export class OrganisationSuccession {
  @PrimaryColumn({ name: "from_id", type: "varchar", length: 16 })
  fromId: string;

  @PrimaryColumn({ name: "to_id", type: "varchar", length: 16 })
  toId: string;

  /** The successor's first day with the members: the day after the old committee's last. */
  @Column({ name: "on_date", type: "date" })
  onDate: string;

  /**
   * `whole`, or `part` for a split commune's committee going into each of its parts: through a
   * `part` succession only the members carried to that part count (member_carry, split-communes.ts).
   */
  @Column({ type: "varchar", length: 5, default: "whole" })
  share: OrganisationShare;
}
