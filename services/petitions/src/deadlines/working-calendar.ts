import { addDays, isCalendarDate, isoWeekday } from "./calendar-date.js";
import { DECLARED_DAYS, type DeclaredDay } from "./declared-days.js";
import { holidaysOf } from "./holidays.js";

/**
 * Which days public bodies work: Monday to Friday, less the public holidays (holidays.ts), with
 * the days the government moved (declared-days.ts and what administrators add) overriding both.
 * Built once per set of declared days; pure.
 */
export class WorkingCalendar {
  private readonly declared: ReadonlyMap<string, DeclaredDay>;
  private readonly holidays = new Map<number, ReadonlySet<string>>();

  constructor(declared: readonly DeclaredDay[] = DECLARED_DAYS) {
    this.declared = new Map(declared.map((d) => [d.on, d]));
  }

  /** The calendar with more declared days (the later one wins for a date already declared). */
  with(extra: readonly DeclaredDay[]): WorkingCalendar {
    return new WorkingCalendar([...this.declared.values(), ...extra]);
  }

  private holidaySet(year: number): ReadonlySet<string> {
    let set = this.holidays.get(year);
    if (!set) {
      // A holiday on a late-December weekend is taken in January: look at the year before too.
      set = new Set([...holidaysOf(year - 1), ...holidaysOf(year)].map((h) => h.on));
      this.holidays.set(year, set);
    }
    return set;
  }

  isWorkingDay(date: string): boolean {
    if (!isCalendarDate(date)) throw new RangeError("Not a calendar date YYYY-MM-DD");
    const declared = this.declared.get(date);
    if (declared) return declared.working;
    if (isoWeekday(date) >= 6) return false;
    return !this.holidaySet(Number(date.slice(0, 4))).has(date);
  }

  /** The date itself when a working day, else the next working day (Civil Code 2015, Art. 148(5)). */
  rollForward(date: string): string {
    let d = date;
    while (!this.isWorkingDay(d)) d = addDays(d, 1);
    return d;
  }

  /** The `n`-th working day after `date` (the day itself never counts; n ≥ 1). */
  addWorkingDays(date: string, n: number): string {
    if (!Number.isInteger(n) || n < 1) throw new RangeError("A number of working days must be whole and ≥ 1");
    let d = date;
    for (let left = n; left > 0;) {
      d = addDays(d, 1);
      if (this.isWorkingDay(d)) left--;
    }
    return d;
  }
}

/** The calendar with the announced swaps this code ships; the server adds the administrators' rows. */
export const BUILT_IN_CALENDAR = new WorkingCalendar();
