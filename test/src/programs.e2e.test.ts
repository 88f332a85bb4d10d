import { after, before, describe, it } from "node:test";
import assert from "node:assert/strict";
import type { DataSource } from "typeorm";
import { createLogger, dataSourceFor, placeholders, subtreeCodes } from "@danvan/kit";
import { programsSubgraph } from "@danvan/programs";
import { startFederation, type Federation } from "./support/federation.js";

describe("programs through the gateway, joined with organisations", () => {
  let f: Federation;
  let ds: DataSource;
  before(async () => {
    f = await startFederation();
    ds = dataSourceFor(
      programsSubgraph,
      { ...f.databases.programs, DB_POOL_SIZE: 2, DB_ACQUIRE_TIMEOUT_MS: 5000 },
      createLogger("e2e-sql", "silent"),
    );
    await ds.initialize();
  });
  after(async () => {
    await ds?.destroy();
    await f?.stop();
  });

  /** The same figures counted directly in programs' database. */
  async function independent(unitCode: string) {
    const codes = subtreeCodes(unitCode);
    const list = codes.map(() => "?").join(", ");
    const q = async (sql: string, params: unknown[]) =>
      ((await ds.query(placeholders(ds, sql), params)) as Record<string, string | number | null>[])[0]!;
    const poverty = await q(
      `SELECT COUNT(*) AS h, SUM(CASE WHEN status = 'POOR' THEN 1 ELSE 0 END) AS p, SUM(CASE WHEN status = 'NEAR_POOR' THEN 1 ELSE 0 END) AS n FROM poverty_classification WHERE year = 2019 AND commune_code IN (${list})`,
      codes,
    );
    const raised = await q(
      `SELECT COALESCE(SUM(amount_vnd), 0) AS v FROM contribution WHERE unit_code IN (${list}) AND received_on BETWEEN '2010-01-01' AND '2019-12-31'`,
      codes,
    );
    // Household-visits as published: the Fund's kinds to households poor or near-poor at that year's review.
    const visits = await q(
      `SELECT COUNT(*) AS v FROM support_event e
         JOIN poverty_classification pc ON pc.household_id = e.household_id
          AND pc.year = CAST(substr(CAST(e.given_on AS TEXT), 1, 4) AS INTEGER)
        WHERE e.commune_code IN (${list}) AND e.given_on BETWEEN '2010-01-01' AND '2019-12-31'
          AND e.kind IN ('TET_GIFT', 'EMERGENCY', 'STUDY', 'MEDICAL', 'PRODUCTION') AND pc.status IN ('POOR', 'NEAR_POOR')`,
      codes,
    );
    return {
      households: Number(poverty.h),
      poor: Number(poverty.p ?? 0),
      nearPoor: Number(poverty.n ?? 0),
      raisedVnd: BigInt(String(raised.v)),
      supportVisits: Number(visits.v),
    };
  }

  for (const unitCode of ["89", "883", "30280"]) {
    it(`answers the headline query for ${unitCode} with the counts in the database`, async () => {
      const r = await f.query(
        `query($u: ID!) {
        povertyStatistics(unitCode: $u, year: 2019) { unit { name } households poor nearPoor poorRate nearPoorRate }
        fundSummary(unitCode: $u, from: "2010-01-01", to: "2019-12-31") { raisedVnd housesBuilt housesRepaired supportVisits }
      }`,
        { variables: { u: unitCode } },
      );
      assert.equal(r.body.errors, undefined, r.text);
      const p = r.body.data!.povertyStatistics as {
        unit: { name: string };
        households: number;
        poor: number;
        nearPoor: number;
        poorRate: number;
      };
      const s = r.body.data!.fundSummary as { raisedVnd: number | string; supportVisits: number };
      const want = await independent(unitCode);
      assert.deepEqual([p.households, p.poor, p.nearPoor], [want.households, want.poor, want.nearPoor]);
      assert.equal(BigInt(s.raisedVnd), want.raisedVnd);
      assert.equal(s.supportVisits, want.supportVisits);
      assert.ok(p.unit.name.length > 0, "the unit's name comes from organisations");
    });
  }

  it("answers the district page across subgraphs, children summing to the district", async () => {
    const r = await f.query(`{ administrativeUnit(code: "883", asOf: "2019-01-01") {
      name
      povertyStatistics(year: 2019) { poor nearPoor }
      children(asOf: "2019-01-01") { name povertyStatistics(year: 2019) { poor nearPoor } organisations { kind memberCount } fund: organisations(kind: FATHERLAND_FRONT) { fund { id } } }
    } }`);
    assert.equal(r.body.errors, undefined, r.text);
    const u = r.body.data!.administrativeUnit as {
      povertyStatistics: { poor: number; nearPoor: number };
      children: {
        povertyStatistics: { poor: number; nearPoor: number };
        organisations: { kind: string; memberCount: number }[];
        fund: { fund: { id: string } }[];
      }[];
    };
    assert.equal(u.children.length, 13);
    assert.equal(
      u.children.reduce((a, c) => a + c.povertyStatistics.poor, 0),
      u.povertyStatistics.poor,
    );
    assert.equal(
      u.children.reduce((a, c) => a + c.povertyStatistics.nearPoor, 0),
      u.povertyStatistics.nearPoor,
    );
    // A commune's committees: no Labour Federation there (issue 20).
    assert.ok(
      u.children.every(
        (c) =>
          c.organisations.length >= 4 &&
          c.organisations.every((o) => o.kind !== "LABOUR_FEDERATION") &&
          c.fund[0]!.fund.id.startsWith("QVNN-"),
      ),
    );
  });

  it("joins household records (officers only) with unit names from organisations", async () => {
    const q = `{ households(unitCode: "883", first: 2) { totalCount edges { node { id unit { name parent { code } } classification(year: 2019) { status } } } } }`;
    assert.equal((await f.query(q)).body.errors?.[0]?.extensions?.code, "UNAUTHENTICATED");
    const token = await f.token({ sub: "alice", roles: ["OFFICER"], unitCode: "883" });
    const r = await f.query(q, { token });
    assert.equal(r.body.errors, undefined, r.text);
    const edges = (
      r.body.data!.households as { edges: { node: { unit: { name: string; parent: { code: string } } } }[] }
    ).edges;
    assert.equal(edges.length, 2);
    assert.ok(edges.every((e) => e.node.unit.parent.code === "883" && e.node.unit.name.length > 0));
  });

  it("registers and classifies a household through the gateway and the statistics follow", async () => {
    const token = await f.token({ sub: "bob", roles: ["OFFICER"], unitCode: "30280" });
    const before = (await f.query(`{ povertyStatistics(unitCode: "30280", year: 2020) { households poor } }`)).body
      .data!.povertyStatistics as { households: number; poor: number };
    const reg = await f.query(
      `mutation { registerHousehold(input: { communeCode: "30280", headName: "Ngô Thị Đầu Cuối", memberCount: 5, area: URBAN, registeredOn: "2020-03-01", idempotencyKey: "e2e-household-1" }) { id } }`,
      { token },
    );
    assert.equal(reg.body.errors, undefined, reg.text);
    const id = (reg.body.data!.registerHousehold as { id: string }).id;
    const cls = await f.query(
      `mutation($id: ID!) { classifyHousehold(input: { householdId: $id, year: 2020, monthlyIncomePerPersonVnd: 850000, deprivations: 0, classifiedOn: "2020-11-30" }) { status household { unit { name } } } }`,
      { token, variables: { id } },
    );
    assert.equal(cls.body.errors, undefined, cls.text);
    assert.deepEqual(cls.body.data!.classifyHousehold, {
      status: "POOR",
      household: { unit: { name: "Phường Mỹ Bình" } },
    });
    const after = (await f.query(`{ povertyStatistics(unitCode: "30280", year: 2020) { households poor } }`)).body.data!
      .povertyStatistics;
    assert.deepEqual(after, { households: before.households + 1, poor: before.poor + 1 });
  });
});
