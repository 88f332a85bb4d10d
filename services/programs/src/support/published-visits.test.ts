import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { PovertyStatus } from "../poverty/poverty-status.js";
import { SupportKind } from "./support-kind.js";
import { countsAsVisit, isListed, LISTED_STATUSES, LISTED_STATUSES_SQL, VISIT_KINDS_SQL } from "./published-visits.js";

describe("household-visits as the province publishes them", () => {
  it("lists poor and near-poor households, not others nor a household not yet reviewed that year", () => {
    assert.deepEqual([PovertyStatus.POOR, PovertyStatus.NEAR_POOR, PovertyStatus.NOT_POOR, null].map(isListed), [
      true,
      true,
      false,
      false,
    ]);
    // The statuses spelt out here are the poverty feature's own.
    for (const s of LISTED_STATUSES) assert.ok((Object.values(PovertyStatus) as string[]).includes(s), s);
  });

  it("counts the Fund's kinds to a listed household; loans and technology transfer never", () => {
    const kinds = Object.values(SupportKind);
    const counted = (status: string | null) => kinds.filter((k) => countsAsVisit(k, status));
    const fundKinds = [
      SupportKind.TET_GIFT,
      SupportKind.EMERGENCY,
      SupportKind.STUDY,
      SupportKind.MEDICAL,
      SupportKind.PRODUCTION,
    ];
    assert.deepEqual(counted(PovertyStatus.POOR), fundKinds);
    assert.deepEqual(counted(PovertyStatus.NEAR_POOR), fundKinds);
    assert.deepEqual(counted(PovertyStatus.NOT_POOR), []);
    assert.deepEqual(counted(null), []);
    assert.equal(countsAsVisit(SupportKind.LOAN, PovertyStatus.POOR), false);
    assert.equal(countsAsVisit(SupportKind.TECHNOLOGY_TRANSFER, PovertyStatus.POOR), false);
  });

  it("writes the same lists for SQL, quoted constants only", () => {
    assert.equal(VISIT_KINDS_SQL, "'TET_GIFT', 'EMERGENCY', 'STUDY', 'MEDICAL', 'PRODUCTION'");
    assert.equal(LISTED_STATUSES_SQL, "'POOR', 'NEAR_POOR'");
  });
});
