import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { canSeeUnit, scopeWindowsOf, windowsInScope } from "./auth.js";
import type { Identity } from "./identity/identity.js";
import { windowsOf } from "./units/index.js";

const officer = (unitCode: string): Identity => ({ sub: `officer-${unitCode}`, roles: ["OFFICER"], unitCode });

/** An officer's scope is a territory through time: reused codes never leak a later unit's records (issue 27). */
describe("officers' scope through time", () => {
  const oldCity = officer("883");
  const ward = officer("30307");

  it("lets an old district's officer see its communes' records of their time only", () => {
    assert.ok(canSeeUnit(oldCity, "30307", "2019-05-01"), "Phường Mỹ Hòa's record");
    assert.ok(!canSeeUnit(oldCity, "30307", "2026-01-01"), "Phường Long Xuyên's record");
    assert.ok(canSeeUnit(ward, "30307", "2019-05-01") && canSeeUnit(ward, "30307", "2026-01-01"));
    assert.ok(canSeeUnit(ward, "30280", "2019-05-01"), "a predecessor's record");
    assert.ok(!canSeeUnit(ward, "30301", "2019-05-01"), "a record of a commune that went elsewhere");
  });

  it("lets an officer ask for a unit by code only when its whole territory through time is in scope", () => {
    assert.ok(canSeeUnit(oldCity, "30280"));
    assert.ok(canSeeUnit(oldCity, "883"));
    assert.ok(!canSeeUnit(oldCity, "30307"), "today's Phường Long Xuyên also holds 2025–2026 records");
    assert.ok(canSeeUnit(ward, "30280") && canSeeUnit(ward, "30307"));
    assert.ok(!canSeeUnit(ward, "883") && !canSeeUnit(ward, "91"));
    assert.ok(canSeeUnit(officer("91"), "883") && canSeeUnit(officer("91"), "89"));
    assert.ok(!canSeeUnit({ sub: "anonymous", roles: [] }, "30307"));
    assert.ok(canSeeUnit({ sub: "a", roles: ["ANALYST"] }, "30307", "2026-01-01"));
  });

  it("cuts a unit's windows to the days the caller's scope holds them", () => {
    const windows = windowsInScope(windowsOf({ code: "30307", validFrom: "2025-07-01" }), scopeWindowsOf(oldCity));
    const of30307 = windows.filter((w) => w.code === "30307");
    assert.deepEqual(of30307, [{ code: "30307", from: "0001-01-01", to: "2025-06-30", validFrom: "2010-01-01" }]);
    assert.ok(windows.every((w) => w.to !== null && w.to <= "2025-06-30"));
    assert.equal(scopeWindowsOf({ sub: "a", roles: ["ADMIN"] }), null);
    assert.deepEqual(windowsInScope(windowsOf({ code: "30307", validFrom: "2025-07-01" }), []), []);
  });
});
