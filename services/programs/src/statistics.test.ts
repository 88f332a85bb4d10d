import { after, before, describe, it } from "node:test";
import assert from "node:assert/strict";
import { placeholders, subtreeCodes } from "@danvan/kit";
import { startHarness, type Harness } from "./testing/harness.js";

/** Every figure is checked against a count written here in plain SQL over the base tables. */
describe("statistics equal independent SQL counts (integration)", () => {
  let h: Harness;
  before(async () => {
    h = await startHarness();
  });
  after(async () => h.close());

  const sql = async (text: string, params: unknown[]) =>
    (await h.ds.query(placeholders(h.ds, text), params)) as Record<string, string | number | null>[];
  const inList = (codes: string[]) => codes.map(() => "?").join(", ");

  for (const unitCode of ["89", "883", "30280", "891"]) {
    it(`povertyStatistics for ${unitCode} in 2019 and 2016 counts the reviews of the unit and the units below`, async () => {
      for (const year of [2019, 2016]) {
        const r = await h.run(
          `query($u: ID!, $y: Int!) { povertyStatistics(unitCode: $u, year: $y) { year households poor nearPoor poorRate nearPoorRate byChildUnit { unit { code } households poor nearPoor } } }`,
          { variables: { u: unitCode, y: year } },
        );
        assert.equal(r.errors, undefined, JSON.stringify(r.errors));
        const s = r.data!.povertyStatistics as {
          households: number;
          poor: number;
          nearPoor: number;
          poorRate: number;
          nearPoorRate: number;
          byChildUnit: { unit: { code: string }; households: number; poor: number; nearPoor: number }[];
        };
        const codes = subtreeCodes(unitCode);
        const [row] = await sql(
          `SELECT COUNT(*) AS households, SUM(CASE WHEN status = 'POOR' THEN 1 ELSE 0 END) AS poor, SUM(CASE WHEN status = 'NEAR_POOR' THEN 1 ELSE 0 END) AS near
           FROM poverty_classification WHERE year = ? AND commune_code IN (${inList(codes)})`,
          [year, ...codes],
        );
        assert.deepEqual(
          [s.households, s.poor, s.nearPoor],
          [Number(row!.households), Number(row!.poor ?? 0), Number(row!.near ?? 0)],
        );
        assert.ok(s.households > 0);
        assert.equal(s.poorRate, Math.round((s.poor / s.households) * 10000) / 10000);
        assert.equal(s.nearPoorRate, Math.round((s.nearPoor / s.households) * 10000) / 10000);
        if (s.byChildUnit.length) {
          assert.equal(
            s.byChildUnit.reduce((a, c) => a + c.households, 0),
            s.households,
          );
          assert.equal(
            s.byChildUnit.reduce((a, c) => a + c.poor, 0),
            s.poor,
          );
          assert.equal(
            s.byChildUnit.reduce((a, c) => a + c.nearPoor, 0),
            s.nearPoor,
          );
        }
      }
    });

    it(`fundSummary for ${unitCode} over 2010–2019 and over one part year equals the base tables`, async () => {
      for (const [from, to] of [
        ["2010-01-01", "2019-12-31"],
        ["2018-03-15", "2018-11-02"],
      ]) {
        const r = await h.run(
          `query($u: ID!, $f: Date!, $t: Date!) { fundSummary(unitCode: $u, from: $f, to: $t) { raisedVnd spentVnd housesBuilt housesRepaired supportVisits supportEvents byYear { year raisedVnd spentVnd supportVisits supportEvents housesBuilt housesRepaired } } }`,
          { variables: { u: unitCode, f: from, t: to } },
        );
        assert.equal(r.errors, undefined, JSON.stringify(r.errors));
        const s = r.data!.fundSummary as {
          raisedVnd: number;
          spentVnd: number;
          housesBuilt: number;
          housesRepaired: number;
          supportVisits: number;
          supportEvents: number;
          byYear: {
            raisedVnd: number;
            spentVnd: number;
            supportVisits: number;
            supportEvents: number;
            housesBuilt: number;
            housesRepaired: number;
          }[];
        };
        const codes = subtreeCodes(unitCode);
        const [raised] = await sql(
          `SELECT COALESCE(SUM(amount_vnd), 0) AS v FROM contribution WHERE unit_code IN (${inList(codes)}) AND received_on BETWEEN ? AND ?`,
          [...codes, from, to],
        );
        const [spent] = await sql(
          `SELECT COALESCE(-SUM(amount_vnd), 0) AS v FROM fund_entry WHERE unit_code IN (${inList(codes)}) AND kind IN ('SUPPORT', 'HOUSE') AND entry_on BETWEEN ? AND ?`,
          [...codes, from, to],
        );
        // Household-visits as published: the Fund's kinds to a household poor or near-poor at its
        // review of the event's year (read from the reviews, not the event's own column); and every event.
        const [visits] = await sql(
          `SELECT COUNT(*) AS v FROM support_event e
             JOIN poverty_classification pc ON pc.household_id = e.household_id
              AND pc.year = CAST(substr(CAST(e.given_on AS TEXT), 1, 4) AS INTEGER)
            WHERE e.commune_code IN (${inList(codes)}) AND e.given_on BETWEEN ? AND ?
              AND e.kind IN ('TET_GIFT', 'EMERGENCY', 'STUDY', 'MEDICAL', 'PRODUCTION')
              AND pc.status IN ('POOR', 'NEAR_POOR')`,
          [...codes, from, to],
        );
        const [events] = await sql(
          `SELECT COUNT(*) AS v FROM support_event WHERE commune_code IN (${inList(codes)}) AND given_on BETWEEN ? AND ?`,
          [...codes, from, to],
        );
        assert.equal(BigInt(s.raisedVnd), BigInt(String(raised!.v)));
        assert.equal(BigInt(s.spentVnd), BigInt(String(spent!.v)));
        assert.equal(s.supportVisits, Number(visits!.v));
        assert.equal(s.supportEvents, Number(events!.v));
        assert.ok(s.supportVisits <= s.supportEvents);
        if (unitCode === "89") assert.ok(s.supportVisits < s.supportEvents, "some support is not a published visit");
        assert.ok(BigInt(s.raisedVnd) > 0n);
        const sum = (k: "supportVisits" | "supportEvents" | "housesBuilt" | "housesRepaired") =>
          s.byYear.reduce((a, y) => a + y[k], 0);
        assert.equal(
          s.byYear.reduce((a, y) => a + BigInt(y.raisedVnd), 0n),
          BigInt(s.raisedVnd),
        );
        assert.equal(
          s.byYear.reduce((a, y) => a + BigInt(y.spentVnd), 0n),
          BigInt(s.spentVnd),
        );
        assert.deepEqual(
          [sum("supportVisits"), sum("supportEvents"), sum("housesBuilt"), sum("housesRepaired")],
          [s.supportVisits, s.supportEvents, s.housesBuilt, s.housesRepaired],
        );
      }
    });
  }

  it("refuses an unknown unit, a malformed one, a bad year and a reversed period with coded errors", async () => {
    const unknown = await h.run(`{ povertyStatistics(unitCode: "99999", year: 2019) { poor } }`);
    assert.equal(unknown.errors?.[0]?.extensions?.code, "NOT_FOUND");
    const malformed = await h.run(`{ fundSummary(unitCode: "x", from: "2019-01-01", to: "2019-12-31") { raisedVnd } }`);
    assert.equal(malformed.errors?.[0]?.extensions?.code, "BAD_USER_INPUT");
    const year = await h.run(`{ povertyStatistics(unitCode: "89", year: 99) { poor } }`);
    assert.deepEqual((year.errors?.[0]?.extensions?.fields as { path: string }[])[0]!.path, "year");
    const reversed = await h.run(`{ fundSummary(unitCode: "89", from: "2019-12-31", to: "2019-01-01") { raisedVnd } }`);
    assert.deepEqual((reversed.errors?.[0]?.extensions?.fields as { path: string }[])[0]!.path, "from");
  });

  it("answers the rest of a request when one statistic fails: the failing field alone is null", async () => {
    const r = await h.run(
      `{ ok: povertyStatistics(unitCode: "89", year: 2019) { poor }
         unknown: povertyStatistics(unitCode: "99999", year: 2019) { poor }
         reversed: fundSummary(unitCode: "89", from: "2019-12-31", to: "2019-01-01") { raisedVnd }
         houses: houseStatistics(unitCode: "883") { total }
         models: modelStatistics(unitCode: "x") { total } }`,
      { language: "vi" },
    );
    const data = r.data as Record<string, unknown>;
    assert.ok((data.ok as { poor: number }).poor > 0);
    assert.ok((data.houses as { total: number }).total > 0);
    assert.deepEqual([data.unknown, data.reversed, data.models], [null, null, null]);
    const byPath = Object.fromEntries(r.errors!.map((e) => [String(e.path![0]), e]));
    assert.deepEqual(byPath.unknown!.extensions, {
      code: "NOT_FOUND",
      fields: [{ path: "unitCode", message: "không tồn tại" }],
    });
    assert.equal(byPath.unknown!.message, "Không tìm thấy đơn vị hành chính");
    assert.deepEqual(byPath.reversed!.extensions!.fields, [{ path: "from", message: "không được sau to" }]);
    assert.deepEqual(byPath.models!.extensions!.fields, [
      { path: "unitCode", message: "phải là mã đơn vị hành chính chính thức (2, 3 hoặc 5 chữ số)" },
    ]);
    assert.doesNotMatch(JSON.stringify(r.errors), /99999|2019-12-31|2019-01-01/);
  });

  it("nulls only the failing field of a unit reached through the entity, not the unit", async () => {
    const r = await h.run(
      `query($r: [_Any!]!) { _entities(representations: $r) { ... on AdministrativeUnit { code
        povertyStatistics(year: 1999) { poor }
        fundSummary(from: "2019-01-01", to: "2019-12-31") { supportVisits }
        modelStatistics(year: 3000) { total }
        households(first: 1) { totalCount } } } }`,
      { variables: { r: [{ __typename: "AdministrativeUnit", code: "883" }] } },
    );
    const [unit] = r.data!._entities as Record<string, unknown>[];
    assert.equal(unit!.code, "883");
    assert.ok((unit!.fundSummary as { supportVisits: number }).supportVisits > 0);
    assert.deepEqual([unit!.povertyStatistics, unit!.modelStatistics, unit!.households], [null, null, null]);
    assert.deepEqual(r.errors!.map((e) => e.extensions!.code).sort(), [
      "BAD_USER_INPUT",
      "BAD_USER_INPUT",
      "UNAUTHENTICATED",
    ]);
  });

  it("takes dates as Date: a day that does not exist is refused", async () => {
    const r = await h.run(
      `query($f: Date!) { fundSummary(unitCode: "89", from: $f, to: "2019-12-31") { raisedVnd } }`,
      {
        variables: { f: "2019-02-29" },
      },
    );
    assert.equal(r.errors?.[0]?.extensions?.code, "BAD_USER_INPUT");
    assert.equal(r.data, undefined);
  });

  it("answers a year without reviews with zeros, not an error", async () => {
    const r = await h.run(`{ povertyStatistics(unitCode: "89", year: 2005) { households poor poorRate } }`);
    assert.deepEqual(r.data!.povertyStatistics, { households: 0, poor: 0, poorRate: 0 });
  });
});
