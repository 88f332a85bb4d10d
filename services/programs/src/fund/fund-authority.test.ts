import { after, before, describe, it } from "node:test";
import assert from "node:assert/strict";
import { LocalizedError, type Identity } from "@danvan/kit";
import { ADMIN, ANALYST, officerOf } from "../testing/harness.js";
import { FundTransfer } from "./contribution.entity.js";
import { FundEntry } from "./fund.entity.js";
import { assertMaySpend } from "./fund-refusals.js";
import { openBooks, outcome, type Books } from "./fund-books.fixture.js";

const K = 1000;
const board = (unit: string) => officerOf(unit, `MTTQ-${unit}`);
const HANDLER_ONLY: Identity = {
  sub: "handler-883",
  roles: ["HANDLING_OFFICER"],
  unitCode: "883",
  organisationId: "MTTQ-883",
};

/** Spending authority through the mutations, on books where every fund involved holds money. */
describe("spending authority (integration)", () => {
  let b: Books;
  before(async () => {
    b = await openBooks();
    for (const fund of ["QVNN-89", "QVNN-883", "QVNN-30280", "QVNN-884"])
      assert.equal(outcome(await b.contribute(fund, "2020-01-01", 1000 * K)), "ok");
    // Long Xuyên allocates 200 to Mỹ Bình: what Mỹ Bình may later return.
    assert.equal(outcome(await b.transfer("QVNN-883", "QVNN-30280", "2020-01-05", 200 * K)), "ok");
  });
  after(async () => b?.h.close());

  it("lets only the fund's own campaign board, or an administrator, credit it", async () => {
    const cases: [string, Identity, string, string][] = [
      ["Long Xuyên's board, its own fund", board("883"), "QVNN-883", "ok"],
      ["Mỹ Bình's board, its own fund", board("30280"), "QVNN-30280", "ok"],
      ["an administrator", ADMIN, "QVNN-30280", "ok"],
      ["Long Xuyên's board, Mỹ Bình's fund", board("883"), "QVNN-30280", "FORBIDDEN FUND_BOARD_ONLY"],
      ["Mỹ Bình's Farmers' Union", officerOf("30280", "HND-30280"), "QVNN-30280", "FORBIDDEN FUND_BOARD_ONLY"],
      ["an officer without an organisation", officerOf("30280"), "QVNN-30280", "FORBIDDEN FUND_BOARD_ONLY"],
      ["Châu Đốc's board", board("884"), "QVNN-883", "FORBIDDEN FUND_BOARD_ONLY"],
      ["an analyst", ANALYST, "QVNN-883", "FORBIDDEN"],
    ];
    for (const [who, as, fund, expected] of cases)
      assert.equal(outcome(await b.contribute(fund, "2020-02-01", 1 * K, as)), expected, who);
  });

  it("lets a board send money down, return an allocation up, and nothing else", async () => {
    const transfers = await b.h.ds.getRepository(FundTransfer).count();
    const cases: [string, Identity, string, string, number, string][] = [
      ["Long Xuyên down to Mỹ Bình", board("883"), "QVNN-883", "QVNN-30280", 10 * K, "ok"],
      ["the province down to Mỹ Bình", board("89"), "QVNN-89", "QVNN-30280", 10 * K, "ok"],
      ["the province down to Châu Đốc", board("89"), "QVNN-89", "QVNN-884", 10 * K, "ok"],
      ["Mỹ Bình returns part of its allocation", board("30280"), "QVNN-30280", "QVNN-883", 50 * K, "ok"],
      ["an administrator down", ADMIN, "QVNN-883", "QVNN-30283", 10 * K, "ok"],
      // Refused, nothing written:
      [
        "the province moving Long Xuyên's money",
        board("89"),
        "QVNN-883",
        "QVNN-30280",
        1 * K,
        "FORBIDDEN HIGHER_LEVEL_NEVER_SPENDS",
      ],
      [
        "Long Xuyên taking Mỹ Bình's money up",
        board("883"),
        "QVNN-30280",
        "QVNN-883",
        1 * K,
        "FORBIDDEN HIGHER_LEVEL_NEVER_SPENDS",
      ],
      [
        "Long Xuyên moving Mỹ Bình's money across",
        board("883"),
        "QVNN-30280",
        "QVNN-30283",
        1 * K,
        "FORBIDDEN NO_TRANSFER_ACROSS",
      ],
      ["Mỹ Bình to its neighbour", board("30280"), "QVNN-30280", "QVNN-30283", 1 * K, "FORBIDDEN NO_TRANSFER_ACROSS"],
      ["an administrator across districts", ADMIN, "QVNN-883", "QVNN-884", 1 * K, "FORBIDDEN NO_TRANSFER_ACROSS"],
      [
        "Mỹ Long up to the province, which allocated it nothing",
        board("30283"),
        "QVNN-30283",
        "QVNN-89",
        1 * K,
        "CONFLICT RETURN_EXCEEDS_ALLOCATION",
      ],
      [
        "Mỹ Bình returning more to the province than it allocated",
        board("30280"),
        "QVNN-30280",
        "QVNN-89",
        10 * K + 1,
        "CONFLICT RETURN_EXCEEDS_ALLOCATION",
      ],
      [
        "Mỹ Bình returning more than is left of the allocation",
        board("30280"),
        "QVNN-30280",
        "QVNN-883",
        160 * K + 1,
        "CONFLICT RETURN_EXCEEDS_ALLOCATION",
      ],
      [
        "Châu Đốc's board on Long Xuyên's fund",
        board("884"),
        "QVNN-883",
        "QVNN-30280",
        1 * K,
        "FORBIDDEN FUND_BOARD_ONLY",
      ],
      [
        "Long Xuyên's Farmers' Union",
        officerOf("883", "HND-883"),
        "QVNN-883",
        "QVNN-30280",
        1 * K,
        "FORBIDDEN FUND_BOARD_ONLY",
      ],
      ["a handling officer alone", HANDLER_ONLY, "QVNN-883", "QVNN-30280", 1 * K, "FORBIDDEN"],
      ["an analyst", ANALYST, "QVNN-883", "QVNN-30280", 1 * K, "FORBIDDEN"],
    ];
    let written = 0;
    for (const [who, as, from, to, amount, expected] of cases) {
      const r = await b.transfer(from, to, "2020-03-01", amount, as);
      assert.equal(outcome(r), expected, who);
      if (expected === "ok") written++;
    }
    assert.equal(await b.h.ds.getRepository(FundTransfer).count(), transfers + written);
    // Long Xuyên allocated 200 + 10 and got 50 back: 160 is left to return, and exactly that passes.
    assert.equal(outcome(await b.transfer("QVNN-30280", "QVNN-883", "2020-03-02", 160 * K, board("30280"))), "ok");
    assert.equal(
      outcome(await b.transfer("QVNN-30280", "QVNN-883", "2020-03-02", 1, board("30280"))),
      "CONFLICT RETURN_EXCEEDS_ALLOCATION",
    );
  });

  it("names the rule in the caller's language, never the amount", async () => {
    const en = await b.transfer("QVNN-30280", "QVNN-883", "2020-03-01", 4321, board("883"));
    assert.equal(
      en.errors?.[0]?.message,
      "A higher level may transfer money down to this fund but never spend it: only the fund's own campaign board may",
    );
    assert.deepEqual(en.errors?.[0]?.extensions, { code: "FORBIDDEN", rule: "HIGHER_LEVEL_NEVER_SPENDS" });
    const vi = await b.h.run(`mutation($input: TransferFundsInput!) { transferFunds(input: $input) { id } }`, {
      identity: board("30280"),
      language: "vi",
      variables: {
        input: { fromFundId: "QVNN-30280", toFundId: "QVNN-30283", transferredOn: "2020-03-01", amountVnd: 4321 },
      },
    });
    assert.equal(
      vi.errors?.[0]?.message,
      "Tiền chỉ được chuyển giữa các quỹ từ cấp trên xuống cấp dưới, hoặc hoàn trả lên đúng quỹ cấp trên đã điều tiết",
    );
    assert.doesNotMatch(JSON.stringify([en.errors, vi.errors]), /4321|4\.321/);
    const credit = await b.contribute("QVNN-30280", "2020-02-01", 4321, board("883"));
    assert.equal(
      credit.errors?.[0]?.message,
      "Only the fund's own campaign board (an officer of its unit's Front committee) or an administrator may move this fund's money",
    );
  });

  it("gives support and house payments the same rule: only the paying fund's board spends", async () => {
    const spend = (as: Identity, unitCode: string) => {
      try {
        assertMaySpend(as, { id: `QVNN-${unitCode}` });
        return "ok";
      } catch (e) {
        assert.ok(e instanceof LocalizedError);
        return [e.extensions.code, e.extensions.rule].filter(Boolean).join(" ");
      }
    };
    assert.equal(spend(board("30280"), "30280"), "ok");
    assert.equal(spend(ADMIN, "30280"), "ok");
    assert.equal(spend(board("883"), "30280"), "FORBIDDEN HIGHER_LEVEL_NEVER_SPENDS");
    assert.equal(spend(board("89"), "883"), "FORBIDDEN HIGHER_LEVEL_NEVER_SPENDS");
    assert.equal(spend(officerOf("30280", "HPN-30280"), "30280"), "FORBIDDEN FUND_BOARD_ONLY");
    assert.equal(spend({ sub: "anonymous", roles: [] }, "30280"), "UNAUTHENTICATED");
    // The 2025 map's funds (issue 27): their own boards, and the merged province's above the communes'.
    assert.equal(spend(officerOf("30307", "MTTQ-30307-25"), "30307-25"), "ok");
    assert.equal(spend(officerOf("91", "MTTQ-91-25"), "30307-25"), "FORBIDDEN HIGHER_LEVEL_NEVER_SPENDS");
    assert.equal(spend(board("30307"), "30307-25"), "FORBIDDEN FUND_BOARD_ONLY");
    assert.equal(spend(officerOf("30307", "MTTQ-30307-25"), "30307"), "FORBIDDEN FUND_BOARD_ONLY");
    // Nothing above was written to the ledger by a refused call.
    assert.equal(await b.h.ds.getRepository(FundEntry).countBy({ kind: "SUPPORT" as never }), 0);
  });
});
