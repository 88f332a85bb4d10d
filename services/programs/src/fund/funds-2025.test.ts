import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { referenceUnits } from "@danvan/kit";
import { FUND_ID_PATTERN, fundIdFor, fundOpenOn, unitOfFund } from "./fund.entity.js";
import { householdFundsOn } from "./fund-of-the-day.js";
import { carryOverOf, carryOversOf, funds2025 } from "./funds-2025.js";

describe("the funds follow the map (issue 27, pure)", () => {
  it("opens a fund for the merged province and each of its 102 communes on 2025-07-01, with ids that cannot collide", () => {
    const funds = funds2025();
    assert.equal(funds.length, 103);
    assert.ok(funds.every((f) => f.openedOn === "2025-07-01" && f.id === `QVNN-${f.unitCode}-25`));
    assert.ok(funds.every((f) => f.organisationId === `MTTQ-${f.unitCode}-25` && f.id.length <= 16));
    const longXuyen = funds.find((f) => f.id === "QVNN-30307-25")!;
    assert.equal(longXuyen.name, "Quỹ Vì người nghèo Phường Long Xuyên");
    assert.equal(fundIdFor("30307"), "QVNN-30307", "Phường Mỹ Hòa's fund keeps its id");
    assert.equal(fundIdFor("30307", "2025-07-01"), "QVNN-30307-25");
    assert.equal(unitOfFund("QVNN-30307-25"), "30307");
    assert.equal(unitOfFund("QVNN-883"), "883");
    for (const id of ["QVNN-91-25", "QVNN-30307-25", "QVNN-883", "QVNN-89", "QVNN-30280"])
      assert.match(id, FUND_ID_PATTERN);
    for (const id of ["QVNN-883-25", "QVNN-3028", "QVNN-30307-2025", "QVNN-30307-26"])
      assert.doesNotMatch(id, FUND_ID_PATTERN);
  });

  it("carries each 2019 fund's balance to the fund of the unit that took its territory, the day after its last", () => {
    const plan = carryOversOf(referenceUnits.map((u) => u.code));
    assert.equal(plan.length, 168);
    const of = (code: string) => {
      const c = carryOverOf(code)!;
      return [c.toFundId, c.lastDay, c.on];
    };
    assert.deepEqual(of("89"), ["QVNN-91-25", "2025-06-30", "2025-07-01"]);
    assert.deepEqual(of("883"), ["QVNN-91-25", "2025-06-30", "2025-07-01"]);
    assert.deepEqual(of("30280"), ["QVNN-30307-25", "2025-06-30", "2025-07-01"]);
    assert.deepEqual(of("30307"), ["QVNN-30307-25", "2025-06-30", "2025-07-01"], "Mỹ Hòa into Long Xuyên");
    // Đông Xuyên merged into Mỹ Xuyên on 2025-01-01, whose fund goes on to Long Xuyên's.
    assert.deepEqual(of("30285"), ["QVNN-30286", "2024-12-31", "2025-01-01"]);
    assert.deepEqual(of("30286"), ["QVNN-30307-25", "2025-06-30", "2025-07-01"]);
    // A commune split in 2025 goes whole to one part (Xã Vĩnh Châu: to Châu Đốc's 30316 of its two).
    assert.deepEqual(of("30334"), ["QVNN-30316-25", "2025-06-30", "2025-07-01"]);
    assert.equal(plan[0]!.fromFundId, "QVNN-30285", "in date order");
    assert.match(carryOverOf("30280")!.note, /202\/2025\/QH15.*1654\/NQ-UBTVQH15/);
    assert.match(carryOverOf("30285")!.note, /1285\/NQ-UBTVQH15/);
    assert.equal(carryOverOf("30307-25"), null);
    // Every target is a 2025 fund, but Đông Xuyên's.
    const targets = new Set(funds2025().map((f) => f.id));
    assert.deepEqual(
      plan.filter((c) => !targets.has(c.toFundId)).map((c) => c.fromFundId),
      ["QVNN-30285"],
    );
  });

  it("opens a fund for entries from its first day to its last, and pays for a household from its commune of the day", () => {
    const old = { openedOn: "2009-01-01", closedOn: "2025-06-30" };
    assert.equal(fundOpenOn(old, "2025-06-30"), true);
    assert.equal(fundOpenOn(old, "2025-07-01"), false);
    assert.equal(fundOpenOn(old, "2008-12-31"), false);
    assert.equal(fundOpenOn({ openedOn: "2025-07-01", closedOn: null }, "2026-01-01"), true);
    assert.equal(fundOpenOn({ openedOn: "2025-07-01", closedOn: null }, "2025-06-30"), false);
    assert.deepEqual(householdFundsOn("30280", "2020-01-01"), ["QVNN-30280", "QVNN-883", "QVNN-89"]);
    assert.deepEqual(householdFundsOn("30280", "2026-01-01"), ["QVNN-30307-25", "QVNN-91-25"]);
    assert.deepEqual(householdFundsOn("30285", "2025-03-01"), ["QVNN-30286", "QVNN-883", "QVNN-89"]);
    assert.deepEqual(householdFundsOn("30334", "2026-01-01").sort(), ["QVNN-30316-25", "QVNN-30325-25", "QVNN-91-25"]);
  });
});
