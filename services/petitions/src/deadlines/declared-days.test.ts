import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { ComplaintRound, Complexity, PetitionKind } from "../lifecycle/petition-enums.js";
import { addDays, isoWeekday } from "./calendar-date.js";
import { DECLARED_DAYS } from "./declared-days.js";
import { acceptanceDueOn } from "./due-dates.js";
import { BUILT_IN_CALENDAR, WorkingCalendar } from "./working-calendar.js";

const cal = BUILT_IN_CALENDAR;
/** The calendar without one declared day: what holidays.ts alone says of it. */
const without = (on: string) => new WorkingCalendar(DECLARED_DAYS.filter((d) => d.on !== on));

/** Every day from `from` to `to` is off, and the days just outside are working days. */
function offExactly(from: string, to: string) {
  assert.equal(cal.isWorkingDay(addDays(from, -1)), true, `${addDays(from, -1)} is a working day`);
  for (let d = from; d <= to; d = addDays(d, 1)) assert.equal(cal.isWorkingDay(d), false, `${d} is off`);
  assert.equal(cal.isWorkingDay(addDays(to, 1)), true, `${addDays(to, 1)} is a working day`);
}

const facts = (kind: PetitionKind, receivedOn: string) => ({
  kind,
  round: kind === PetitionKind.COMPLAINT ? ComplaintRound.FIRST : null,
  complexity: Complexity.NORMAL,
  isRemoteArea: false,
  receivedOn,
});

/**
 * The days added for 2016–2026, each with a petition whose acceptance deadline spans it, and that
 * deadline with the declaration and without it (worked out by hand: 7 working days for a
 * denunciation from 2019, 10 for a recommendation, 10 calendar days rolled over for a complaint).
 */
const ADDED: [on: string, working: boolean, kind: PetitionKind, receivedOn: string, due: string, dueWithout: string][] =
  [
    // 10 working days from Fri 21/12/2018: with 31/12 off the 10th is Mon 7/1 (Sat 5/1 worked).
    ["2018-12-31", false, PetitionKind.RECOMMENDATION, "2018-12-21", "2019-01-07", "2019-01-05"],
    // 7 working days from Wed 2/1/2019: 3, 4, Sat 5, 7, 8, 9, 10.
    ["2019-01-05", true, PetitionKind.DENUNCIATION, "2019-01-02", "2019-01-10", "2019-01-11"],
    // 7 working days from Tue 22/4/2025: 23, 24, 25, Sat 26, 29, (30/4–4/5 off) 5/5.
    ["2025-04-26", true, PetitionKind.DENUNCIATION, "2025-04-22", "2025-05-05", "2025-05-06"],
    // 22/4/2025 + 10 = Fri 2/5, off: rolled over to Mon 5/5.
    ["2025-05-02", false, PetitionKind.COMPLAINT, "2025-04-22", "2025-05-05", "2025-05-02"],
    // 22/8/2025 + 10 = Mon 1/9, off, and 2/9: rolled over to Wed 3/9.
    ["2025-09-01", false, PetitionKind.COMPLAINT, "2025-08-22", "2025-09-03", "2025-09-01"],
    // 7 working days from Thu 28/8/2025: 29, (30/8–2/9 off) 3, 4, 5, 8, 9, 10.
    ["2025-09-03", true, PetitionKind.DENUNCIATION, "2025-08-28", "2025-09-10", "2025-09-11"],
    // 10 working days from Fri 26/12/2025: 29, 30, 31, (1–4/1 off) 5, 6, 7, 8, 9, Sat 10, 12.
    ["2026-01-02", false, PetitionKind.RECOMMENDATION, "2025-12-26", "2026-01-12", "2026-01-10"],
    // 7 working days from Tue 6/1/2026: 7, 8, 9, Sat 10, 12, 13, 14.
    ["2026-01-10", true, PetitionKind.DENUNCIATION, "2026-01-06", "2026-01-14", "2026-01-15"],
    // 7 working days from Wed 19/8/2026: 20, 21, Sat 22, 24, 25, 26, 27.
    ["2026-08-22", true, PetitionKind.DENUNCIATION, "2026-08-19", "2026-08-27", "2026-08-28"],
    // 7 working days from Mon 24/8/2026: 25, 26, 27, 28, (29/8–2/9 off) 3, 4, 7.
    ["2026-08-31", false, PetitionKind.DENUNCIATION, "2026-08-24", "2026-09-07", "2026-09-04"],
    // 7 working days from Thu 27/8/2026: 28, (29/8–2/9 off) 3, 4, 7, 8, 9, 10.
    ["2026-09-01", false, PetitionKind.DENUNCIATION, "2026-08-27", "2026-09-10", "2026-09-09"],
    // 7 working days from Mon 31/8/2026: (to 2/9 off) 3, 4, 7, 8, 9, 10, 11.
    ["2026-09-03", true, PetitionKind.DENUNCIATION, "2026-08-31", "2026-09-11", "2026-09-14"],
  ];

describe("DECLARED_DAYS: the days the 2016–2026 announcements moved", () => {
  for (const [on, working, kind, receivedOn, due, dueWithout] of ADDED) {
    it(`${on} is ${working ? "worked" : "off"}, and a deadline spanning it moves by a working day`, () => {
      assert.equal(cal.isWorkingDay(on), working);
      assert.equal(without(on).isWorkingDay(on), !working, "holidays.ts alone says otherwise: the row is needed");
      assert.equal(acceptanceDueOn(facts(kind, receivedOn), cal), due);
      assert.equal(acceptanceDueOn(facts(kind, receivedOn), without(on)), dueWithout);
      // One working day apart: a Saturday worked brings it forward, a day off puts it back.
      const [earlier, later] = working ? [due, dueWithout] : [dueWithout, due];
      assert.equal(cal.addWorkingDays(earlier, 1), later);
    });
  }

  it("works only Saturdays, and the weekdays a computed holiday would have taken; every row has its source", () => {
    for (const d of DECLARED_DAYS) {
      if (d.working && d.on !== "2025-09-03" && d.on !== "2026-09-03") assert.equal(isoWeekday(d.on), 6, d.on);
      assert.ok(d.decision.length > 20 && d.decision.length <= 300, d.on);
    }
    const sorted = DECLARED_DAYS.map((d) => d.on);
    assert.deepEqual(sorted, [...sorted].sort(), "in date order");
    assert.equal(new Set(sorted).size, sorted.length, "one row a day");
  });

  it("gives the announced spans off around each added day", () => {
    offExactly("2018-12-29", "2019-01-01"); // Thông báo 3238/TB-LĐTBXH
    offExactly("2025-04-30", "2025-05-04"); // Thông báo 6150/TB-BLĐTBXH
    offExactly("2025-08-30", "2025-09-02");
    offExactly("2026-01-01", "2026-01-04"); // Công văn 12729/VPCP-KGVX
    offExactly("2026-08-29", "2026-09-02"); // Bộ Nội vụ, Thông báo 9441
    for (const saturday of ["2019-01-05", "2025-04-26", "2026-01-10", "2026-08-22"]) {
      assert.equal(cal.isWorkingDay(saturday), true, saturday);
    }
  });
});

/**
 * Each year's weekdays off and Saturdays worked for civil servants, as announced (the sources are
 * listed in declared-days.ts's doc comment): the years checked against the announcements.
 */
const ANNOUNCED: [year: number, weekdaysOff: string, saturdaysWorked: string][] = [
  [2016, "01-01 02-08 02-09 02-10 02-11 02-12 04-18 05-02 05-03 09-02", ""],
  [2017, "01-02 01-26 01-27 01-30 01-31 02-01 04-06 05-01 05-02 09-04", ""],
  [2018, "01-01 02-14 02-15 02-16 02-19 02-20 04-25 04-30 05-01 09-03 12-31", ""],
  [2019, "01-01 02-04 02-05 02-06 02-07 02-08 04-15 04-29 04-30 05-01 09-02", "01-05 05-04"],
  [2020, "01-01 01-23 01-24 01-27 01-28 01-29 04-02 04-30 05-01 09-02", ""],
  [2021, "01-01 02-10 02-11 02-12 02-15 02-16 04-21 04-30 05-03 09-02 09-03", ""],
  [2022, "01-03 01-31 02-01 02-02 02-03 02-04 04-11 05-02 05-03 09-01 09-02", ""],
  [2023, "01-02 01-20 01-23 01-24 01-25 01-26 05-01 05-02 05-03 09-01 09-04", ""],
  [2024, "01-01 02-08 02-09 02-12 02-13 02-14 04-18 04-29 04-30 05-01 09-02 09-03", "05-04"],
  [2025, "01-01 01-27 01-28 01-29 01-30 01-31 04-07 04-30 05-01 05-02 09-01 09-02", "04-26"],
  [2026, "01-01 01-02 02-16 02-17 02-18 02-19 02-20 04-27 04-30 05-01 08-31 09-01 09-02", "01-10 08-22"],
];

describe("WorkingCalendar: 2016–2026 as announced for civil servants", () => {
  for (const [year, weekdaysOff, saturdaysWorked] of ANNOUNCED) {
    it(`${year}: the weekdays off and the Saturdays worked`, () => {
      const off: string[] = [];
      const worked: string[] = [];
      for (let d = `${year}-01-01`; d <= `${year}-12-31`; d = addDays(d, 1)) {
        const weekend = isoWeekday(d) >= 6;
        if (!weekend && !cal.isWorkingDay(d)) off.push(d.slice(5));
        if (weekend && cal.isWorkingDay(d)) worked.push(d.slice(5));
      }
      assert.deepEqual(off.join(" "), weekdaysOff);
      assert.deepEqual(worked.join(" "), saturdaysWorked);
    });
  }
});
