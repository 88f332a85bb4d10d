import { after, before, describe, it } from "node:test";
import assert from "node:assert/strict";
import { configurePaging, districtOf, referenceUnits } from "@danvan/kit";
import { statementsFor } from "@danvan/kit/testing";
import { ADMIN, startHarness, type Harness } from "../testing/harness.js";
import { SolidarityHouse } from "../houses/solidarity-house.entity.js";
import { HouseStatus, HouseWorkKind } from "../houses/house-enums.js";
import { MemberProject } from "../projects/member-project.entity.js";
import { FundingSource, MemberProjectKind } from "../projects/project-enums.js";
import { MobilisationModel } from "./mobilisation-model.entity.js";
import { MobilisationField, MobilisationTrack, ModelStatus, RegistrantKind } from "./model-enums.js";

/**
 * The N+1 guard for houses, models and projects: every list field with all its relations
 * (and the statistics reached through them) costs the same statements for 10 items as for
 * hundreds, because every relation goes through a batched per-request loader.
 */
const HOUSES = `query($n: Int!) {
  solidarityHouses(unitCode: "89", first: $n) { totalCount edges { node {
    id kind status meetsThreeHardStandard totalCostVnd
    household { id headName unit { code } classification(year: 2019) { status } }
    fund { id name unit { code } }
    unit { code houseStatistics { total byStatus { status count } } modelStatistics(year: 2019) { total } }
  } } }
}`;

const MODELS = `query($n: Int!) {
  mobilisationModels(first: $n) { totalCount edges { node {
    id name registrantName field status
    organisation { id mobilisationModels(first: 2) { totalCount edges { node { id registrantName unit { code } } } } fund { id } }
    unit { code modelStatistics { total byField { field count } } houseStatistics(from: "2010-01-01", to: "2019-12-31") { total } }
  } } }
}`;

const PROJECTS = `query($n: Int!) {
  memberProjects(unitCode: "89", first: $n) { totalCount edges { node {
    id kind amountVnd
    organisation { id mobilisationModels(first: 1) { totalCount } }
    unit { code houseStatistics { total } modelStatistics { total } }
  } } }
}`;

const ORGANISATIONS = `query($r: [_Any!]!) {
  _entities(representations: $r) { ... on Organisation {
    id mobilisationModels(first: 3) { totalCount pageInfo { hasNextPage endCursor } edges { node { id organisation { id } } } }
  } }
}`;

const UNITS = `query($r: [_Any!]!) {
  _entities(representations: $r) { ... on AdministrativeUnit {
    code
    houseStatistics(from: "2015-01-01", to: "2019-12-31") { total byKind { kind count } }
    all: houseStatistics { total }
    modelStatistics(year: 2019) { total byStatus { status count } }
  } }
}`;

const PREFIXES = ["MTTQ", "HND", "HPN", "DTN", "CCB", "LDLD"];

/** Enough rows beyond the small seed that a list can hold 150 items, spread over many units and committees. */
async function addRows(h: Harness, n: number): Promise<void> {
  const communes = referenceUnits.filter((u) => u.level === "COMMUNE");
  // Old An Giang's households (registered by 2019, their communes' funds open in 2020): old Kiên
  // Giang's, registered in 2020 and without funds, cannot have a house proposed on 2020-02-01.
  const anGiang = new Set(communes.map((u) => u.code));
  const households = (
    (await h.ds.query(
      `SELECT id, commune_code FROM household WHERE id NOT IN (SELECT household_id FROM solidarity_house) ORDER BY id`,
    )) as { id: number; commune_code: string }[]
  ).filter((hh) => anGiang.has(hh.commune_code));
  const spread = households.filter((_, i) => i % Math.floor(households.length / n) === 0).slice(0, n);
  await h.ds.getRepository(SolidarityHouse).insert(
    spread.map((hh, i) => ({
      householdId: Number(hh.id),
      communeCode: hh.commune_code,
      districtCode: districtOf(hh.commune_code)!,
      kind: i % 3 === 0 ? HouseWorkKind.REPAIR : HouseWorkKind.NEW,
      hardFloor: true,
      hardFrame: true,
      hardRoof: i % 2 === 0,
      fundAmountVnd: i % 4 === 0 ? 0n : 20_000_000n,
      sponsorAmountVnd: 10_000_000n,
      familyAmountVnd: 5_000_000n,
      sponsorName: null,
      fundId: i % 4 === 0 ? null : `QVNN-${hh.commune_code}`,
      status: HouseStatus.PROPOSED,
      proposedOn: "2020-02-01",
      version: 1,
    })),
  );
  await h.ds.getRepository(MobilisationModel).insert(
    Array.from({ length: n }, (_, i) => {
      const unit = communes[(i * 7) % communes.length]!;
      return {
        name: `Mô hình thử ${i}`,
        field: Object.values(MobilisationField)[i % 4]!,
        track: MobilisationTrack.GENERAL,
        registrantKind: i % 2 ? RegistrantKind.INDIVIDUAL : RegistrantKind.COLLECTIVE,
        registrantName: "Lê Văn Thử",
        organisationId: `${PREFIXES[i % PREFIXES.length]}-${unit.code}`,
        unitCode: unit.code,
        districtCode: districtOf(unit.code),
        year: 2019,
        status: ModelStatus.REGISTERED,
        resourcesMobilisedVnd: 1_000_000n,
        registeredOn: "2019-03-01",
        version: 1,
      };
    }),
  );
  await h.ds.getRepository(MemberProject).insert(
    Array.from({ length: n }, (_, i) => {
      const unit = communes[(i * 11) % communes.length]!;
      return {
        kind: i % 2 ? MemberProjectKind.LOAN : MemberProjectKind.TECHNOLOGY_TRANSFER,
        name: `Dự án thử ${i}`,
        organisationId: `${PREFIXES[i % PREFIXES.length]}-${unit.code}`,
        unitCode: unit.code,
        districtCode: districtOf(unit.code),
        fundingSource: FundingSource.DOMESTIC,
        funderName: "Ngân hàng Chính sách xã hội",
        amountVnd: 100_000_000n,
        beneficiaries: 10,
        startsOn: "2019-01-01",
        endsOn: null,
        version: 1,
      };
    }),
  );
}

describe("houses, models, projects: statements per operation do not grow with list size (N+1 guard)", () => {
  let h: Harness;
  before(async () => {
    configurePaging({ max: 1000 });
    h = await startHarness();
    await addRows(h, 150);
  });
  after(async () => h.close());

  const statements = (
    query: string,
    variables: Record<string, unknown>,
    count: (d: Record<string, unknown>) => number,
    min: number,
  ) => statementsFor(h, query, { variables, identity: ADMIN, count, min });
  const edges = (key: string) => (d: Record<string, unknown>) => (d[key] as { edges: unknown[] }).edges.length;
  const entities = (d: Record<string, unknown>) => (d._entities as unknown[]).length;

  for (const [name, query, key] of [
    ["solidarityHouses", HOUSES, "solidarityHouses"],
    ["mobilisationModels", MODELS, "mobilisationModels"],
    ["memberProjects", PROJECTS, "memberProjects"],
  ] as const) {
    it(`${name} with every relation: 10 items and at least 150`, async () => {
      const small = await statements(query, { n: 10 }, edges(key), 10);
      const large = await statements(query, { n: 1000 }, edges(key), 150);
      console.log(`# ${name}: ${small} statements for 10 items, ${large} for ≥150`);
      assert.ok(large <= small, `${large} statements for ≥150 items, ${small} for 10`);
    });
  }

  it("Organisation.mobilisationModels: 10 committees and all 1,008", async () => {
    const all = referenceUnits.flatMap((u) =>
      PREFIXES.map((p) => ({ __typename: "Organisation", id: `${p}-${u.code}` })),
    );
    const small = await statements(ORGANISATIONS, { r: all.slice(0, 10) }, entities, 10);
    const large = await statements(ORGANISATIONS, { r: all }, entities, 1000);
    console.log(`# Organisation.mobilisationModels: ${small} statements for 10 committees, ${large} for ${all.length}`);
    assert.equal(large, small);
  });

  it("AdministrativeUnit house and model statistics: 10 units and all 168", async () => {
    const all = referenceUnits.map((u) => ({ __typename: "AdministrativeUnit", code: u.code }));
    const small = await statements(UNITS, { r: all.slice(0, 10) }, entities, 10);
    const large = await statements(UNITS, { r: all }, entities, 168);
    console.log(`# AdministrativeUnit statistics: ${small} statements for 10 units, ${large} for 168`);
    assert.equal(large, small);
  });
});
