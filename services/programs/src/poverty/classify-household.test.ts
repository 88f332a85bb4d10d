import { after, before, describe, it } from "node:test";
import assert from "node:assert/strict";
import { ADMIN, officerOf, startHarness, type Harness } from "../testing/harness.js";

const CLASSIFY = `mutation($input: ClassifyHouseholdInput!) { classifyHousehold(input: $input) { year status transition standard { code } version } }`;
const STATS = `query($y: Int!) { povertyStatistics(unitCode: "30280", year: $y) { households poor nearPoor } }`;

describe("classifying households (integration)", () => {
  let h: Harness;
  let householdId: string;
  before(async () => {
    h = await startHarness();
    const r = await h.run(
      `mutation { registerHousehold(input: { communeCode: "30280", headName: "Võ Văn Nghèo", memberCount: 3, area: URBAN, registeredOn: "2015-01-01" }) { id } }`,
      { identity: ADMIN },
    );
    householdId = (r.data!.registerHousehold as { id: string }).id;
  });
  after(async () => h.close());

  const classify = (year: number, income: number, deprivations: number, expectedVersion?: number) =>
    h.run(CLASSIFY, {
      identity: officerOf("883"),
      variables: {
        input: {
          householdId,
          year,
          monthlyIncomePerPersonVnd: income,
          deprivations,
          classifiedOn: `${year}-11-30`,
          ...(expectedVersion ? { expectedVersion } : {}),
        },
      },
    });
  const stats = async (year: number) =>
    (await h.run(STATS, { variables: { y: year } })).data!.povertyStatistics as {
      households: number;
      poor: number;
      nearPoor: number;
    };

  it("classifies with the standard in force that year and moves the statistics by exactly one", async () => {
    const before = await stats(2019);
    const r = await classify(2019, 950_000, 1);
    assert.equal(r.errors, undefined, JSON.stringify(r.errors));
    assert.deepEqual(r.data!.classifyHousehold, {
      year: 2019,
      status: "NEAR_POOR",
      transition: "FIRST_REVIEW",
      standard: { code: "QD59-2015" },
      version: 1,
    });
    assert.deepEqual(await stats(2019), {
      households: before.households + 1,
      poor: before.poor,
      nearPoor: before.nearPoor + 1,
    });
  });

  it("derives the year's move and re-derives the next year's when an earlier year is recorded", async () => {
    const y2018 = await classify(2018, 800_000, 4);
    assert.equal((y2018.data!.classifyHousehold as { status: string }).status, "POOR");
    const [row] = (await h.ds.query(
      `SELECT transition FROM poverty_classification WHERE household_id = ${Number(householdId)} AND year = 2019`,
    )) as { transition: string }[];
    assert.equal(row!.transition, "ESCAPED_POVERTY");
  });

  it("revises a review only with its current version, adjusting the tallies by the difference", async () => {
    const before = await stats(2019);
    const missing = await classify(2019, 600_000, 0);
    assert.equal((missing.errors?.[0]?.extensions?.fields as { path: string }[])[0]!.path, "input.expectedVersion");
    const stale = await classify(2019, 600_000, 0, 7);
    assert.equal(stale.errors?.[0]?.extensions?.code, "CONFLICT");
    const ok = await classify(2019, 600_000, 0, 1);
    assert.deepEqual(ok.data!.classifyHousehold, {
      year: 2019,
      status: "POOR",
      transition: "REMAINED_POOR",
      standard: { code: "QD59-2015" },
      version: 2,
    });
    assert.deepEqual(await stats(2019), {
      households: before.households,
      poor: before.poor + 1,
      nearPoor: before.nearPoor - 1,
    });
  });

  it("uses Decree 07/2021 for 2022 and refuses a year no standard covers", async () => {
    const r = await classify(2022, 1_900_000, 3);
    assert.deepEqual(r.data!.classifyHousehold, {
      year: 2022,
      status: "POOR",
      transition: "FIRST_REVIEW",
      standard: { code: "ND07-2021" },
      version: 1,
    });
    const none = await classify(2005, 100_000, 0);
    assert.deepEqual(none.errors?.[0]?.extensions?.fields, [
      { path: "input.year", message: "no poverty standard covers this year" },
    ]);
    const negative = await classify(2020, -5, 0);
    assert.deepEqual(negative.errors?.[0]?.extensions?.fields, [
      { path: "input.monthlyIncomePerPersonVnd", message: "must not be negative" },
    ]);
  });

  it("answers in Vietnamese, names no value sent, and takes classifiedOn as a Date", async () => {
    const none = await h.run(CLASSIFY, {
      identity: officerOf("883"),
      language: "vi",
      variables: {
        input: { householdId, year: 2005, monthlyIncomePerPersonVnd: 1, deprivations: 0, classifiedOn: "2005-11-30" },
      },
    });
    assert.deepEqual(none.errors?.[0]?.extensions?.fields, [
      { path: "input.year", message: "không có chuẩn nghèo nào áp dụng cho năm này" },
    ]);
    const tooMany = await h.run(CLASSIFY, {
      identity: officerOf("883"),
      language: "vi",
      variables: {
        input: { householdId, year: 2020, monthlyIncomePerPersonVnd: 1, deprivations: 11, classifiedOn: "2020-11-30" },
      },
    });
    assert.deepEqual(tooMany.errors?.[0]?.extensions?.fields, [
      { path: "input.deprivations", message: "chỉ được tối đa 10 theo chuẩn QD59-2015" },
    ]);
    const missing = await h.run(CLASSIFY, {
      identity: officerOf("883"),
      language: "vi",
      variables: {
        input: {
          householdId: "987654321",
          year: 2020,
          monthlyIncomePerPersonVnd: 1,
          deprivations: 0,
          classifiedOn: "2020-11-30",
        },
      },
    });
    assert.equal(missing.errors?.[0]?.message, "Không tìm thấy hộ gia đình");
    assert.deepEqual(missing.data, { classifyHousehold: null });
    assert.doesNotMatch(JSON.stringify(missing.errors), /987654321/);
    const date = await h.run(CLASSIFY, {
      identity: officerOf("883"),
      variables: {
        input: { householdId, year: 2020, monthlyIncomePerPersonVnd: 1, deprivations: 0, classifiedOn: "2020-11-31" },
      },
    });
    assert.equal(date.errors?.[0]?.extensions?.code, "BAD_USER_INPUT");
    assert.match(date.errors![0]!.message, /input\.classifiedOn/);
  });

  it("classifies each review under the standard the province applied to it, with the middle living standard", async () => {
    const r = await h.run(
      `mutation { registerHousehold(input: { communeCode: "30280", headName: "Võ Thị Giữa", memberCount: 4, area: URBAN, registeredOn: "2010-01-01" }) { id } }`,
      { identity: ADMIN },
    );
    const id = (r.data!.registerHousehold as { id: string }).id;
    const review = async (year: number, income: number) => {
      const a = await h.run(
        `mutation($input: ClassifyHouseholdInput!) { classifyHousehold(input: $input) { status middleLivingStandard standard { code } } }`,
        {
          identity: officerOf("883"),
          variables: {
            input: {
              householdId: id,
              year,
              monthlyIncomePerPersonVnd: income,
              deprivations: 0,
              classifiedOn: `${year}-11-30`,
            },
          },
        },
      );
      assert.equal(a.errors, undefined, JSON.stringify(a.errors));
      return a.data!.classifyHousehold;
    };
    // Urban: 1,500,000 is above Decision 59/2015's band (1,300,000) and in its middle band (to 1,950,000);
    // Decree 07/2021's line is 2,000,000, so the same income is near-poor under it.
    assert.deepEqual(
      [
        await review(2014, 1_500_000),
        await review(2015, 1_500_000),
        await review(2020, 2_000_000),
        await review(2021, 1_500_000),
        await review(2021 + 1, 2_500_000),
      ],
      [
        { status: "NOT_POOR", middleLivingStandard: null, standard: { code: "QD09-2011" } },
        { status: "NOT_POOR", middleLivingStandard: true, standard: { code: "QD59-2015" } },
        { status: "NOT_POOR", middleLivingStandard: false, standard: { code: "QD59-2015" } },
        { status: "NEAR_POOR", middleLivingStandard: false, standard: { code: "ND07-2021" } },
        { status: "NOT_POOR", middleLivingStandard: true, standard: { code: "ND07-2021" } },
      ],
    );
    const standards = await h.run(
      `{ povertyStandards { code fromYear toYear thresholds { area middleIncomeMaxVnd } } }`,
    );
    assert.deepEqual(standards.data!.povertyStandards, [
      {
        code: "QD09-2011",
        fromYear: 2010,
        toYear: 2014,
        thresholds: [
          { area: "RURAL", middleIncomeMaxVnd: null },
          { area: "URBAN", middleIncomeMaxVnd: null },
        ],
      },
      {
        code: "QD59-2015",
        fromYear: 2015,
        toYear: 2020,
        thresholds: [
          { area: "RURAL", middleIncomeMaxVnd: 1500000 },
          { area: "URBAN", middleIncomeMaxVnd: 1950000 },
        ],
      },
      {
        code: "ND07-2021",
        fromYear: 2021,
        toYear: 2025,
        thresholds: [
          { area: "RURAL", middleIncomeMaxVnd: 2250000 },
          { area: "URBAN", middleIncomeMaxVnd: 3000000 },
        ],
      },
    ]);
  });

  it("lists the standards with their thresholds as data", async () => {
    const r = await h.run(
      `{ povertyStandards { code legalBasis fromYear toYear thresholds { area poorIncomeMaxVnd bandIncomeMaxVnd minDeprivations } } }`,
    );
    const s = r.data!.povertyStandards as {
      code: string;
      thresholds: { area: string; poorIncomeMaxVnd: number | null; bandIncomeMaxVnd: number }[];
    }[];
    assert.deepEqual(
      s.map((x) => x.code),
      ["QD09-2011", "QD59-2015", "ND07-2021"],
    );
    assert.deepEqual(
      s[1]!.thresholds.find((t) => t.area === "RURAL"),
      { area: "RURAL", poorIncomeMaxVnd: 700000, bandIncomeMaxVnd: 1000000, minDeprivations: 3 },
    );
  });
});
