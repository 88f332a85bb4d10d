import { addDays, isoWeekday } from "./calendar-date.js";
import { lunarDatesOf } from "./lunar-dates.js";

/** Which Labour Code sets the public holidays on a date. */
export interface HolidayLaw {
  readonly act: string;
  readonly article: string;
  readonly from: string;
  /** Inclusive; null: still in force. */
  readonly until: string | null;
  /** Days off for Tết: the last days of the old lunar year and the first of the new. */
  readonly tetDaysBefore: number;
  readonly tetDaysAfter: number;
  /** National Day: 2 September alone, or with the day beside it (Labour Code 2019). */
  readonly nationalDayTwoDays: boolean;
}

/**
 * The public holidays of civil servants, by the Labour Code in force. Each says: 1 January, Tết,
 * Hùng Kings' day (10/3 lunar), 30 April, 1 May, 2 September; a holiday falling on the weekly rest
 * day is taken on the next working day. Tết's days are fixed each year by the Prime Minister; when
 * a year's announcement is not in DECLARED_DAYS the calendar takes the last two days of the old
 * year and the first three of the new (the weekdays off came out as announced for 2015–2026; 2026
 * named one day before and four after, the same weekdays with the compensation day).
 */
export const HOLIDAY_LAWS: readonly HolidayLaw[] = [
  {
    act: "Labour Code 1994 (35-L/CTN, as amended 2002, 2006, 2007)",
    article: "Art. 73",
    from: "1995-01-01",
    until: "2013-04-30",
    tetDaysBefore: 1,
    tetDaysAfter: 3,
    nationalDayTwoDays: false,
  },
  {
    act: "Labour Code 2012 (10/2012/QH13)",
    article: "Art. 115",
    from: "2013-05-01",
    until: "2020-12-31",
    tetDaysBefore: 2,
    tetDaysAfter: 3,
    nationalDayTwoDays: false,
  },
  {
    act: "Labour Code 2019 (45/2019/QH14)",
    article: "Art. 112",
    from: "2021-01-01",
    until: null,
    tetDaysBefore: 2,
    tetDaysAfter: 3,
    nationalDayTwoDays: true,
  },
];

export function holidayLawOn(date: string): HolidayLaw | null {
  return HOLIDAY_LAWS.find((l) => date >= l.from && (l.until === null || date <= l.until)) ?? null;
}

export interface Holiday {
  readonly on: string;
  readonly name: string;
}

const isWeekend = (d: string) => isoWeekday(d) >= 6;

/** The holidays the law names in a solar year (before moving those that fall on a weekend). */
function namedHolidays(year: number): Holiday[] {
  const out: Holiday[] = [];
  const add = (on: string, name: string) => {
    if (holidayLawOn(on)) out.push({ on, name });
  };
  add(`${year}-01-01`, "New Year's Day");
  add(`${year}-04-30`, "Reunification Day");
  add(`${year}-05-01`, "Labour Day");
  add(`${year}-09-02`, "National Day");
  const nd = `${year}-09-02`;
  if (holidayLawOn(nd)?.nationalDayTwoDays) {
    // The day beside 2 September: the day after when a weekday, else the day before (as announced
    // 2021–2024). 2025 and 2026 took the day before instead: DECLARED_DAYS says so.
    const after = addDays(nd, 1);
    add(isWeekend(after) ? addDays(nd, -1) : after, "National Day (second day)");
  }
  const lunar = lunarDatesOf(year);
  if (lunar) {
    add(lunar.hungKings, "Hùng Kings' Commemoration Day");
    const law = holidayLawOn(lunar.tet);
    if (law) {
      for (let i = -law.tetDaysBefore; i < law.tetDaysAfter; i++) add(addDays(lunar.tet, i), "Tết");
    }
  }
  return out.sort((a, b) => (a.on < b.on ? -1 : 1));
}

/**
 * The days off for public holidays in a solar year (and early the next, where a late-December
 * holiday is taken then): the named holidays, each one on a weekend taken instead on the next
 * weekday that is not itself a holiday (Labour Code 1994 Art. 73, 2012 Art. 115(3), 2019 Art. 111(3)).
 */
export function holidaysOf(year: number): Holiday[] {
  const named = namedHolidays(year);
  const taken = new Set(named.map((h) => h.on));
  const out = [...named];
  for (const h of named) {
    if (!isWeekend(h.on)) continue;
    let d = addDays(h.on, 1);
    while (isWeekend(d) || taken.has(d)) d = addDays(d, 1);
    taken.add(d);
    out.push({ on: d, name: `${h.name} (taken on the next working day)` });
  }
  return out.sort((a, b) => (a.on < b.on ? -1 : 1));
}
