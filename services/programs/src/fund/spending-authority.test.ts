import { describe, it } from "node:test";
import assert from "node:assert/strict";
import {
  FUND_AUTHORITY,
  refusedBy,
  standingOf,
  transferAct,
  type FundAct,
  type FundRule,
  type FundStanding,
} from "./spending-authority.js";

// The province, Long Xuyên (883) with Mỹ Bình (30280) and Mỹ Long (30283), Châu Đốc (884) with Châu Phú B (30316).
const officer = (org?: string) => ({ roles: ["OFFICER"], ...(org ? { organisationId: org } : {}) });

describe("spending authority: who may move which fund's money", () => {
  it("places the caller towards a fund by role and Front committee", () => {
    const cases: [{ roles: string[]; organisationId?: string }, string, FundStanding][] = [
      [{ roles: ["ADMIN"] }, "30280", "ADMINISTRATOR"],
      [{ roles: ["OFFICER", "ADMIN"], organisationId: "HND-884" }, "89", "ADMINISTRATOR"],
      [officer("MTTQ-30280"), "30280", "OWN_BOARD"],
      [officer("MTTQ-883"), "883", "OWN_BOARD"],
      [officer("MTTQ-89"), "89", "OWN_BOARD"],
      [officer("MTTQ-883"), "30280", "BOARD_ABOVE"],
      [officer("MTTQ-89"), "30280", "BOARD_ABOVE"],
      [officer("MTTQ-89"), "884", "BOARD_ABOVE"],
      [officer("MTTQ-30280"), "883", "OTHER_OFFICER"], // a board below
      [officer("MTTQ-884"), "30280", "OTHER_OFFICER"], // another district
      [officer("MTTQ-30283"), "30280", "OTHER_OFFICER"], // a neighbouring commune
      [officer("HND-30280"), "30280", "OTHER_OFFICER"], // the Farmers' Union, not the Front
      [officer("HND-883"), "30280", "OTHER_OFFICER"],
      [officer("MTTQ-3028"), "3028", "OTHER_OFFICER"], // not a unit code
      [officer(), "30280", "OTHER_OFFICER"],
      [{ roles: ["ANALYST"] }, "30280", "NO_WRITE_ROLE"],
      [{ roles: ["HANDLING_OFFICER"], organisationId: "MTTQ-30280" }, "30280", "NO_WRITE_ROLE"],
      [{ roles: [] }, "30280", "NO_WRITE_ROLE"],
      // The 2025 map (issue 27): its funds' boards are the "-25" committees, the merged province above the communes.
      [officer("MTTQ-30307-25"), "30307-25", "OWN_BOARD"],
      [officer("MTTQ-91-25"), "91-25", "OWN_BOARD"],
      [officer("MTTQ-91-25"), "30307-25", "BOARD_ABOVE"],
      [officer("MTTQ-30292-25"), "30307-25", "OTHER_OFFICER"],
      [officer("MTTQ-30307"), "30307-25", "OTHER_OFFICER"], // Mỹ Hòa's board, of the 2019 map
      [officer("MTTQ-89"), "30307-25", "OTHER_OFFICER"],
      [officer("MTTQ-30307-25"), "30307", "OTHER_OFFICER"], // Mỹ Hòa's fund, of the 2019 map
      [officer("MTTQ-91-25"), "883", "OTHER_OFFICER"],
      [officer("MTTQ-883-25"), "883", "OTHER_OFFICER"], // not an id of either map
    ];
    for (const [caller, unit, standing] of cases)
      assert.equal(standingOf(caller, unit), standing, `${JSON.stringify(caller)} → ${unit}`);
  });

  it("names a transfer by its way: down to any unit below, up to any unit above, else across", () => {
    const cases: [string, string, FundAct][] = [
      ["89", "883", "TRANSFER_DOWN"],
      ["89", "30280", "TRANSFER_DOWN"],
      ["883", "30280", "TRANSFER_DOWN"],
      ["30280", "883", "TRANSFER_UP"],
      ["30280", "89", "TRANSFER_UP"],
      ["883", "89", "TRANSFER_UP"],
      ["883", "884", "TRANSFER_ACROSS"],
      ["30280", "30283", "TRANSFER_ACROSS"],
      ["883", "30316", "TRANSFER_ACROSS"],
      ["30316", "883", "TRANSFER_ACROSS"],
      ["91-25", "30307-25", "TRANSFER_DOWN"],
      ["30307-25", "91-25", "TRANSFER_UP"],
      ["30307-25", "30292-25", "TRANSFER_ACROSS"],
      ["89", "30307-25", "TRANSFER_ACROSS"],
      ["30307-25", "883", "TRANSFER_ACROSS"],
    ];
    for (const [from, to, act] of cases) assert.equal(transferAct(from, to), act, `${from} → ${to}`);
  });

  it("lets only the fund's own board and administrators credit, spend and transfer; never across", () => {
    // Every act × standing, written out: null is allowed, else the rule that refuses.
    const table: Record<FundAct, Record<FundStanding, FundRule | null>> = {
      CREDIT: {
        ADMINISTRATOR: null,
        OWN_BOARD: null,
        BOARD_ABOVE: "FUND_BOARD_ONLY",
        OTHER_OFFICER: "FUND_BOARD_ONLY",
        NO_WRITE_ROLE: "FUND_BOARD_ONLY",
      },
      SPEND: {
        ADMINISTRATOR: null,
        OWN_BOARD: null,
        BOARD_ABOVE: "HIGHER_LEVEL_NEVER_SPENDS",
        OTHER_OFFICER: "FUND_BOARD_ONLY",
        NO_WRITE_ROLE: "FUND_BOARD_ONLY",
      },
      TRANSFER_DOWN: {
        ADMINISTRATOR: null,
        OWN_BOARD: null,
        BOARD_ABOVE: "HIGHER_LEVEL_NEVER_SPENDS",
        OTHER_OFFICER: "FUND_BOARD_ONLY",
        NO_WRITE_ROLE: "FUND_BOARD_ONLY",
      },
      TRANSFER_UP: {
        ADMINISTRATOR: null,
        OWN_BOARD: null,
        BOARD_ABOVE: "HIGHER_LEVEL_NEVER_SPENDS",
        OTHER_OFFICER: "FUND_BOARD_ONLY",
        NO_WRITE_ROLE: "FUND_BOARD_ONLY",
      },
      TRANSFER_ACROSS: {
        ADMINISTRATOR: "NO_TRANSFER_ACROSS",
        OWN_BOARD: "NO_TRANSFER_ACROSS",
        BOARD_ABOVE: "NO_TRANSFER_ACROSS",
        OTHER_OFFICER: "NO_TRANSFER_ACROSS",
        NO_WRITE_ROLE: "NO_TRANSFER_ACROSS",
      },
    };
    assert.deepEqual(Object.keys(table).sort(), Object.keys(FUND_AUTHORITY).sort());
    for (const [act, row] of Object.entries(table) as [FundAct, Record<FundStanding, FundRule | null>][])
      for (const [standing, rule] of Object.entries(row) as [FundStanding, FundRule | null][])
        assert.equal(refusedBy(act, standing), rule, `${standing} ${act}`);
  });

  it("reads the cases the issue names from a real officer's token", () => {
    const act = (caller: ReturnType<typeof officer>, a: FundAct, fundUnit: string) =>
      refusedBy(a, standingOf(caller, fundUnit));
    // Long Xuyên's board sends money down to Mỹ Bình, and spends its own.
    assert.equal(act(officer("MTTQ-883"), transferAct("883", "30280"), "883"), null);
    assert.equal(act(officer("MTTQ-883"), "SPEND", "883"), null);
    // It never spends Mỹ Bình's money, nor moves it anywhere.
    assert.equal(act(officer("MTTQ-883"), "SPEND", "30280"), "HIGHER_LEVEL_NEVER_SPENDS");
    assert.equal(act(officer("MTTQ-883"), transferAct("30280", "30283"), "30280"), "NO_TRANSFER_ACROSS");
    assert.equal(act(officer("MTTQ-89"), transferAct("883", "30280"), "883"), "HIGHER_LEVEL_NEVER_SPENDS");
    // Mỹ Bình's board spends its own fund and may send money back up (a return, bounded by the ledger).
    assert.equal(act(officer("MTTQ-30280"), "SPEND", "30280"), null);
    assert.equal(act(officer("MTTQ-30280"), transferAct("30280", "883"), "30280"), null);
    // The Farmers' Union of Mỹ Bình, Châu Đốc's Front and the province's officers without a board may not.
    assert.equal(act(officer("HND-30280"), "SPEND", "30280"), "FUND_BOARD_ONLY");
    assert.equal(act(officer("MTTQ-884"), "CREDIT", "883"), "FUND_BOARD_ONLY");
    assert.equal(act(officer(), transferAct("89", "883"), "89"), "FUND_BOARD_ONLY");
  });
});
