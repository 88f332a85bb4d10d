import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { addDays } from "./calendar-date.js";
import { holidaysOf } from "./holidays.js";
import { LUNAR_DATES, lunarDatesOf } from "./lunar-dates.js";
import { BUILT_IN_CALENDAR, WorkingCalendar } from "./working-calendar.js";

const cal = BUILT_IN_CALENDAR;

/** Every day from `from` to `to` is off, and the days just outside are working days. */
function offExactly(from: string, to: string, c = cal) {
  assert.equal(c.isWorkingDay(addDays(from, -1)), true, `${addDays(from, -1)} is a working day`);
  for (let d = from; d <= to; d = addDays(d, 1)) assert.equal(c.isWorkingDay(d), false, `${d} is off`);
  assert.equal(c.isWorkingDay(addDays(to, 1)), true, `${addDays(to, 1)} is a working day`);
}

describe("WorkingCalendar: Tết as the Ministry of Labour announced it for civil servants", () => {
  // Announced spans (weekends included); the calendar derives them from the lunar table, the
  // Labour Code's days and the declared swaps.
  const announced: [year: number, from: string, to: string][] = [
    [2015, "2015-02-15", "2015-02-23"], // with the swap: Sat 14/2 worked, Mon 16/2 off
    [2016, "2016-02-06", "2016-02-14"],
    [2017, "2017-01-26", "2017-02-01"],
    [2018, "2018-02-14", "2018-02-20"],
    [2019, "2019-02-02", "2019-02-10"],
    [2020, "2020-01-23", "2020-01-29"],
    [2021, "2021-02-10", "2021-02-16"],
    [2022, "2022-01-29", "2022-02-06"],
    [2023, "2023-01-20", "2023-01-26"],
    [2024, "2024-02-08", "2024-02-14"],
    [2025, "2025-01-25", "2025-02-02"],
    [2026, "2026-02-14", "2026-02-22"],
  ];
  for (const [year, from, to] of announced) it(`${year}: off ${from} to ${to}`, () => offExactly(from, to));

  it("works the Saturday declared for the 2015 swap", () => {
    assert.equal(cal.isWorkingDay("2015-02-14"), true);
    assert.equal(new WorkingCalendar([]).isWorkingDay("2015-02-14"), false, "a plain Saturday without the declaration");
  });
});

describe("WorkingCalendar: the solar holidays, their weekend compensation and the swaps", () => {
  it("takes a holiday falling on a weekend on the next working day (New Year 2017, Hùng Kings' day 2019)", () => {
    offExactly("2016-12-31", "2017-01-02");
    offExactly("2019-04-13", "2019-04-15");
  });

  it("gives 30/4–1/5/2019 with the swap: Mon 29/4 off, Sat 4/5 worked", () => {
    offExactly("2019-04-27", "2019-05-01");
    assert.equal(cal.isWorkingDay("2019-05-04"), true);
  });

  it("chains Hùng Kings' day, 30/4 and 1/5/2023 falling on Sat, Sun, Mon: 2/5 and 3/5 off", () => {
    offExactly("2023-04-29", "2023-05-03");
  });

  it("gives National Day one day under the 2012 Code, two (with the day beside it) from 2021", () => {
    offExactly("2020-09-02", "2020-09-02");
    offExactly("2021-09-02", "2021-09-05"); // Thu 2/9, Fri 3/9, then the weekend
    offExactly("2023-09-01", "2023-09-04"); // Fri 1/9, Sat 2/9 (taken on Mon 4/9)
  });

  it("gives Tết 4 days under the 1994 Code (to 30/4/2013), 5 after", () => {
    const tetDays = (year: number) => holidaysOf(year).filter((h) => h.name === "Tết").length;
    assert.equal(tetDays(2012), 4);
    assert.equal(tetDays(2013), 4);
    assert.equal(tetDays(2014), 5);
    assert.equal(tetDays(2030), 5);
  });

  it("lets a declared day override weekends and holidays both ways", () => {
    const c = cal.with([
      { on: "2027-01-09", working: true, decision: "test: a Saturday worked" },
      { on: "2027-01-04", working: false, decision: "test: a Monday off" },
    ]);
    assert.equal(c.isWorkingDay("2027-01-09"), true);
    assert.equal(c.isWorkingDay("2027-01-04"), false);
    assert.equal(cal.isWorkingDay("2027-01-04"), true, "the built-in calendar is unchanged");
  });
});

describe("WorkingCalendar: counting", () => {
  it("rolls a day off forward to the next working day and leaves a working day alone", () => {
    assert.equal(cal.rollForward("2020-01-25"), "2020-01-30");
    assert.equal(cal.rollForward("2019-12-31"), "2019-12-31");
    assert.equal(cal.rollForward("2022-01-01"), "2022-01-04"); // Sat, Sun, New Year taken Mon 3/1
  });

  it("counts working days after a date, never the date itself", () => {
    assert.equal(cal.addWorkingDays("2019-12-27", 1), "2019-12-30");
    assert.equal(cal.addWorkingDays("2019-12-31", 1), "2020-01-02");
    assert.equal(cal.addWorkingDays("2020-01-22", 1), "2020-01-30");
    assert.throws(() => cal.addWorkingDays("2020-01-22", 0), RangeError);
    assert.throws(() => cal.isWorkingDay("2020-02-30"), RangeError);
  });

  it("knows only weekends and the solar holidays beyond the lunar table", () => {
    assert.equal(lunarDatesOf(2040), null);
    assert.equal(cal.isWorkingDay("2040-05-01"), false);
    assert.equal(cal.isWorkingDay("2040-02-13"), true, "no Tết without the table");
  });
});

describe("LUNAR_DATES", () => {
  it("covers the data (2010 on) and ten years ahead, in order, one row a year", () => {
    const years = LUNAR_DATES.map(([y]) => y);
    assert.equal(years[0], 2010);
    assert.ok(years.at(-1)! >= 2036);
    assert.deepEqual(
      years,
      Array.from({ length: years.length }, (_, i) => 2010 + i),
    );
    for (const [year, tet, hung] of LUNAR_DATES) {
      assert.ok(tet.startsWith(`${year}-0`) && tet >= `${year}-01-21` && tet <= `${year}-02-20`, `${year} Tết`);
      assert.ok(hung > tet && hung >= `${year}-03-29` && hung <= `${year}-04-29`, `${year} Hùng Kings`);
    }
  });

  it("follows Vietnam's calendar where it differs from China's: Tết 2030 on 2 February", () => {
    assert.equal(lunarDatesOf(2030)?.tet, "2030-02-02");
    assert.equal(lunarDatesOf(2019)?.hungKings, "2019-04-14");
    assert.equal(lunarDatesOf(2020)?.tet, "2020-01-25");
  });
});
