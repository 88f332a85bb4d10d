import { after, before, describe, it } from "node:test";
import assert from "node:assert/strict";
import type { MigrationInterface, QueryRunner } from "typeorm";
import { unitByCode } from "@danvan/kit";
import { ADMIN, startHarness, type Harness } from "../testing/harness.js";
import { dataOf, sql } from "./aggregate-oracle.fixture.js";
import { AnalystRollups1764100000003 } from "../../migrations/1764100000003-analyst-rollups.js";
import { ReviewYearsAndVisits1764100000030 } from "../../migrations/1764100000030-review-years-and-visits.js";
import { StandardFor20261764100000050 } from "../../migrations/1764100000050-standard-for-2026.js";

/**
 * The analysts' rollups (household_year_tally, support_month_tally) after each kind of write
 * equal what the base tables say, recomputed here in JavaScript from the rows; and the
 * migration, run again on the same rows, fills exactly what the seed and the writes kept.
 */

const REGISTER = `mutation($input: RegisterHouseholdInput!) { registerHousehold(input: $input) { id version } }`;
const UPDATE = `mutation($input: UpdateHouseholdInput!) { updateHousehold(input: $input) { id version } }`;
const CLASSIFY = `mutation($input: ClassifyHouseholdInput!) { classifyHousehold(input: $input) { status version } }`;
const SUPPORT = `mutation($input: RecordSupportInput!) { recordSupport(input: $input) { id } }`;
const BY_STATUS = `query($unit: ID!, $from: Date!, $to: Date!) {
  supportAggregate(unitCode: $unit, from: $from, to: $to, groupBy: [RECIPIENT_STATUS, FUNDING_SOURCE]) {
    rows { recipientStatus fundingSource events amountVnd }
  }
}`;

type Counts = Map<string, string>;

describe("the analysts' rollups stay exact through every write, and the migration refills them the same", () => {
  let h: Harness;
  before(async () => {
    h = await startHarness();
  });
  after(async () => h.close());

  const run = async (query: string, input: Record<string, unknown>) => {
    const r = await h.run(query, { identity: ADMIN, variables: { input } });
    assert.equal(r.errors, undefined, JSON.stringify(r.errors));
    return Object.values(r.data!)[0] as Record<string, unknown>;
  };

  /** household_year_tally's non-empty rows, and the same recomputed from the reviews and households. */
  const householdTallies = async (): Promise<[Counts, Counts]> => {
    const kept = await sql(h, "SELECT * FROM household_year_tally WHERE households <> 0");
    const rows = await sql(
      h,
      `SELECT pc.year, pc.commune_code, h.area, h.member_count, pc.status
         FROM poverty_classification pc JOIN household h ON h.id = pc.household_id`,
    );
    const expected = new Map<string, [number, number]>();
    for (const r of rows) {
      const key = [r.year, r.commune_code, r.area, r.member_count, r.status].map(String).join("|");
      const [n, p] = expected.get(key) ?? [0, 0];
      expected.set(key, [n + 1, p + Number(r.member_count)]);
    }
    return [
      new Map(
        kept.map((r) => [
          [r.year, r.commune_code, r.area, r.member_count, r.status].map(String).join("|"),
          `${String(r.households)}/${String(r.people)}`,
        ]),
      ),
      new Map([...expected].map(([k, [n, p]]) => [k, `${n}/${p}`])),
    ];
  };

  /** support_month_tally's non-empty rows, and the same recomputed from the events, their funds and reviews. */
  const supportTallies = async (): Promise<[Counts, Counts]> => {
    const kept = await sql(h, "SELECT * FROM support_month_tally WHERE events <> 0");
    const reviews = await sql(h, "SELECT household_id, year, status FROM poverty_classification");
    const status = new Map(reviews.map((r) => [`${String(r.household_id)}:${String(r.year)}`, String(r.status)]));
    const funds = new Map(
      (await sql(h, "SELECT id, unit_code FROM fund")).map((f) => [String(f.id), String(f.unit_code)]),
    );
    const expected = new Map<string, [number, bigint]>();
    for (const e of await sql(
      h,
      "SELECT household_id, commune_code, kind, fund_id, given_on, amount_vnd, recipient_status FROM support_event",
    )) {
      const date = String(e.given_on);
      const funding = e.fund_id === null ? "NOT_THE_FUND" : `${unitByCode(funds.get(String(e.fund_id))!)!.level}_FUND`;
      const recipient = status.get(`${String(e.household_id)}:${date.slice(0, 4)}`) ?? "UNREVIEWED";
      // The event's own column says what the review says.
      assert.equal(e.recipient_status ?? "UNREVIEWED", recipient, `the recipient's status of an event of ${date}`);
      const key = [date.slice(0, 7), e.commune_code, e.kind, funding, recipient].map(String).join("|");
      const [n, a] = expected.get(key) ?? [0, 0n];
      expected.set(key, [n + 1, a + BigInt(String(e.amount_vnd))]);
    }
    return [
      new Map(
        kept.map((r) => [
          [r.month, r.commune_code, r.kind, r.funding, r.recipient_status].map(String).join("|"),
          `${String(r.events)}/${String(r.amount_vnd)}`,
        ]),
      ),
      new Map([...expected].map(([k, [n, a]]) => [k, `${n}/${a}`])),
    ];
  };

  const assertExact = async (after: string) => {
    const [households, householdsExpected] = await householdTallies();
    assert.deepEqual(households, householdsExpected, `household_year_tally after ${after}`);
    const [support, supportExpected] = await supportTallies();
    assert.deepEqual(support, supportExpected, `support_month_tally after ${after}`);
  };

  let household: { id: string; version: number };
  type Support2020 = Map<string, readonly [number, bigint]>;
  /**
   * The 2020 support of the test's commune by recipient status and funding, `status funding` to
   * [events, amount], read from the month rollup (the whole year) and from the events (a period
   * whose months are all partial).
   */
  const supportIn2020 = async (): Promise<Support2020[]> => {
    const answers: Support2020[] = [];
    for (const [from, to] of [
      ["2020-01-01", "2020-12-31"],
      ["2020-03-02", "2020-12-15"],
    ]) {
      const d = await dataOf(h, BY_STATUS, { unit: "30280", from, to });
      answers.push(
        new Map(
          (d.supportAggregate as { rows: Record<string, unknown>[] }).rows.map((r) => [
            `${String(r.recipientStatus)} ${String(r.fundingSource)}`,
            [Number(r.events), BigInt(String(r.amountVnd))] as const,
          ]),
        ),
      );
    }
    return answers;
  };
  /** The seed's own 2020 support in the commune (the seed runs to 2026), read before the test's writes. */
  let seeded2020: Support2020[];
  /**
   * What both readings must say: the seed's support of the period plus the test household's events
   * (`status funding events amount` each, all dated inside both periods). So the partial months,
   * read from the events, say what the rollup says.
   */
  const withSeeded = (...own: string[]) =>
    seeded2020.map((seeded) => {
      const sum = new Map(seeded);
      for (const r of own) {
        const [status, funding, events, amount] = r.split(" ");
        const [n, a] = sum.get(`${status} ${funding}`) ?? [0, 0n];
        sum.set(`${status} ${funding}`, [n + Number(events), a + BigInt(amount!)]);
      }
      return sum;
    });

  it("the seed's rollups equal the rows", async () => {
    await assertExact("the seed");
  });

  it("registering a household adds nothing; its first review counts it, with its size and area", async () => {
    const before = await sql(h, "SELECT COUNT(*) AS n FROM household_year_tally");
    household = (await run(REGISTER, {
      communeCode: "30280",
      headName: "Võ Văn Thử",
      memberCount: 3,
      area: "URBAN",
      registeredOn: "2015-01-01",
    })) as { id: string; version: number };
    assert.deepEqual(await sql(h, "SELECT COUNT(*) AS n FROM household_year_tally"), before);
    await run(CLASSIFY, {
      householdId: household.id,
      year: 2019,
      monthlyIncomePerPersonVnd: 950_000,
      deprivations: 1,
      classifiedOn: "2019-11-30",
    });
    await assertExact("a first review");
  });

  it("support before the year's review counts as unreviewed; the review moves it to the status, a revision moves it again", async () => {
    seeded2020 = await supportIn2020();
    // One event paid by each level's fund and one by none, before any review of 2020.
    for (const fundId of ["QVNN-30280", "QVNN-883", "QVNN-89", null])
      await run(SUPPORT, {
        householdId: household.id,
        kind: "MEDICAL",
        amountVnd: 100_000,
        givenOn: "2020-03-05",
        fundId,
      });
    await assertExact("support before the review");
    assert.deepEqual(
      await supportIn2020(),
      withSeeded(
        "null COMMUNE_FUND 1 100000",
        "null DISTRICT_FUND 1 100000",
        "null PROVINCE_FUND 1 100000",
        "null NOT_THE_FUND 1 100000",
      ),
    );

    const poor = await run(CLASSIFY, {
      householdId: household.id,
      year: 2020,
      monthlyIncomePerPersonVnd: 100_000,
      deprivations: 0,
      classifiedOn: "2020-11-30",
    });
    assert.equal(poor.status, "POOR");
    await assertExact("the year's review");
    assert.deepEqual(
      await supportIn2020(),
      withSeeded(
        "POOR COMMUNE_FUND 1 100000",
        "POOR DISTRICT_FUND 1 100000",
        "POOR PROVINCE_FUND 1 100000",
        "POOR NOT_THE_FUND 1 100000",
      ),
    );

    // Support recorded after the review counts under the status at once.
    await run(SUPPORT, { householdId: household.id, kind: "STUDY", amountVnd: 250_000, givenOn: "2020-12-02" });
    assert.deepEqual(
      await supportIn2020(),
      withSeeded(
        "POOR COMMUNE_FUND 1 100000",
        "POOR DISTRICT_FUND 1 100000",
        "POOR PROVINCE_FUND 1 100000",
        "POOR NOT_THE_FUND 2 350000",
      ),
    );

    const revised = await run(CLASSIFY, {
      householdId: household.id,
      year: 2020,
      monthlyIncomePerPersonVnd: 10_000_000,
      deprivations: 0,
      classifiedOn: "2020-12-10",
      expectedVersion: poor.version,
    });
    assert.equal(revised.status, "NOT_POOR");
    await assertExact("a revision of the review");
    assert.deepEqual(
      await supportIn2020(),
      withSeeded(
        "NOT_POOR COMMUNE_FUND 1 100000",
        "NOT_POOR DISTRICT_FUND 1 100000",
        "NOT_POOR PROVINCE_FUND 1 100000",
        "NOT_POOR NOT_THE_FUND 2 350000",
      ),
    );
    // A revision that keeps the status moves nothing.
    await run(CLASSIFY, {
      householdId: household.id,
      year: 2020,
      monthlyIncomePerPersonVnd: 9_000_000,
      deprivations: 0,
      classifiedOn: "2020-12-11",
      expectedVersion: Number(revised.version),
    });
    await assertExact("a revision keeping the status");
  });

  it("a change of size or area moves every review of the household; a change of name moves none", async () => {
    const [row] = await sql(h, "SELECT version FROM household WHERE id = ?", [Number(household.id)]);
    let version = Number(row!.version);
    // The 2020 reviews of 2-person urban households of the commune before the changes: the seed's
    // (it reviews every household to 2025); the test's household (3 people) is not among them.
    const cell2020 = async () => {
      const [r] = await sql(
        h,
        "SELECT SUM(households) AS n, SUM(people) AS p FROM household_year_tally WHERE commune_code = '30280' AND member_count = 2 AND area = 'URBAN' AND year = 2020",
      );
      return [Number(r!.n ?? 0), Number(r!.p ?? 0)];
    };
    const [seededN, seededP] = await cell2020();
    for (const change of [
      { memberCount: 6 },
      { area: "RURAL" },
      { memberCount: 2, area: "URBAN" },
      { headName: "Võ Văn Khác" },
    ]) {
      const updated = await run(UPDATE, { householdId: household.id, expectedVersion: version, ...change });
      version = Number(updated.version);
      await assertExact(`updateHousehold ${Object.keys(change).join(", ")}`);
    }
    assert.deepEqual(await cell2020(), [seededN + 1, seededP + 2], "the 2020 review counts 2 people now");
  });

  /** support_tally as kept: every event and those to listed households, per commune, year and kind. */
  const supportYearTallies = async () =>
    new Map(
      (await sql(h, "SELECT commune_code, year, kind, visits, listed_visits, amount_vnd FROM support_tally")).map(
        (r) => [
          [r.commune_code, r.year, r.kind].map(String).join("|"),
          [r.visits, r.listed_visits, r.amount_vnd].map(String).join("/"),
        ],
      ),
    );

  it("the migrations, run again on these rows, fill the rollups exactly as the seed and the writes kept them", async () => {
    const kept = await Promise.all([householdTallies(), supportTallies()]);
    const keptYears = await supportYearTallies();
    const standards = await sql(h, "SELECT code, from_year, to_year FROM poverty_standard ORDER BY code");
    // Migration 1764100000040 refuses to go down over the seed's records of the 2025 map (reset the
    // database instead: migrations/units-through-time.migration.test.ts), so the migrations that
    // fill the rollups go down and up again by themselves, last first, each in its own transaction
    // as the runner runs them: the 2026 standard, issue 20's listed visits, the analysts' rollups.
    const own: MigrationInterface[] = [
      new StandardFor20261764100000050(),
      new ReviewYearsAndVisits1764100000030(),
      new AnalystRollups1764100000003(),
    ];
    const inTransaction = async (step: (q: QueryRunner) => Promise<void>) => {
      const q = h.ds.createQueryRunner();
      await q.startTransaction();
      try {
        await step(q);
        await q.commitTransaction();
      } catch (err) {
        await q.rollbackTransaction();
        throw err;
      } finally {
        await q.release();
      }
    };
    for (const m of own) await inTransaction((q) => m.down(q));
    await inTransaction(async (q) => {
      assert.equal((await q.getTables(["household_year_tally", "support_month_tally"])).length, 0, "down drops both");
      assert.equal((await q.getTable("support_tally"))?.findColumnByName("listed_visits"), undefined);
    });
    for (const m of [...own].reverse()) await inTransaction((q) => m.up(q));
    const refilled = await Promise.all([householdTallies(), supportTallies()]);
    assert.deepEqual(refilled[0][0], kept[0][0]);
    assert.deepEqual(refilled[1][0], kept[1][0]);
    assert.ok(refilled[1][0].size > 100);
    const refilledYears = await supportYearTallies();
    assert.deepEqual(refilledYears, keptYears);
    assert.deepEqual(await sql(h, "SELECT code, from_year, to_year FROM poverty_standard ORDER BY code"), standards);
    assert.ok(
      [...refilledYears.values()].some((v) => Number(v.split("/")[1]) > 0),
      "some events went to listed households",
    );
  });
});
