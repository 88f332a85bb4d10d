import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { exitProblems, isMemberOn, joinProblems } from "./membership.js";
import { MemberStatus } from "./member-status.js";
import { kitMessage, maskName } from "@danvan/kit";
import { orgMessage } from "../messages.js";

describe("membership rules", () => {
  it("counts a member from the join day until the day before leaving", () => {
    const m = { joinedOn: "2010-05-01", leftOn: "2015-03-01" };
    assert.equal(isMemberOn(m, "2010-04-30"), false);
    assert.equal(isMemberOn(m, "2010-05-01"), true);
    assert.equal(isMemberOn(m, "2015-02-28"), true);
    assert.equal(isMemberOn(m, "2015-03-01"), false);
    assert.equal(isMemberOn({ joinedOn: "2010-05-01", leftOn: null }, "2030-01-01"), true);
  });

  it("checks exits: active memberships only, a leaving status, sensible dates", () => {
    const active = { joinedOn: "2010-05-01", leftOn: null, status: MemberStatus.ACTIVE };
    assert.deepEqual(
      exitProblems(active, { leftOn: "2020-01-01", status: MemberStatus.TRANSFERRED }, "2020-06-01"),
      [],
    );
    assert.deepEqual(
      exitProblems(active, { leftOn: "2009-01-01", status: MemberStatus.CEASED }, "2020-06-01").map((p) => p.path),
      ["input.leftOn"],
    );
    assert.deepEqual(
      exitProblems(active, { leftOn: "2021-01-01", status: MemberStatus.CEASED }, "2020-06-01").map((p) => p.message),
      [kitMessage("notInFuture")],
    );
    assert.deepEqual(
      exitProblems(active, { leftOn: "2020-01-01", status: MemberStatus.ACTIVE }, "2020-06-01").map((p) => p.path),
      ["input.status"],
    );
    const ended = { joinedOn: "2010-05-01", leftOn: "2012-01-01", status: MemberStatus.CEASED };
    assert.deepEqual(exitProblems(ended, { leftOn: "2020-01-01", status: MemberStatus.DECEASED }, "2020-06-01"), [
      { path: "input.memberId", message: orgMessage("membershipEnded") },
    ]);
  });

  it("checks joins: not in the future (who may join is each organisation's rules)", () => {
    assert.deepEqual(joinProblems({ joinedOn: "2020-01-01" }, "2020-06-01"), []);
    assert.deepEqual(joinProblems({ joinedOn: "2020-06-01" }, "2020-06-01"), []);
    assert.deepEqual(
      joinProblems({ joinedOn: "2020-07-01" }, "2020-06-01").map((p) => p.path),
      ["input.joinedOn"],
    );
  });

  it("masks a name to its initials", () => {
    assert.equal(maskName("Nguyễn Thị Ánh"), "N. T. Á.");
    assert.equal(maskName("  Lê  Văn An "), "L. V. A.");
  });
});
