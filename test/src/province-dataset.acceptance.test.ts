import { after, before, describe, it } from "node:test";
import assert from "node:assert/strict";
import type { DataSource } from "typeorm";
import { createLogger, dataSourceFor, referenceUnits, unitVersions } from "@danvan/kit";
import { programsSubgraph } from "@danvan/programs";
import { startFederation, type Federation, type GraphQLResponse } from "./support/federation.js";
import { checkedInOperations, operation } from "./support/operations.js";
import { launchChromium, runIdeQuery, setIdeQuery } from "./support/browser.js";

type Data = Record<string, unknown>;

/**
 * Acceptance (issue 5): the full province dataset, seeded by the seed commands, served by the
 * whole federation; the published figures come back exactly through the gateway, and agree
 * with the rows themselves counted in SQL.
 */
describe("the province dataset at full scale, through the gateway (acceptance)", () => {
  let f: Federation;
  let analyst: string;
  let programs: DataSource;
  before(async () => {
    f = await startFederation({ scale: "full" });
    console.log(
      f
        .seedOutput()
        .split("\n")
        .filter((l) => /seeded in/.test(l))
        .join("\n"),
    );
    analyst = await f.token({ sub: "analyst-1", roles: ["ANALYST"] });
    programs = dataSourceFor(
      programsSubgraph,
      { ...f.databases.programs, DB_POOL_SIZE: 2, DB_ACQUIRE_TIMEOUT_MS: 5000 },
      createLogger("acceptance-sql", "silent"),
    );
    await programs.initialize();
  });
  after(async () => {
    await programs?.destroy();
    await f?.stop();
  });

  const run = async (name: string, variables?: Record<string, unknown>): Promise<Data> => {
    const op = operation(name);
    const r: GraphQLResponse = await f.query(op.document, { token: analyst, variables: variables ?? op.variables });
    assert.equal(r.body.errors, undefined, `${name}: ${r.text.slice(0, 500)}`);
    return r.body.data!;
  };
  const sql = async (q: string): Promise<number> =>
    Number(Object.values(((await programs.query(q)) as Record<string, string | number>[])[0]!)[0]);

  it("answers the worked query with the province's published figures, exactly", async () => {
    const d = await run("ProvinceHeadline");
    const poverty = d.povertyStatistics as Record<string, number>;
    const fund = d.fundSummary as Record<string, number>;
    assert.deepEqual(
      {
        poor: poverty.poor,
        nearPoor: poverty.nearPoor,
        poorRate: poverty.poorRate,
        nearPoorRate: poverty.nearPoorRate,
      },
      { poor: 14_170, nearPoor: 29_414, poorRate: 0.0263, nearPoorRate: 0.0545 },
    );
    assert.ok(poverty.households! >= 539_212 && poverty.households! <= 539_810, `households ${poverty.households}`);
    assert.ok(BigInt(fund.raisedVnd!) >= 1_375_000_000_000n, `raised ${fund.raisedVnd}`);
    assert.equal(fund.housesBuilt! + fund.housesRepaired!, 25_226);
    // "hơn 3,4 triệu lượt hộ": over 3.4 million, under 3.5 million.
    assert.ok(fund.supportVisits! > 3_400_000 && fund.supportVisits! < 3_500_000, `visits ${fund.supportVisits}`);

    // The same figures from the rows themselves, not from the rollups the graph reads.
    assert.equal(
      await sql(`SELECT COUNT(*) FROM poverty_classification WHERE year = 2019 AND status = 'POOR'`),
      14_170,
    );
    assert.equal(
      await sql(`SELECT COUNT(*) FROM poverty_classification WHERE year = 2019 AND status = 'NEAR_POOR'`),
      29_414,
    );
    // Old An Giang's register: its households were registered by 2019 (old Kiên Giang's in 2020).
    const AN_GIANG = `registered_on < '2020-01-01'`;
    assert.equal(await sql(`SELECT COUNT(*) FROM household WHERE ${AN_GIANG}`), poverty.households);
    assert.equal(
      String(
        await sql(`SELECT SUM(amount_vnd) FROM contribution WHERE received_on BETWEEN '2010-01-01' AND '2019-12-31'`),
      ),
      String(fund.raisedVnd),
    );
    assert.equal(
      await sql(
        `SELECT COUNT(*) FROM solidarity_house WHERE status = 'HANDED_OVER' AND handed_over_on BETWEEN '2010-01-01' AND '2019-12-31'`,
      ),
      25_226,
    );
    // Household-visits as published: the Fund's kinds to households poor or near-poor at that year's review.
    assert.equal(
      await sql(
        `SELECT COUNT(*) FROM support_event e JOIN poverty_classification pc ON pc.household_id = e.household_id
            AND pc.year = CAST(substr(CAST(e.given_on AS TEXT), 1, 4) AS INTEGER)
          WHERE e.given_on BETWEEN '2010-01-01' AND '2019-12-31' AND pc.status IN ('POOR', 'NEAR_POOR')
            AND e.kind IN ('TET_GIFT', 'EMERGENCY', 'STUDY', 'MEDICAL', 'PRODUCTION')`,
      ),
      fund.supportVisits,
    );
    // The 2019 census, people: the households' members add up to it.
    assert.equal(await sql(`SELECT SUM(member_count) FROM household WHERE ${AN_GIANG}`), 1_908_352);
    // The districts the census release names: Chợ Mới, Long Xuyên, Tịnh Biên, Châu Đốc.
    for (const [district, people] of [
      ["893", 307_981],
      ["883", 272_365],
      ["890", 108_562],
      ["884", 101_765],
    ] as const)
      assert.equal(
        await sql(`SELECT SUM(member_count) FROM household WHERE district_code = '${district}'`),
        people,
        district,
      );
  });

  it("answers the district page for every district, its communes adding up to the province", async () => {
    const province = await run("PetitionsOnTimeByUnit", { unitCode: "89", from: "2019-01-01", to: "2019-12-31" });
    const sums = { poor: 0, nearPoor: 0, received: 0, communes: 0 };
    const members = new Map<string, number>();
    for (const district of referenceUnits.filter((u) => u.level === "DISTRICT")) {
      const d = await run("DistrictPage", { code: district.code, year: 2019, from: "2019-01-01", to: "2019-12-31" });
      const unit = d.administrativeUnit as {
        name: string;
        children: {
          povertyStatistics: { poor: number; nearPoor: number };
          petitionStatistics: { received: number; onTimeRate: number };
          organisations: { kind: string; memberCount: number }[];
        }[];
      };
      assert.equal(unit.name, district.name);
      assert.equal(unit.children.length, referenceUnits.filter((u) => u.parentCode === district.code).length);
      for (const c of unit.children) {
        sums.poor += c.povertyStatistics.poor;
        sums.nearPoor += c.povertyStatistics.nearPoor;
        sums.received += c.petitionStatistics.received;
        sums.communes++;
        assert.ok(c.petitionStatistics.onTimeRate >= 0 && c.petitionStatistics.onTimeRate <= 1);
        // Four or five committees: no commune Labour Federation, the Farmers' Union in 152 of 156 (issue 20).
        assert.ok(c.organisations.length >= 4 && c.organisations.every((o) => o.kind !== "LABOUR_FEDERATION"));
        for (const o of c.organisations) members.set(o.kind, (members.get(o.kind) ?? 0) + o.memberCount);
      }
    }
    assert.equal(sums.communes, referenceUnits.filter((u) => u.level === "COMMUNE").length);
    assert.equal(sums.poor, 14_170);
    assert.equal(sums.nearPoor, 29_414);
    assert.equal(sums.received, (province.petitionStatistics as { received: number }).received);
    assert.ok(sums.received > 0);
    // Province committees count every member below them: the communes' members plus district and province staff.
    // The district page counts the members at the end of its period: the province's committees on the same day.
    const byKind = await run("MembersAndRecruitmentByKind", {
      ...operation("MembersAndRecruitmentByKind").variables,
      asOf: "2019-12-31",
    });
    for (const o of (byKind.administrativeUnit as { organisations: { kind: string; memberCount: number }[] })
      .organisations) {
      // Trade union members are in grassroots unions under the districts' federations, none in a commune committee.
      const inCommunes = members.get(o.kind) ?? 0;
      assert.ok((o.kind === "LABOUR_FEDERATION" || inCommunes > 0) && inCommunes <= o.memberCount, o.kind);
    }
  });

  it("answers every analyst operation in test/operations, with parts that add up to their wholes", async () => {
    const results = new Map<string, Data>();
    for (const op of checkedInOperations()) results.set(op.name, await run(op.name));
    const poverty = results.get("PovertyByUnitAndYear")!.povertyStatistics as {
      poor: number;
      byChildUnit: { poor: number }[];
    };
    assert.equal(poverty.byChildUnit.length, 11);
    assert.equal(
      poverty.byChildUnit.reduce((s, c) => s + c.poor, 0),
      poverty.poor,
    );
    const fund = results.get("FundByYearAndUnit")!.fundSummary as {
      raisedVnd: number;
      byYear: { year: number; raisedVnd: number }[];
    };
    assert.deepEqual(
      fund.byYear.map((y) => y.year),
      [2010, 2011, 2012, 2013, 2014, 2015, 2016, 2017, 2018, 2019],
    );
    assert.equal(
      fund.byYear.reduce((s, y) => s + BigInt(y.raisedVnd), 0n),
      BigInt(fund.raisedVnd),
    );
    const support = results.get("SupportByKind")!.fundSummary as {
      supportVisits: number;
      supportByKind: { kind: string; visits: number }[];
    };
    // supportByKind counts every event; the published household-visits are some of them.
    assert.equal(
      support.supportByKind.reduce((s, k) => s + k.visits, 0),
      await sql(`SELECT COUNT(*) FROM support_event WHERE given_on BETWEEN '2010-01-01' AND '2019-12-31'`),
    );
    assert.ok(support.supportVisits < support.supportByKind.reduce((s, k) => s + k.visits, 0));
    assert.ok(support.supportByKind.every((k) => k.visits > 0));
    const houses = results.get("HousesByState")!.houseStatistics as {
      total: number;
      byStatus: { status: string; count: number }[];
    };
    assert.equal(
      houses.byStatus.reduce((s, k) => s + k.count, 0),
      houses.total,
    );
    // Over all time, for old An Giang (89): the houses proposed in its communes while it existed
    // (to 2025-06-30), handed over by now. 25,226 of them were handed over in 2010–2019 (below).
    assert.equal(
      houses.byStatus.find((s) => s.status === "HANDED_OVER")?.count,
      await sql(`SELECT COUNT(*) FROM solidarity_house WHERE status = 'HANDED_OVER' AND proposed_on <= '2025-06-30'`),
    );
    assert.ok(
      houses.byStatus.find((s) => s.status === "HANDED_OVER")!.count > 25_226,
      "the dataset goes on after 2019",
    );
    const petitions = results.get("PetitionsOnTimeByUnit")!.petitionStatistics as {
      received: number;
      onTimeRate: number;
      overdue: number;
    };
    assert.ok(petitions.onTimeRate > 0.5 && petitions.onTimeRate < 1, `on-time rate ${petitions.onTimeRate}`);
  });

  it("answers the analysts' grouped questions with the published figures, whatever the grouping", async () => {
    type Rows<R> = { rows: R[]; totalRows: number };
    const sum = <R>(rows: R[], pick: (r: R) => number | string) => rows.reduce((s, r) => s + BigInt(pick(r)), 0n);
    const poor = (await run("PoorHouseholdsByDistrictAndSize")).householdAggregate as Rows<{ households: number }>;
    assert.equal(
      sum(poor.rows, (r) => r.households),
      14_170n,
      "poor households at the end of 2019",
    );
    assert.equal(poor.totalRows, poor.rows.length);
    const byArea = (await run("HouseholdsByAreaAndStatus")).householdAggregate as Rows<{
      povertyStatus: string;
      households: number;
    }>;
    assert.equal(
      sum(byArea.rows, (r) => r.households),
      539_500n,
    );
    assert.equal(
      sum(
        byArea.rows.filter((r) => r.povertyStatus === "NEAR_POOR"),
        (r) => r.households,
      ),
      29_414n,
    );
    const support = (await run("SupportByYearAndRecipient")).supportAggregate as Rows<{ events: number }>;
    const byKind = (await run("SupportByKind")).fundSummary as { supportByKind: { visits: number }[] };
    assert.equal(
      sum(support.rows, (r) => r.events),
      sum(byKind.supportByKind, (k) => k.visits),
      "ten years of support events",
    );
    const raised = (await run("ContributionsByYearAndForm")).contributionAggregate as Rows<{ amountVnd: number }>;
    assert.equal(
      sum(raised.rows, (r) => r.amountVnd),
      1_376_270_000_000n,
      "ten years of the Fund for the Poor",
    );
    const houses = (await run("HousesHandedOverByDistrictAndKind")).houseAggregate as Rows<{
      workKind: string;
      houses: number;
    }>;
    assert.equal(
      sum(houses.rows, (r) => r.houses),
      25_226n,
      "houses built or repaired 2010-2019",
    );
    assert.equal(
      sum(
        houses.rows.filter((r) => r.workKind === "NEW"),
        (r) => r.houses,
      ),
      17_606n,
    );
  });

  it("goes on through 2026 on the map of each day: the later reviews' published figures, the 2025 map's records", async () => {
    const d = (await f.query(
      `{ r2021: povertyStatistics(unitCode: "89", year: 2021) { households poor nearPoor }
         r2022: povertyStatistics(unitCode: "89", year: 2022) { households poor nearPoor }
         r2024: povertyStatistics(unitCode: "89", year: 2024) { households poor nearPoor }
         old2025: povertyStatistics(unitCode: "89", year: 2025) { households }
         today: povertyStatistics(unitCode: "91", year: 2025) { households poor nearPoor coverage { complete uncoveredUnits { code } } }
         ward: povertyStatistics(unitCode: "30307", year: 2025) { households unit { validFrom } }
         petitions: petitionStatistics(unitCode: "91", from: "2025-07-01", to: "2026-11-30") { received }
         fund: fundSummary(unitCode: "91", from: "2025-07-01", to: "2026-11-30") { raisedVnd supportEvents housesBuilt } }`,
      { token: analyst },
    )) as GraphQLResponse;
    assert.equal(d.body.errors, undefined, d.text.slice(0, 500));
    type Poverty = { households: number; poor: number; nearPoor: number };
    const data = d.body.data as Record<string, Poverty & Record<string, unknown>>;
    // The 2022–2025 baseline (the end-2021 review, Decree 07/2021): 20,074 poor and 31,046 near-poor
    // (services/kit/data/README.md, "Programs: 2020–2026").
    assert.deepEqual([data.r2021!.poor, data.r2021!.nearPoor], [20_074, 31_046]);
    // Poor and near-poor together: 7.42% at the end of 2022, 4.61% at the end of 2024.
    const together = (r: Poverty) => Math.round(((r.poor + r.nearPoor) / r.households) * 10_000) / 100;
    assert.deepEqual([together(data.r2022!), together(data.r2024!)], [7.42, 4.61]);
    // The end-2025 review is on the 2025 map: old An Giang (89) had ended; province 91 holds every
    // household, old Kiên Giang's included (reviewed from the end of 2020): its coverage is complete.
    assert.equal(data.old2025!.households, 0);
    assert.equal(data.today!.households, await sql(`SELECT COUNT(*) FROM household`));
    const coverage = data.today!.coverage as { complete: boolean; uncoveredUnits: unknown[] };
    assert.deepEqual([coverage.complete, coverage.uncoveredUnits.length], [true, 0]);
    assert.equal(
      data.today!.poor,
      await sql(`SELECT COUNT(*) FROM poverty_classification WHERE year = 2025 AND status = 'POOR'`),
    );
    assert.deepEqual(data.ward!.unit, { validFrom: "2025-07-01" });
    assert.ok(data.ward!.households > 0);
    // Records after the change: petitions received and support, money and houses on the 2025 map.
    assert.ok((data.petitions as unknown as { received: number }).received > 0);
    const fund = data.fund as unknown as { raisedVnd: string; supportEvents: number; housesBuilt: number };
    assert.ok(BigInt(fund.raisedVnd) > 0n && fund.supportEvents > 0 && fund.housesBuilt > 0, JSON.stringify(fund));
    const communes2025 = unitVersions
      .filter((v) => v.level === "COMMUNE" && v.validFrom >= "2025-07-01")
      .map((v) => `'${v.code}'`);
    assert.equal(
      await sql(
        `SELECT COUNT(*) FROM support_event WHERE given_on >= '2025-07-01' AND commune_code NOT IN (${communes2025.join(", ")})`,
      ),
      0,
      "every support event from 2025-07-01 is kept under a 2025 commune",
    );
  });

  it("answers old Kiên Giang's published reviews: end-2020 exactly, the 2024 rate; none before 2020, and says so", async () => {
    const d = (await f.query(
      `{ kg: administrativeUnit(code: "91", asOf: "2020-06-01") {
           name validTo
           r2019: povertyStatistics(year: 2019) { households coverage { complete uncoveredUnits { code } } }
           r2020: povertyStatistics(year: 2020) { households poor nearPoor poorRate nearPoorRate coverage { complete } }
           r2024: povertyStatistics(year: 2024) { households poorRate } } }`,
      { token: analyst },
    )) as GraphQLResponse;
    assert.equal(d.body.errors, undefined, d.text.slice(0, 500));
    type Stats = { households: number; poor: number; nearPoor: number; poorRate: number; nearPoorRate: number };
    const kg = (d.body.data as { kg: Record<string, unknown> }).kg as Record<string, Stats & Record<string, unknown>>;
    assert.equal(kg.validTo as unknown as string, "2025-06-30");
    // Decision 24/QĐ-UBND (Kiên Giang, 2021-01-06): 8,790 poor (1.91%) and 19,378 near-poor (4.21%).
    assert.deepEqual(
      [kg.r2020!.households, kg.r2020!.poor, kg.r2020!.nearPoor, kg.r2020!.poorRate, kg.r2020!.nearPoorRate],
      [460_200, 8_790, 19_378, 0.0191, 0.0421],
    );
    assert.equal((kg.r2020!.coverage as { complete: boolean }).complete, true);
    // 2024: 1.28% poor (baochinhphu, 2024-10-10).
    assert.equal(kg.r2024!.poorRate, 0.0128);
    // Before its households were registered: no records, and the figure says so (never a silent zero).
    const before = kg.r2019!.coverage as { complete: boolean; uncoveredUnits: unknown[] };
    assert.deepEqual([kg.r2019!.households, before.complete, before.uncoveredUnits.length], [0, false, 143]);
  });

  it("shows the published figures in the IDE page, in a real browser", async () => {
    const browser = await launchChromium();
    try {
      const page = await browser.newPage();
      await page.goto(f.gatewayUrl, { waitUntil: "load" });
      await page.locator(".graphiql-container").waitFor({ timeout: 15_000 });
      await setIdeQuery(page, operation("ProvinceHeadline").document);
      const text = await runIdeQuery(page);
      assert.match(text, /"poor": 14170/);
      assert.match(text, /"nearPoor": 29414/);
      assert.match(text, /"poorRate": 0\.0263/);
      assert.match(text, /"supportVisits": 3\d{6}/);
    } finally {
      await browser.close();
    }
  });
});
