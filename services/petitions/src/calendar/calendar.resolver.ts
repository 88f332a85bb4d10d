import { Arg, Authorized, Ctx, Mutation, Query, Resolver } from "type-graphql";
import { In, type EntityManager } from "typeorm";
import { audit, BadUserInputError, DateScalar, inTransaction, kitMessage } from "@danvan/kit";
import type { PetitionsContext } from "../context.js";
import { acceptanceDueOn, dueOn, NoRuleInForceError } from "../deadlines/due-dates.js";
import type { WorkingCalendar } from "../deadlines/working-calendar.js";
import { OPEN_STATUSES } from "../lifecycle/petition-enums.js";
import { Petition } from "../petitions/petition.entity.js";
import { calendarFor } from "./calendar-store.js";
import { DeclareCalendarDayInput } from "./calendar.input.js";
import { DeclaredCalendarDay } from "./declared-calendar-day.entity.js";

/**
 * Recomputes, with the new calendar, the due dates the declared day can move: the open petitions
 * due on or after it and every acceptance deadline on or after it, of petitions received before
 * it. One read, then one UPDATE per distinct pair of new dates (not per petition).
 */
async function recomputeDueDates(m: EntityManager, on: string, calendar: WorkingCalendar): Promise<number> {
  const affected = await m
    .createQueryBuilder(Petition, "p")
    .where("p.received_on < :on", { on })
    .andWhere("(p.acceptance_due_on >= :on OR (p.status IN (:...open) AND p.due_on IS NOT NULL AND p.due_on >= :on))", {
      on,
      open: OPEN_STATUSES,
    })
    .getMany();
  const groups = new Map<string, number[]>();
  for (const p of affected) {
    let acceptance: string;
    let due: string | null;
    try {
      acceptance = acceptanceDueOn(p, calendar);
      due = dueOn(p, calendar);
    } catch (err) {
      if (err instanceof NoRuleInForceError) continue; // received before the table's acts: no deadline to move
      throw err;
    }
    if (acceptance === p.acceptanceDueOn && due === p.dueOn) continue;
    const key = JSON.stringify([acceptance, due]);
    groups.set(key, [...(groups.get(key) ?? []), p.id]);
  }
  for (const [key, ids] of groups) {
    const [acceptance, due] = JSON.parse(key) as [string, string | null];
    for (let i = 0; i < ids.length; i += 500) {
      await m.update(Petition, { id: In(ids.slice(i, i + 500)) }, { acceptanceDueOn: acceptance, dueOn: due });
    }
  }
  return [...groups.values()].reduce((n, ids) => n + ids.length, 0);
}

@Resolver(() => DeclaredCalendarDay)
export class CalendarResolver {
  @Query(() => [DeclaredCalendarDay], {
    nullable: true,
    description:
      "The working days and days off the government declared between two dates (swaps, moved holidays); the Labour Code's weekends and holidays are not listed.",
  })
  declaredCalendarDays(
    @Arg("from", () => DateScalar) from: string,
    @Arg("to", () => DateScalar) to: string,
    @Ctx() ctx: PetitionsContext,
  ): Promise<DeclaredCalendarDay[]> {
    if (from > to) throw BadUserInputError.field("from", kitMessage("notAfter", { other: "to" }));
    return ctx.ds
      .getRepository(DeclaredCalendarDay)
      .createQueryBuilder("d")
      .where("d.on_date BETWEEN :from AND :to", { from, to })
      .orderBy("d.on_date")
      .getMany();
  }

  @Authorized("ADMIN")
  @Mutation(() => DeclaredCalendarDay, {
    nullable: true,
    description:
      "Administrators: record a working day or day off the government declared (idempotent: declaring a day again replaces it). The open petitions' due dates it moves are recomputed in the same transaction.",
  })
  declareCalendarDay(
    @Arg("input") input: DeclareCalendarDayInput,
    @Ctx() ctx: PetitionsContext,
  ): Promise<DeclaredCalendarDay> {
    return inTransaction(ctx.ds, async (m) => {
      const before = await m.findOneBy(DeclaredCalendarDay, { on: input.on });
      const row = {
        on: input.on,
        working: input.working,
        decision: input.decision.trim(),
        declaredBy: ctx.identity.sub,
      };
      if (before) await m.update(DeclaredCalendarDay, { on: input.on }, row);
      else await m.insert(DeclaredCalendarDay, row);
      const moved = await recomputeDueDates(m, input.on, await calendarFor(m));
      await audit(m, ctx, {
        action: "declareCalendarDay",
        entityType: "DeclaredCalendarDay",
        entityId: input.on,
        before: before ? { working: before.working } : undefined,
        after: { working: input.working, petitionsRescheduled: moved },
      });
      return m.findOneByOrFail(DeclaredCalendarDay, { on: input.on });
    });
  }
}
