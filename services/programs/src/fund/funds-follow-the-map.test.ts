import { after, before, describe, it } from "node:test";
import assert from "node:assert/strict";
import { BadUserInputError, inTransaction, vndOf, type Identity } from "@danvan/kit";
import { ADMIN, officerOf, startHarness, type Harness, type OperationResult } from "../testing/harness.js";
import { availableOn, lowestBalancesOf, storedLowestBalances } from "./balance-by-date.js";
import { CONTRIBUTE, outcome, TRANSFER } from "./fund-books.fixture.js";
import { FundEntryKind } from "./fund-enums.js";
import { unitOfFund } from "./fund.entity.js";
import { funds2025 } from "./funds-2025.js";
import { postEntry } from "./ledger.js";

/**
 * The funds follow the map (issue 27) on the seeded books: the 2025 map's funds exist from
 * 2025-07-01, each fund of the 2019 map carried its balance over to its successor by a recorded
 * transfer the day after its last, takes no entry after that day, and an entry dated back into
 * its books moves what it carried over. SQLite by default, PostgreSQL with TEST_DATABASE=postgres.
 */
const SUPPORT = `mutation($i: RecordSupportInput!) { recordSupport(input: $i) { id } }`;
const K = 1000;

interface Carry {
  id: number;
  from: string;
  to: string;
  amount: bigint;
  on: string;
  lastDay: string;
  note: string;
}

describe("the funds follow the map: the 2025 funds and the carry-overs (integration)", () => {
  let h: Harness;
  let household: string;
  const sql = async (text: string, params: unknown[] = []) =>
    (await h.ds.query(
      h.db.kind === "postgres" ? text.replace(/\?/g, (_, i: number) => `$${text.slice(0, i).split("?").length}`) : text,
      params,
    )) as Record<string, string | number | null>[];
  const balance = async (fundId: string, on: string) =>
    vndOf(
      (
        await sql(`SELECT COALESCE(SUM(amount_vnd), 0) AS b FROM fund_entry WHERE fund_id = ? AND entry_on <= ?`, [
          fundId,
          on,
        ])
      )[0]!.b ?? 0,
    );
  const provinceTotal = async (on: string) =>
    vndOf((await sql(`SELECT COALESCE(SUM(amount_vnd), 0) AS b FROM fund_entry WHERE entry_on <= ?`, [on]))[0]!.b ?? 0);
  const carries = async (): Promise<Carry[]> =>
    (
      await sql(
        `SELECT t.id, t.from_fund_id, t.to_fund_id, t.amount_vnd, t.transferred_on, t.note, f.closed_on
           FROM fund f JOIN fund_transfer t ON t.id = f.carry_transfer_id ORDER BY t.id`,
      )
    ).map((r) => ({
      id: Number(r.id),
      from: String(r.from_fund_id),
      to: String(r.to_fund_id),
      amount: vndOf(r.amount_vnd!),
      on: String(r.transferred_on).slice(0, 10),
      lastDay: String(r.closed_on).slice(0, 10),
      note: String(r.note),
    }));
  const carryOf = async (from: string) => (await carries()).find((c) => c.from === from)!;
  const contribute = (
    fundId: string,
    receivedOn: string,
    amountVnd: number,
    as: Identity = ADMIN,
    collector?: string,
  ) =>
    h.run(CONTRIBUTE, {
      identity: as,
      variables: {
        input: {
          fundId,
          receivedOn,
          form: "CASH",
          amountVnd,
          donorKind: "ANONYMOUS",
          collectedByUnitCode: collector ?? unitOfFund(fundId),
          receiptNumber: `MAP-${fundId}-${receivedOn}-${amountVnd}`,
        },
      },
    });
  const support = (fundId: string, givenOn: string, amountVnd: number, as: Identity = ADMIN) =>
    h.run(SUPPORT, {
      identity: as,
      variables: { i: { householdId: household, kind: "MEDICAL", amountVnd, givenOn, fundId } },
    });
  const transfer = (from: string, to: string, on: string, amountVnd: number, as: Identity = ADMIN) =>
    h.run(TRANSFER, {
      identity: as,
      variables: { input: { fromFundId: from, toFundId: to, transferredOn: on, amountVnd } },
    });
  const fields = (r: OperationResult) => r.errors?.[0]?.extensions?.fields;

  before(async () => {
    h = await startHarness();
    household = String((await sql(`SELECT id FROM household WHERE commune_code = '30280' ORDER BY id LIMIT 1`))[0]!.id);
  });
  after(async () => h?.close());

  it("opens the 2025 funds and carries every 2019 fund's closing balance to its successor, the province's money unchanged", async () => {
    const ids = new Set((await sql(`SELECT id FROM fund WHERE opened_on = '2025-07-01'`)).map((r) => String(r.id)));
    assert.deepEqual(ids, new Set(funds2025().map((f) => f.id)));
    const r = await h.run(`{ fund(id: "QVNN-30307-25") { name organisation { id } unit { code validFrom }
      before: balanceOn(date: "2025-06-30") after: balanceOn(date: "2025-07-01") } }`);
    assert.equal(r.errors, undefined, JSON.stringify(r.errors));
    const fund = r.data!.fund as Record<string, unknown>;
    assert.deepEqual(
      [fund.name, fund.organisation, fund.unit, Number(fund.before)],
      ["Quỹ Vì người nghèo Phường Long Xuyên", { id: "MTTQ-30307-25" }, { code: "30307", validFrom: "2025-07-01" }, 0],
    );
    const all = await carries();
    assert.equal(all.length, 168);
    for (const c of all) {
      // What the old fund held at the end of its last day is what its successor received the day after …
      assert.equal(c.amount, await balance(c.from, c.lastDay), c.from);
      const received = await sql(
        `SELECT amount_vnd, kind, entry_on FROM fund_entry WHERE fund_id = ? AND ref_type = 'FundTransfer' AND ref_id = ?`,
        [c.to, String(c.id)],
      );
      assert.deepEqual(
        received.map((e) => [vndOf(e.amount_vnd!), e.kind, String(e.entry_on).slice(0, 10)]),
        [[c.amount, "TRANSFER_IN", c.on]],
      );
      // … and the old fund holds nothing from then on.
      assert.equal(await balance(c.from, c.on), 0n, c.from);
      assert.match(c.note, /Nghị quyết (202\/2025\/QH15|1285\/NQ-UBTVQH15)/);
    }
    assert.ok(all.some((c) => c.amount > 0n));
    const dongXuyen = all.find((c) => c.from === "QVNN-30285")!;
    assert.deepEqual([dongXuyen.to, dongXuyen.on], ["QVNN-30286", "2025-01-01"]);
    // The carry-overs move money, never make or lose it: on each day of carry-overs the province's
    // funds change by that day's other entries only (the seed's receipts and payments of the day).
    const carryIds = all.map((c) => String(c.id));
    for (const [last, next] of [
      ["2024-12-31", "2025-01-01"],
      ["2025-06-30", "2025-07-01"],
    ]) {
      const day = await sql(`SELECT ref_type, ref_id, amount_vnd FROM fund_entry WHERE entry_on = ?`, [next]);
      const carried = day.filter((e) => e.ref_type === "FundTransfer" && carryIds.includes(String(e.ref_id)));
      assert.ok(carried.length > 0, `carry-overs on ${next}`);
      assert.equal(
        carried.reduce((s, e) => s + vndOf(e.amount_vnd!), 0n),
        0n,
        `the carry-overs of ${next} add up to nothing`,
      );
      const others = day.filter((e) => !carried.includes(e)).reduce((s, e) => s + vndOf(e.amount_vnd!), 0n);
      assert.equal(
        await provinceTotal(next),
        (await provinceTotal(last)) + others,
        `the province's funds hold the same on ${next}, but for the day's own receipts and payments`,
      );
    }
  });

  it("refuses an entry into a 2019 fund after its last day, and into a 2025 fund before its first, naming the field", async () => {
    const entries = async () => Number((await sql(`SELECT COUNT(*) AS n FROM fund_entry`))[0]!.n);
    const before = await entries();
    const message =
      "must name a fund open on that day: from 1 July 2025 the funds of the merged province and its communes (ids ending in -25); the earlier funds' balances were carried over to them";
    assert.deepEqual(fields(await contribute("QVNN-30280", "2025-08-01", 5 * K, ADMIN, "30307")), [
      { path: "input.fundId", message },
    ]);
    const vi = await h.run(CONTRIBUTE, {
      identity: ADMIN,
      language: "vi",
      variables: {
        input: {
          fundId: "QVNN-30280",
          receivedOn: "2025-08-01",
          form: "CASH",
          amountVnd: 5 * K,
          donorKind: "ANONYMOUS",
          collectedByUnitCode: "30307",
          receiptNumber: "MAP-VI-1",
        },
      },
    });
    assert.match((fields(vi) as { message: string }[])[0]!.message, /^phải là quỹ đang hoạt động vào ngày đó/);
    assert.deepEqual(fields(await support("QVNN-30280", "2026-01-05", 5 * K)), [{ path: "input.fundId", message }]);
    assert.deepEqual(fields(await transfer("QVNN-89", "QVNN-883", "2025-07-01", 5 * K)), [
      { path: "input.fromFundId", message },
    ]);
    assert.deepEqual(fields(await transfer("QVNN-91-25", "QVNN-883", "2025-07-02", 5 * K)), [
      { path: "input.toFundId", message },
    ]);
    assert.deepEqual(fields(await contribute("QVNN-30307-25", "2025-06-30", 5 * K, ADMIN, "30307")), [
      { path: "input.fundId", message },
    ]);
    // A house's payment is refused at the ledger on its step's date.
    await assert.rejects(
      inTransaction(h.ds, (m) =>
        postEntry(m, {
          fundId: "QVNN-30280",
          on: "2025-07-01",
          kind: FundEntryKind.HOUSE,
          amountVnd: 1n,
          refType: "SolidarityHouse",
          refId: 1,
        }),
      ),
      (e: unknown) => e instanceof BadUserInputError && e.problems[0]!.path === "input.on",
    );
    assert.equal(await entries(), before, "nothing written");
    // The ward's own board credits the ward's 2025 fund.
    const longXuyen = officerOf("30307", "MTTQ-30307-25");
    assert.equal(outcome(await contribute("QVNN-30307-25", "2025-08-01", 5 * K, longXuyen, "30307")), "ok");
  });

  it("moves a closed fund's carry-over with every entry dated back into its books, down the chain", async () => {
    const total = await provinceTotal("2026-01-01");
    const dong = await carryOf("QVNN-30285");
    const my = await carryOf("QVNN-30286");
    const longXuyenBefore = await balance("QVNN-30307-25", "2025-07-01");
    // Đông Xuyên → Mỹ Xuyên (2025-01-01) → Long Xuyên (2025-07-01).
    assert.equal(outcome(await contribute("QVNN-30285", "2020-05-05", 7000 * K)), "ok");
    assert.equal((await carryOf("QVNN-30285")).amount, dong.amount + 7_000_000n);
    assert.equal((await carryOf("QVNN-30286")).amount, my.amount + 7_000_000n);
    assert.equal(await balance("QVNN-30285", "2025-01-01"), 0n);
    assert.equal(await balance("QVNN-30286", "2025-07-01"), 0n);
    assert.equal(await balance("QVNN-30307-25", "2025-07-01"), longXuyenBefore + 7_000_000n);
    // A debit dated back takes from what Mỹ Bình carried over.
    const myBinh = await carryOf("QVNN-30280");
    assert.equal(outcome(await support("QVNN-30280", "2020-05-06", 2000 * K)), "ok");
    assert.equal((await carryOf("QVNN-30280")).amount, myBinh.amount - 2_000_000n);
    assert.equal(await balance("QVNN-30280", "2025-07-01"), 0n);
    assert.equal(await provinceTotal("2026-01-01"), total + 7_000_000n - 2_000_000n);
    // Once Long Xuyên has spent what it received, a debit dated back into Mỹ Bình's books is refused.
    // What it may spend on 2026-01-05: the seed's own payments after that day come first.
    const held = await inTransaction(h.ds, (m) => availableOn(m, "QVNN-30307-25", "2026-01-05"));
    assert.ok(held > 5n * BigInt(K), String(held));
    assert.equal(outcome(await support("QVNN-30307-25", "2026-01-05", Number(held) - 1 * K)), "ok");
    const refused = await support("QVNN-30280", "2020-05-07", 5 * K);
    assert.equal(outcome(refused), "CONFLICT INSUFFICIENT_BALANCE");
    assert.equal(refused.errors![0]!.extensions!.fundId, "QVNN-30307-25");
    // Every touched fund's row keeps the lowest balance its entries give.
    const touched = ["QVNN-30285", "QVNN-30286", "QVNN-30280", "QVNN-30307-25"];
    const kept = await storedLowestBalances(h.ds, touched);
    const computed = await lowestBalancesOf(h.ds, touched);
    assert.deepEqual(
      kept.sort((a, b) => (a.fundId < b.fundId ? -1 : 1)),
      computed.sort((a, b) => (a.fundId < b.fundId ? -1 : 1)),
    );
  });

  it("gives the 2025 funds' money to their own boards, the merged province's board sending money down", async () => {
    const province = officerOf("91", "MTTQ-91-25");
    const ward = officerOf("30307", "MTTQ-30307-25");
    assert.equal(outcome(await transfer("QVNN-91-25", "QVNN-30307-25", "2026-01-06", 10 * K, province)), "ok");
    assert.equal(
      outcome(await support("QVNN-30307-25", "2026-01-07", 1 * K, province)),
      "FORBIDDEN HIGHER_LEVEL_NEVER_SPENDS",
    );
    assert.equal(outcome(await support("QVNN-30307-25", "2026-01-07", 1 * K, ward)), "ok");
    assert.equal(
      outcome(await transfer("QVNN-30307-25", "QVNN-30292-25", "2026-01-07", 1 * K, ward)),
      "FORBIDDEN NO_TRANSFER_ACROSS",
    );
    assert.equal(
      outcome(await contribute("QVNN-91-25", "2026-01-07", 1 * K, officerOf("89", "MTTQ-89"), "91")),
      "FORBIDDEN FUND_BOARD_ONLY",
    );
  });

  it("lets one of two debits dated back into two funds carried to the same successor take its last money", async () => {
    // Mỹ Bình's and Mỹ Long's funds both went into Phường Long Xuyên's, which can give back one of them.
    const held = await inTransaction(h.ds, (m) => availableOn(m, "QVNN-30307-25", "2025-07-01"));
    const each = Number(held / 2n) + 1;
    const results = await Promise.all(["QVNN-30280", "QVNN-30283"].map((f) => support(f, "2020-05-08", each)));
    assert.deepEqual(results.map(outcome).sort(), ["CONFLICT INSUFFICIENT_BALANCE", "ok"]);
    assert.ok((await inTransaction(h.ds, (m) => availableOn(m, "QVNN-30307-25", "2025-07-01"))) >= 0n);
    for (const c of await carries()) assert.equal(c.amount, await balance(c.from, c.lastDay), c.from);
  });
});
