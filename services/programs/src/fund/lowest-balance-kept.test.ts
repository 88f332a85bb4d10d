import { after, before, describe, it } from "node:test";
import assert from "node:assert/strict";
import { vndOf } from "@danvan/kit";
import { FundLowestBalance1764100000021 } from "../../migrations/1764100000021-fund-lowest-balance.js";
import { ADMIN } from "../testing/harness.js";
import { Fund, FundEntry } from "./fund.entity.js";
import { lowestBalance, type EndOfDayBalance } from "./ledger-by-date.js";
import { BOOK_UNITS, openBooks, outcome, type Books } from "./fund-books.fixture.js";

const K = 1000; // amounts below in thousands of VND
const FUNDS = BOOK_UNITS.map((u) => `QVNN-${u}`);
const LOWEST = `query($id: ID!) { fund(id: $id) { lowestBalance { on balanceVnd } } }`;
const SUPPORT = `mutation($i: RecordSupportInput!) { recordSupport(input: $i) { id } }`;
const HOUSE_FIELDS = `id version`;

type Low = { on: string; balanceVnd: bigint } | null;

/**
 * `Fund.lowestBalance` is kept on the fund's row by every write (ledger.ts, `keepLowestBalance`):
 * after each of a series of writes dated into the middle of the books (contributions, transfers
 * down and back up, support paid by a fund, a house's fund share, and a refused debit), every
 * fund's row holds what its entries give by the pure rule (ledger-by-date.ts), and the graph
 * answers the same. The migration that added the columns fills them the same way.
 */
describe("the lowest balance kept on the fund's row (integration)", () => {
  let b: Books;
  let householdId: string;
  before(async () => {
    b = await openBooks();
    const r = await b.h.run(`mutation($i: RegisterHouseholdInput!) { registerHousehold(input: $i) { id } }`, {
      identity: ADMIN,
      variables: {
        i: {
          communeCode: "30280",
          headName: "Nguyễn Văn Thử",
          memberCount: 3,
          area: "URBAN",
          registeredOn: "2019-01-02",
        },
      },
    });
    assert.equal(r.errors, undefined, JSON.stringify(r.errors));
    householdId = (r.data!.registerHousehold as { id: string }).id;
  });
  after(async () => b?.h.close());

  /** What the row keeps, and what the entries give by the pure rule, for every fund of the books. */
  const keptAndRecomputed = async () => {
    const rows = await b.h.ds.getRepository(Fund).find({ order: { id: "ASC" } });
    const entries = await b.h.ds.getRepository(FundEntry).find();
    return rows.map((f) => {
      const mine = entries
        .filter((e) => e.fundId === f.id)
        .map((e) => ({ entryOn: e.entryOn, amountVnd: e.amountVnd }));
      const pure: EndOfDayBalance | null = lowestBalance(mine);
      const kept: Low = f.lowestBalanceOn === null ? null : { on: f.lowestBalanceOn, balanceVnd: f.lowestBalanceVnd! };
      return { id: f.id, kept, recomputed: pure };
    });
  };
  const assertKept = async (after: string) => {
    const funds = await keptAndRecomputed();
    assert.equal(funds.length, FUNDS.length);
    for (const f of funds) assert.deepEqual(f.kept, f.recomputed, `${f.id} after ${after}`);
  };
  const graphLowest = async (id: string): Promise<Low> => {
    const r = await b.h.run(LOWEST, { variables: { id } });
    assert.equal(r.errors, undefined, JSON.stringify(r.errors));
    const low = (r.data!.fund as { lowestBalance: { on: string; balanceVnd: number } | null }).lowestBalance;
    return low && { on: low.on, balanceVnd: BigInt(low.balanceVnd) };
  };
  const support = (fundId: string, givenOn: string, amountVnd: number) =>
    b.h.run(SUPPORT, {
      identity: ADMIN,
      variables: { i: { householdId, kind: "MEDICAL", amountVnd, givenOn, fundId } },
    });
  const houseStep = async (name: string, input: Record<string, unknown>, type = "HouseStepInput") => {
    const r = await b.h.run(`mutation($i: ${type}!) { ${name}(input: $i) { ${HOUSE_FIELDS} } }`, {
      identity: ADMIN,
      variables: { i: input },
    });
    assert.equal(r.errors, undefined, `${name}: ${JSON.stringify(r.errors)}`);
    return r.data![name] as { id: string; version: number };
  };

  it("holds what the entries give after every back-dated write, on every fund", async () => {
    await assertKept("nothing");
    assert.deepEqual(await graphLowest("QVNN-883"), null, "no entries yet: no lowest balance");
    const writes: [string, () => Promise<unknown>][] = [
      ["a contribution", () => b.contribute("QVNN-883", "2020-06-01", 1000 * K)],
      ["a transfer down", () => b.transfer("QVNN-883", "QVNN-30280", "2020-06-10", 400 * K)],
      ["a contribution before everything", () => b.contribute("QVNN-883", "2020-03-01", 200 * K)],
      ["support paid by the fund", () => support("QVNN-30280", "2020-06-15", 150 * K)],
      ["a contribution back-dated", () => b.contribute("QVNN-30280", "2020-05-01", 50 * K)],
      ["a return up, back-dated", () => b.transfer("QVNN-30280", "QVNN-883", "2020-06-12", 100 * K)],
      [
        "a transfer down back-dated to the lowest day",
        () => b.transfer("QVNN-883", "QVNN-30283", "2020-04-01", 150 * K),
      ],
    ];
    for (const [what, write] of writes) {
      assert.equal(outcome((await write()) as never), "ok", what);
      await assertKept(what);
    }
    // A house's fund share when construction starts, the commune's fund paying 200 on 06-20.
    const proposed = await houseStep(
      "proposeHouse",
      {
        householdId,
        kind: "NEW",
        hardFloor: true,
        hardFrame: true,
        hardRoof: true,
        fundAmountVnd: 200 * K,
        sponsorAmountVnd: 0,
        familyAmountVnd: 0,
        fundId: "QVNN-30280",
        proposedOn: "2020-06-16",
      },
      "ProposeHouseInput",
    );
    const approved = await houseStep("approveHouse", {
      houseId: proposed.id,
      on: "2020-06-18",
      expectedVersion: proposed.version,
    });
    await houseStep("startHouseConstruction", {
      houseId: approved.id,
      on: "2020-06-20",
      expectedVersion: approved.version,
    });
    await assertKept("a house's fund share");
    // The hand-computed books (thousands): Long Xuyên 03-01 200 · 04-01 50 · 06-01 1050 · 06-10 650
    // · 06-12 750; Mỹ Bình 05-01 50 · 06-10 450 · 06-12 350 · 06-15 200 · 06-20 0.
    assert.deepEqual(await graphLowest("QVNN-883"), { on: "2020-04-01", balanceVnd: 50n * 1000n });
    assert.deepEqual(await graphLowest("QVNN-30280"), { on: "2020-06-20", balanceVnd: 0n });
    assert.deepEqual(await graphLowest("QVNN-30283"), { on: "2020-04-01", balanceVnd: 150n * 1000n });

    // A back-dated debit the later days cannot bear is refused, and leaves the row as it was.
    assert.equal(outcome(await support("QVNN-30280", "2020-06-11", 100 * K)), "CONFLICT INSUFFICIENT_BALANCE");
    await assertKept("a refused debit");
    assert.deepEqual(await graphLowest("QVNN-30280"), { on: "2020-06-20", balanceVnd: 0n });
    // A receipt on the lowest day lifts it: the lowest is now an earlier day.
    assert.equal(outcome(await b.contribute("QVNN-30280", "2020-06-20", 80 * K)), "ok");
    await assertKept("a receipt on the lowest day");
    assert.deepEqual(await graphLowest("QVNN-30280"), { on: "2020-05-01", balanceVnd: 50n * 1000n });
    // Every fund the graph answers for reads its row.
    for (const f of await keptAndRecomputed()) assert.deepEqual(await graphLowest(f.id), f.kept, f.id);
  });

  it("is filled by the migration from the entries already written", async () => {
    const before = await keptAndRecomputed();
    assert.ok(before.filter((f) => f.kept !== null).length >= 3);
    const q = b.h.ds.createQueryRunner();
    try {
      const migration = new FundLowestBalance1764100000021();
      await migration.down(q);
      await migration.up(q);
    } finally {
      await q.release();
    }
    const raw = (await b.h.ds.query(`SELECT id, lowest_balance_on, lowest_balance_vnd FROM fund ORDER BY id`)) as {
      id: string;
      lowest_balance_on: string | null;
      lowest_balance_vnd: string | number | null;
    }[];
    const filled = raw.map((r) => ({
      id: r.id,
      kept:
        r.lowest_balance_on === null
          ? null
          : { on: String(r.lowest_balance_on), balanceVnd: vndOf(r.lowest_balance_vnd) },
    }));
    assert.deepEqual(
      filled,
      before.map((f) => ({ id: f.id, kept: f.recomputed })),
    );
    // The books still take writes after the table changed under them.
    assert.equal(outcome(await b.contribute("QVNN-884", "2020-01-01", 10 * K)), "ok");
    await assertKept("the migration");
  });
});
