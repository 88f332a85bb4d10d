import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { addDays, daysBetween, isCalendarDate, isoWeekday } from "./calendar-date.js";

describe("calendar dates", () => {
  it("accepts real dates only", () => {
    assert.deepEqual(
      ["2019-02-28", "2019-02-29", "2020-02-29", "2019-13-01", "2019-1-01", "2019-04-31", ""].map(isCalendarDate),
      [true, false, true, false, false, false, false],
    );
  });

  it("adds calendar days across month, year and leap-day boundaries", () => {
    assert.equal(addDays("2019-03-01", 30), "2019-03-31");
    assert.equal(addDays("2019-12-28", 10), "2020-01-07");
    assert.equal(addDays("2020-02-25", 10), "2020-03-06");
    assert.equal(addDays("2019-02-25", 10), "2019-03-07");
    assert.equal(addDays("2019-03-01", -1), "2019-02-28");
    assert.throws(() => addDays("2019-03-01", 1.5), RangeError);
    assert.throws(() => addDays("2019-02-30", 1), RangeError);
  });

  it("counts days between two dates, signed", () => {
    assert.equal(daysBetween("2019-03-01", "2019-03-31"), 30);
    assert.equal(daysBetween("2019-03-31", "2019-03-01"), -30);
    assert.equal(daysBetween("2019-03-01", "2019-03-01"), 0);
    assert.equal(daysBetween("2019-01-01", "2020-01-01"), 365);
    assert.equal(daysBetween("2020-01-01", "2021-01-01"), 366);
  });

  it("names ISO weekdays, Monday 1 to Sunday 7", () => {
    assert.deepEqual(["2019-04-01", "2019-04-06", "2019-04-07"].map(isoWeekday), [1, 6, 7]);
  });

  it("does not depend on the process time zone (UTC arithmetic only)", () => {
    const saved = process.env.TZ;
    try {
      for (const tz of ["Pacific/Kiritimati", "America/Los_Angeles", "Asia/Ho_Chi_Minh"]) {
        process.env.TZ = tz;
        assert.equal(addDays("2019-03-30", 2), "2019-04-01", tz);
        assert.equal(daysBetween("2019-03-09", "2019-03-11"), 2, tz);
        assert.equal(isoWeekday("2019-04-01"), 1, tz);
      }
    } finally {
      if (saved === undefined) delete process.env.TZ;
      else process.env.TZ = saved;
    }
  });
});
