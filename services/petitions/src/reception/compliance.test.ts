import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { complianceFor, receptionWindow, requiredSessions } from "./compliance.js";
import { RECEPTION_FREQUENCY } from "./reception-frequency.js";
import { monthBounds, weeksStartingIn } from "./reception-weeks.js";

describe("the weeks a month answers for (ISO weeks starting in the month)", () => {
  it("has 4 or 5 weeks, each Monday to Sunday", () => {
    assert.deepEqual(
      weeksStartingIn("2019-02").map((w) => w.start),
      ["2019-02-04", "2019-02-11", "2019-02-18", "2019-02-25"],
    );
    assert.deepEqual(
      weeksStartingIn("2019-04").map((w) => w.start),
      ["2019-04-01", "2019-04-08", "2019-04-15", "2019-04-22", "2019-04-29"],
    );
    assert.deepEqual(weeksStartingIn("2019-04").at(-1), { start: "2019-04-29", end: "2019-05-05" });
    assert.equal(weeksStartingIn("2019-09")[0]!.start, "2019-09-02", "1 September 2019 is a Sunday");
  });

  it("gives every week of a year to exactly one month", () => {
    const starts = Array.from({ length: 12 }, (_, i) => `2019-${String(i + 1).padStart(2, "0")}`).flatMap((m) =>
      weeksStartingIn(m).map((w) => w.start),
    );
    assert.equal(starts.length, 52);
    assert.equal(new Set(starts).size, 52);
    const weeks2020 = Array.from(
      { length: 12 },
      (_, i) => weeksStartingIn(`2020-${String(i + 1).padStart(2, "0")}`).length,
    );
    assert.equal(
      weeks2020.reduce((a, b) => a + b),
      52,
    );
  });

  it("knows month bounds, and refuses a malformed month", () => {
    assert.deepEqual(monthBounds("2020-02"), { first: "2020-02-01", last: "2020-02-29" });
    assert.deepEqual(monthBounds("2019-12"), { first: "2019-12-01", last: "2019-12-31" });
    for (const bad of ["2019-13", "2019-1", "2019-02-01", ""])
      assert.throws(() => requiredSessions("COMMUNE", bad), RangeError);
  });
});

describe("required reception days (Law on Citizen Reception 2013)", () => {
  it("cites the article for each level", () => {
    assert.match(RECEPTION_FREQUENCY.COMMUNE.law, /Art\. 15\(2\)\(d\)/);
    assert.match(RECEPTION_FREQUENCY.DISTRICT.law, /Art\. 13\(5\)/);
    assert.match(RECEPTION_FREQUENCY.PROVINCE.law, /Art\. 12\(5\)/);
  });

  it("requires the commune chair 1 day a week: 4 or 5 a month", () => {
    assert.equal(requiredSessions("COMMUNE", "2019-02"), 4);
    assert.equal(requiredSessions("COMMUNE", "2019-04"), 5);
  });

  it("requires the district chair 2 days and the province chair 1 day a month, whatever its weeks", () => {
    for (const month of ["2019-02", "2019-04"]) {
      assert.equal(requiredSessions("DISTRICT", month), 2);
      assert.equal(requiredSessions("PROVINCE", month), 1);
    }
  });
});

describe("commune compliance: a reception day in every week", () => {
  it("a 4-week month (February 2019): one day each week complies", () => {
    const r = complianceFor("COMMUNE", "2019-02", ["2019-02-05", "2019-02-12", "2019-02-19", "2019-02-26"]);
    assert.deepEqual(r, { required: 4, held: 4, compliant: true, missingWeeks: [] });
  });

  it("a 5-week month (April 2019): four weeks out of five does not comply", () => {
    const four = ["2019-04-02", "2019-04-09", "2019-04-16", "2019-04-23"];
    assert.deepEqual(complianceFor("COMMUNE", "2019-04", four), {
      required: 5,
      held: 4,
      compliant: false,
      missingWeeks: ["2019-04-29"],
    });
    assert.equal(complianceFor("COMMUNE", "2019-04", [...four, "2019-04-30"]).compliant, true);
  });

  it("judges a straddling week with the month of its Monday, on all its days", () => {
    const april = ["2019-04-02", "2019-04-09", "2019-04-16", "2019-04-23", "2019-05-02"];
    assert.equal(
      complianceFor("COMMUNE", "2019-04", april).compliant,
      true,
      "Thursday 2 May is in the week of 29 April",
    );
    const may = complianceFor("COMMUNE", "2019-05", ["2019-05-02", "2019-05-07", "2019-05-14", "2019-05-21"]);
    assert.deepEqual(may, { required: 4, held: 3, compliant: false, missingWeeks: ["2019-05-27"] });
    assert.deepEqual(receptionWindow("COMMUNE", "2019-05"), { from: "2019-05-06", to: "2019-06-02" });
  });

  it("counts distinct days, and extra days in one week do not make up for an empty week", () => {
    const r = complianceFor("COMMUNE", "2019-02", [
      "2019-02-05",
      "2019-02-05",
      "2019-02-06",
      "2019-02-07",
      "2019-02-08",
      "2019-02-26",
    ]);
    assert.deepEqual(r, { required: 4, held: 5, compliant: false, missingWeeks: ["2019-02-11", "2019-02-18"] });
  });

  it("with no session at all, misses every week", () => {
    assert.deepEqual(complianceFor("COMMUNE", "2019-02", []).missingWeeks, [
      "2019-02-04",
      "2019-02-11",
      "2019-02-18",
      "2019-02-25",
    ]);
  });
});

describe("district and province compliance: days in the calendar month", () => {
  it("district: two distinct days comply, one day twice does not", () => {
    assert.deepEqual(complianceFor("DISTRICT", "2019-04", ["2019-04-15", "2019-04-25"]), {
      required: 2,
      held: 2,
      compliant: true,
    });
    assert.deepEqual(complianceFor("DISTRICT", "2019-04", ["2019-04-15", "2019-04-15"]), {
      required: 2,
      held: 1,
      compliant: false,
    });
  });

  it("district: days outside the month do not count (in 4- and 5-week months alike)", () => {
    assert.equal(complianceFor("DISTRICT", "2019-02", ["2019-01-31", "2019-02-15", "2019-03-01"]).compliant, false);
    assert.equal(complianceFor("DISTRICT", "2019-02", ["2019-02-01", "2019-02-28"]).compliant, true);
    assert.deepEqual(receptionWindow("DISTRICT", "2019-04"), { from: "2019-04-01", to: "2019-04-30" });
  });

  it("province: one day a month complies, none does not", () => {
    assert.deepEqual(complianceFor("PROVINCE", "2019-02", ["2019-02-15"]), { required: 1, held: 1, compliant: true });
    assert.deepEqual(complianceFor("PROVINCE", "2019-04", ["2019-03-15", "2019-05-15"]), {
      required: 1,
      held: 0,
      compliant: false,
    });
  });

  it("refuses a malformed session date", () => {
    assert.throws(() => complianceFor("PROVINCE", "2019-02", ["2019-02-30"]), RangeError);
  });
});
