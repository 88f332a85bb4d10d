import { Column, Entity, PrimaryColumn } from "typeorm";

/**
 * Households reviewed per year, commune, area, household size and status, and the people in
 * them: the analysts' household aggregates read it (a few thousand rows a year, not half a
 * million reviews). Kept exact in the same transaction as every review and every change to a
 * household's size or area (household-year-tally.ts); a household counts with its area and size
 * as its record has them now.
 */
@Entity("household_year_tally")
export class HouseholdYearTally {
  @PrimaryColumn({ type: "integer" })
  year: number;

  @PrimaryColumn({ name: "commune_code", type: "varchar", length: 10 })
  communeCode: string;

  @PrimaryColumn({ type: "varchar", length: 5 })
  area: string;

  @PrimaryColumn({ name: "member_count", type: "integer" })
  memberCount: number;

  @PrimaryColumn({ type: "varchar", length: 10 })
  status: string;

  @Column({ type: "integer", default: 0 })
  households: number;

  @Column({ type: "integer", default: 0 })
  people: number;
}
