import { after, before, describe, it } from "node:test";
import assert from "node:assert/strict";
import { ADMIN, officerOf, startHarness, type Harness, type OperationResult } from "./testing/harness.js";

/**
 * Writes on the map of their day (issue 27): every write that names a unit names one in force on
 * its own date, and keeps the district of that day, none from 2025-07-01. SQLite by default,
 * PostgreSQL with TEST_DATABASE=postgres.
 */
const REGISTER = `mutation($i: RegisterHouseholdInput!) { registerHousehold(input: $i) { id unit { code validFrom } } }`;
const PROPOSE = `mutation($i: ProposeHouseInput!) { proposeHouse(input: $i) { id unit { code } fund { id } } }`;
const MODEL = `mutation($i: RegisterModelInput!) { registerModel(input: $i) { id unit { code validFrom } } }`;
const PROJECT = `mutation($i: RecordProjectInput!) { recordProject(input: $i) { id version unit { code validFrom } } }`;
const UPDATE_PROJECT = `mutation($i: UpdateProjectInput!) { updateProject(input: $i) { id } }`;

const LONG_XUYEN = officerOf("30307", "MTTQ-30307-25");
const NOT_IN_FORCE =
  "must name a unit in force on that day: from 1 July 2025 a commune, ward or special zone of the merged An Giang province (Resolution 1654/NQ-UBTVQH15), before that a unit of the map of the day";
const NOT_IN_FORCE_VI =
  "phải là đơn vị hành chính đang tồn tại vào ngày đó: từ ngày 01/7/2025 là xã, phường, đặc khu của tỉnh An Giang mới (Nghị quyết 1654/NQ-UBTVQH15), trước đó là đơn vị hành chính của thời điểm đó";

const fieldsOf = (r: OperationResult) => r.errors?.[0]?.extensions?.fields as { path: string; message: string }[];
const ok = <T>(r: OperationResult, name: string): T => {
  assert.equal(r.errors, undefined, JSON.stringify(r.errors));
  return r.data![name] as T;
};

describe("programs' writes on the map of their day (integration)", () => {
  let h: Harness;
  const sql = async (text: string) => (await h.ds.query(text)) as Record<string, unknown>[];
  const household = (communeCode: string, registeredOn: string) => ({
    communeCode,
    headName: "Trần Thị Bản Đồ",
    memberCount: 4,
    area: "URBAN",
    registeredOn,
  });
  before(async () => {
    h = await startHarness();
  });
  after(async () => h?.close());

  it("registers a household at Phường Long Xuyên in 2026 with no district, and counts it in the ward's figures", async () => {
    const count = async () => {
      const r = await h.run(`{ households(unitCode: "30307", first: 1) { totalCount } }`, { identity: ADMIN });
      return ok<{ totalCount: number }>(r, "households").totalCount;
    };
    const before = await count();
    const r = await h.run(REGISTER, { identity: LONG_XUYEN, variables: { i: household("30307", "2026-01-05") } });
    const created = ok<{ id: string; unit: { code: string; validFrom: string } }>(r, "registerHousehold");
    assert.deepEqual(created.unit, { code: "30307", validFrom: "2025-07-01" });
    const [row] = await sql(`SELECT commune_code, district_code FROM household WHERE id = ${Number(created.id)}`);
    assert.deepEqual([row!.commune_code, row!.district_code], ["30307", null]);
    assert.equal(await count(), before + 1, "Phường Long Xuyên's households hold it");
    // Mỹ Hòa in 2019 (the same code, the unit of that day) still has its district.
    const old = ok<{ id: string; unit: { validFrom: string } }>(
      await h.run(REGISTER, { identity: ADMIN, variables: { i: household("30307", "2019-03-01") } }),
      "registerHousehold",
    );
    assert.equal(old.unit.validFrom, "2010-01-01");
    const [oldRow] = await sql(`SELECT district_code FROM household WHERE id = ${Number(old.id)}`);
    assert.equal(oldRow!.district_code, "883");
  });

  it("refuses a commune not in force on the registration day, in English and Vietnamese, writing nothing", async () => {
    const [{ n: rows }] = (await sql(`SELECT COUNT(*) AS n FROM household`)) as { n: number }[];
    const variables = { i: household("30280", "2026-01-05") };
    const en = await h.run(REGISTER, { identity: ADMIN, variables });
    assert.equal(en.errors?.[0]?.extensions?.code, "BAD_USER_INPUT");
    assert.deepEqual(fieldsOf(en), [{ path: "input.communeCode", message: NOT_IN_FORCE }]);
    const vi = await h.run(REGISTER, { identity: ADMIN, variables, language: "vi" });
    assert.deepEqual(fieldsOf(vi), [{ path: "input.communeCode", message: NOT_IN_FORCE_VI }]);
    // A 2025 commune code that named nothing before, and old Kiên Giang's communes before 2025-07-01.
    const early = await h.run(REGISTER, { identity: ADMIN, variables: { i: household("30292", "2009-06-01") } });
    assert.deepEqual(fieldsOf(early), [{ path: "input.communeCode", message: NOT_IN_FORCE }]);
    const [{ n: after }] = (await sql(`SELECT COUNT(*) AS n FROM household`)) as { n: number }[];
    assert.equal(Number(after), Number(rows));
  });

  it("keeps the district of a house's proposal day, paid by a fund of the household's commune of that day", async () => {
    const [seeded] = await sql(`SELECT id FROM household WHERE commune_code = '30280' ORDER BY id LIMIT 1`);
    const house = (over: Record<string, unknown>) => ({
      householdId: String(seeded!.id),
      kind: "REPAIR",
      hardFloor: true,
      hardFrame: true,
      hardRoof: true,
      fundAmountVnd: 1_000_000,
      sponsorAmountVnd: 0,
      familyAmountVnd: 0,
      ...over,
    });
    // In 2026 Mỹ Bình's household lives in Phường Long Xuyên: its fund, or the province's, pays.
    const oldFund = await h.run(PROPOSE, {
      identity: ADMIN,
      variables: { i: house({ fundId: "QVNN-30280", proposedOn: "2026-01-10" }) },
    });
    assert.deepEqual(
      fieldsOf(oldFund).map((f) => f.path),
      ["input.fundId"],
    );
    const now = ok<{ id: string; fund: { id: string } }>(
      await h.run(PROPOSE, {
        identity: ADMIN,
        variables: { i: house({ fundId: "QVNN-30307-25", proposedOn: "2026-01-10" }) },
      }),
      "proposeHouse",
    );
    assert.equal(now.fund.id, "QVNN-30307-25");
    const then = ok<{ id: string }>(
      await h.run(PROPOSE, {
        identity: ADMIN,
        variables: { i: house({ fundId: "QVNN-883", proposedOn: "2020-03-02" }) },
      }),
      "proposeHouse",
    );
    const district = async (id: string) =>
      (await sql(`SELECT district_code FROM solidarity_house WHERE id = ${Number(id)}`))[0]!.district_code;
    assert.equal(await district(now.id), null, "no district from 2025-07-01");
    assert.equal(await district(then.id), "883");
  });

  it("registers models and records projects with the committee and the unit of their day", async () => {
    const model = (over: Record<string, unknown>) => ({
      name: "Mô hình phường văn minh",
      field: "CULTURE_SOCIETY",
      track: "CIVILISED_URBAN",
      registrantKind: "COLLECTIVE",
      registrantName: "Khu phố 1",
      organisationId: "HPN-30307-25",
      unitCode: "30307",
      year: 2026,
      registeredOn: "2026-01-10",
      ...over,
    });
    const created = ok<{ id: string; unit: { code: string; validFrom: string } }>(
      await h.run(MODEL, { identity: ADMIN, variables: { i: model({}) } }),
      "registerModel",
    );
    assert.deepEqual(created.unit, { code: "30307", validFrom: "2025-07-01" });
    const [row] = await sql(`SELECT district_code FROM mobilisation_model WHERE id = ${Number(created.id)}`);
    assert.equal(row!.district_code, null);
    const refused = async (over: Record<string, unknown>) =>
      fieldsOf(await h.run(MODEL, { identity: ADMIN, variables: { i: model(over) } })).map((f) => f.path);
    // The 2019 map's committee after its end, the 2025 map's before its start, an ended unit.
    assert.deepEqual(await refused({ organisationId: "HPN-883", unitCode: null }), ["input.organisationId"]);
    assert.deepEqual(await refused({ registeredOn: "2020-02-10", year: 2020 }), ["input.organisationId"]);
    assert.deepEqual(await refused({ unitCode: "30280" }), ["input.unitCode"]);
    const vi = await h.run(MODEL, { identity: ADMIN, variables: { i: model({ unitCode: "30280" }) }, language: "vi" });
    assert.deepEqual(fieldsOf(vi), [{ path: "input.unitCode", message: NOT_IN_FORCE_VI }]);

    const project = ok<{ id: string; version: number; unit: { validFrom: string } }>(
      await h.run(PROJECT, {
        identity: ADMIN,
        variables: {
          i: {
            kind: "LOAN",
            name: "Cho vay vốn hội viên phường Long Xuyên",
            organisationId: "HND-91-25",
            unitCode: "30307",
            fundingSource: "DOMESTIC",
            funderName: "Ngân hàng Chính sách xã hội",
            amountVnd: "500000000",
            beneficiaries: 20,
            startsOn: "2026-01-02",
          },
        },
      }),
      "recordProject",
    );
    assert.equal(project.unit.validFrom, "2025-07-01");
    const [p] = await sql(`SELECT district_code FROM member_project WHERE id = ${Number(project.id)}`);
    assert.equal(p!.district_code, null);
    // Moved to a start before the merged province's committee existed: refused on the new date.
    const moved = await h.run(UPDATE_PROJECT, {
      identity: ADMIN,
      variables: { i: { projectId: project.id, expectedVersion: project.version, startsOn: "2024-01-02" } },
    });
    assert.deepEqual(
      fieldsOf(moved).map((f) => f.path),
      ["input.startsOn"],
    );
  });
});
