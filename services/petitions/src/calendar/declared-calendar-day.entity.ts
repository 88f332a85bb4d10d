import { Column, Entity, PrimaryColumn } from "typeorm";
import { Field, ObjectType } from "type-graphql";
import { DateScalar } from "@danvan/kit";

/**
 * A day the government moved (a Saturday worked, a weekday off): overrides the weekends and the
 * Labour Code's holidays in every deadline counted after it is declared. Seeded from
 * src/deadlines/declared-days.ts; administrators add the rest with `declareCalendarDay`.
 */
@ObjectType({ description: "A working day or day off declared by the government, overriding weekends and holidays." })
@Entity("declared_calendar_day")
export class DeclaredCalendarDay {
  @Field(() => DateScalar)
  @PrimaryColumn({ name: "on_date", type: "date" })
  on: string;

  @Field({ description: "True: a working day (a Saturday worked); false: a day off." })
  @Column({ type: "boolean" })
  working: boolean;

  @Field({ description: "The announcement: its number and date, or where it was published." })
  @Column({ type: "varchar", length: 300 })
  decision: string;

  @Column({ name: "declared_by", type: "varchar", length: 120 })
  declaredBy: string;
}
