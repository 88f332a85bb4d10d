import { Column, Entity, PrimaryColumn } from "typeorm";

/** How many new members a committee (with the committees below it) aims to recruit in a year. */
@Entity("recruitment_target")
export class RecruitmentTarget {
  @PrimaryColumn({ name: "organisation_id", type: "varchar", length: 16 })
  organisationId: string;

  @PrimaryColumn({ type: "integer" })
  year: number;

  @Column({ type: "integer" })
  target: number;
}
