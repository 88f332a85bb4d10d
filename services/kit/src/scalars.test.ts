import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { DateScalar, isCalendarDate, MoneyScalar, todayInProvince } from "./scalars.js";

describe("scalars", () => {
  it("Date accepts real calendar dates only, as strings", () => {
    assert.equal(DateScalar.parseValue("2020-02-29"), "2020-02-29");
    assert.throws(() => DateScalar.parseValue("2019-02-29"));
    assert.throws(() => DateScalar.parseValue("29/02/2020"));
    assert.equal(DateScalar.serialize("2020-12-31"), "2020-12-31");
    assert.ok(isCalendarDate("2020-02-29") && !isCalendarDate("2021-02-29") && !isCalendarDate("2020-1-1"));
  });

  it("money is 64-bit safe: numbers within 2^53, strings above, never a float", () => {
    assert.equal(MoneyScalar.serialize(1_375_000_000_000), 1_375_000_000_000);
    assert.equal(MoneyScalar.serialize("1375000000000"), 1_375_000_000_000);
    assert.equal(MoneyScalar.serialize(9_223_372_036_854_775_807n), "9223372036854775807");
    assert.throws(() => MoneyScalar.serialize(1.5));
    assert.equal(MoneyScalar.parseValue(2_500_000), 2_500_000n);
    assert.equal(MoneyScalar.parseValue("9223372036854775807"), 9_223_372_036_854_775_807n);
    assert.throws(() => MoneyScalar.parseValue(1.5));
    assert.throws(() => MoneyScalar.parseValue("12abc"));
  });

  it("today is the province's calendar day (UTC+7)", () => {
    assert.equal(todayInProvince(new Date("2020-12-31T17:30:00Z")), "2021-01-01");
    assert.equal(todayInProvince(new Date("2020-12-31T16:30:00Z")), "2020-12-31");
  });
});
