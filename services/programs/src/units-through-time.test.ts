import { after, before, describe, it } from "node:test";
import assert from "node:assert/strict";
import { placeholders } from "@danvan/kit";
import { ADMIN, startHarness, type Harness } from "./testing/harness.js";

/**
 * Figures follow the units through time (issue 27): a code alone names the unit it names now (a
 * 2025 commune sums its predecessors, chains included); a unit reached through the graph is one
 * version; a figure over a territory without records says so (`coverage`).
 */

/** Phường Long Xuyên (30307 from 2025-07-01): six old wards and, through Mỹ Xuyên, Đông Xuyên. */
const LONG_XUYEN_PREDECESSORS = ["30280", "30283", "30285", "30286", "30295", "30298", "30307"];

const FIGURES = `
  povertyStatistics(year: 2019) { households poor nearPoor coverage { complete approximate } }
  houseStatistics { total coverage { complete } }
  modelStatistics { total resourcesMobilisedVnd coverage { complete } }
  fundSummary(from: "2012-03-15", to: "2019-10-20") { raisedVnd spentVnd housesBuilt supportVisits supportEvents coverage { complete } }
  households(first: 1) { totalCount }`;

interface Figures {
  code: string;
  validFrom: string;
  povertyStatistics: { households: number; poor: number; nearPoor: number };
  houseStatistics: { total: number };
  modelStatistics: { total: number; resourcesMobilisedVnd: string };
  fundSummary: {
    raisedVnd: string;
    spentVnd: string;
    housesBuilt: number;
    supportVisits: number;
    supportEvents: number;
  };
  households: { totalCount: number };
}

/** The figures as numbers, to add them up. */
const numbers = (f: Figures) => [
  f.povertyStatistics.households,
  f.povertyStatistics.poor,
  f.povertyStatistics.nearPoor,
  f.houseStatistics.total,
  f.modelStatistics.total,
  BigInt(f.modelStatistics.resourcesMobilisedVnd),
  BigInt(f.fundSummary.raisedVnd),
  BigInt(f.fundSummary.spentVnd),
  f.fundSummary.housesBuilt,
  f.fundSummary.supportVisits,
  f.fundSummary.supportEvents,
  f.households.totalCount,
];

describe("programs' figures follow the units through time (integration)", () => {
  let h: Harness;
  before(async () => {
    h = await startHarness();
  });
  after(async () => h.close());

  /** Each unit version's figures through `_entities` (a unit reached through the graph). */
  async function figuresOf(units: { code: string; validFrom?: string }[]): Promise<Figures[]> {
    const r = await h.run(
      `query($r: [_Any!]!) { _entities(representations: $r) { ... on AdministrativeUnit { code validFrom ${FIGURES} } } }`,
      { variables: { r: units.map((u) => ({ __typename: "AdministrativeUnit", ...u })) }, identity: ADMIN },
    );
    assert.equal(r.errors, undefined, JSON.stringify(r.errors));
    return r.data!._entities as Figures[];
  }

  it("Phường Long Xuyên, named by its code, sums its predecessors' figures, chains included", async () => {
    const [now] = await figuresOf([{ code: "30307" }]);
    assert.equal(now!.validFrom, "2025-07-01");
    const olds = await figuresOf(
      LONG_XUYEN_PREDECESSORS.map((code) => ({ code, validFrom: code === "30286" ? "2025-01-01" : "2010-01-01" })),
    );
    // Mỹ Xuyên of 2025-01-01 already holds Đông Xuyên: sum the 2010 versions of the others.
    const parts = olds.filter((f) => f.code !== "30286");
    const [myXuyen2010] = await figuresOf([{ code: "30286", validFrom: "2010-01-01" }]);
    parts.push(myXuyen2010!);
    const sum = parts.map(numbers).reduce((a, b) => a.map((x, i) => (x as number) + (b[i] as number)));
    assert.deepEqual(numbers(now!), sum);
    // The chain: Mỹ Xuyên of 2025 is Mỹ Xuyên of 2010 and Đông Xuyên.
    const dongXuyen = olds.find((f) => f.code === "30285")!;
    const myXuyen2025 = olds.find((f) => f.code === "30286")!;
    assert.deepEqual(
      numbers(myXuyen2025),
      numbers(myXuyen2010!).map((x, i) => (x as number) + (numbers(dongXuyen)[i] as number)),
    );
    assert.ok(now!.povertyStatistics.households > 0 && dongXuyen.povertyStatistics.households > 0);

    // The same figures through the queries that take a code, and in plain SQL.
    const r = await h.run(
      `{ p: povertyStatistics(unitCode: "30307", year: 2019) { households unit { code validFrom } }
         s: houseStatistics(unitCode: "30307") { total }
         f: fundSummary(unitCode: "30307", from: "2012-03-15", to: "2019-10-20") { raisedVnd supportByKind { visits } } }`,
    );
    assert.equal(r.errors, undefined, JSON.stringify(r.errors));
    const d = r.data as {
      p: { households: number; unit: { code: string; validFrom: string } };
      s: { total: number };
      f: { raisedVnd: string; supportByKind: { visits: number }[] };
    };
    assert.deepEqual(d.p.unit, { code: "30307", validFrom: "2025-07-01" });
    assert.equal(d.p.households, now!.povertyStatistics.households);
    assert.equal(d.s.total, now!.houseStatistics.total);
    assert.equal(d.f.raisedVnd, now!.fundSummary.raisedVnd);
    assert.equal(
      d.f.supportByKind.reduce((s, k) => s + k.visits, 0),
      now!.fundSummary.supportEvents,
    );
    const inList = LONG_XUYEN_PREDECESSORS.map(() => "?").join(", ");
    const [row] = (await h.ds.query(
      placeholders(
        h.ds,
        `SELECT COUNT(*) AS n FROM poverty_classification WHERE year = 2019 AND commune_code IN (${inList})`,
      ),
      LONG_XUYEN_PREDECESSORS,
    )) as { n: string | number }[];
    assert.equal(now!.povertyStatistics.households, Number(row!.n));
  });

  it("Phường Mỹ Hòa (30307 of 2010–2025) is its own territory only", async () => {
    const [myHoa, longXuyen] = await figuresOf([
      { code: "30307", validFrom: "2010-01-01" },
      { code: "30307", validFrom: "2025-07-01" },
    ]);
    const [row] = (await h.ds.query(
      placeholders(h.ds, `SELECT COUNT(*) AS n FROM poverty_classification WHERE year = 2019 AND commune_code = ?`),
      ["30307"],
    )) as { n: string | number }[];
    assert.equal(myHoa!.povertyStatistics.households, Number(row!.n));
    assert.ok(myHoa!.povertyStatistics.households < longXuyen!.povertyStatistics.households);
  });

  it("an old district's drill-down is its units on its last day, and adds up", async () => {
    const r = await h.run(`{ povertyStatistics(unitCode: "883", year: 2019) {
      unit { code validFrom } households poor nearPoor byChildUnit { unit { code validFrom } households poor nearPoor } } }`);
    assert.equal(r.errors, undefined, JSON.stringify(r.errors));
    type Row = { unit: { code: string; validFrom: string }; households: number; poor: number; nearPoor: number };
    const s = r.data!.povertyStatistics as Row & { byChildUnit: Row[] };
    assert.deepEqual(s.unit, { code: "883", validFrom: "2010-01-01" });
    const children = s.byChildUnit.map((c) => `${c.unit.code}@${c.unit.validFrom}`);
    // On 2025-06-30: Mỹ Xuyên of 2025-01-01 (with Đông Xuyên), no Đông Xuyên of its own.
    assert.ok(children.includes("30286@2025-01-01"), children.join(" "));
    assert.ok(!children.some((c) => c.startsWith("30285@")), children.join(" "));
    for (const k of ["households", "poor", "nearPoor"] as const)
      assert.equal(
        s.byChildUnit.reduce((a, c) => a + c[k], 0),
        s[k],
        k,
      );
  });

  it("province 91's figures say that 143 old Kiên Giang communes have no records; old 89's are complete", async () => {
    const r = await h.run(`{
      n: povertyStatistics(unitCode: "91", year: 2019) { households coverage { complete approximate uncoveredUnits { code validFrom } } }
      o: povertyStatistics(unitCode: "89", year: 2019) { households coverage { complete approximate uncoveredUnits { code } } }
      h: houseStatistics(unitCode: "91") { total coverage { complete uncoveredUnits { code } } }
      m: modelStatistics(unitCode: "91") { coverage { complete } }
      f: fundSummary(unitCode: "91", from: "2019-01-01", to: "2019-12-31") { coverage { complete } } }`);
    assert.equal(r.errors, undefined, JSON.stringify(r.errors));
    type Coverage = { complete: boolean; approximate: boolean; uncoveredUnits: { code: string; validFrom: string }[] };
    const d = r.data as Record<string, { households?: number; coverage: Coverage }>;
    assert.equal(d.n!.coverage.complete, false);
    assert.equal(d.n!.coverage.uncoveredUnits.length, 143);
    assert.ok(d.n!.coverage.uncoveredUnits.every((u) => u.validFrom === "2010-01-01"));
    assert.equal(d.h!.coverage.uncoveredUnits.length, 143);
    assert.equal(d.m!.coverage.complete, false);
    assert.equal(d.f!.coverage.complete, false);
    assert.deepEqual(d.o!.coverage, { complete: true, approximate: false, uncoveredUnits: [] });
    // No silent zero: the records are old An Giang's, the same households.
    assert.equal(d.n!.households, d.o!.households);
  });

  it("a commune formed from part of a split commune is approximate (Xã An Phú, 30337)", async () => {
    const r = await h.run(`{ povertyStatistics(unitCode: "30337", year: 2019) {
      unit { validFrom } coverage { complete approximate countedWholeUnits { code validFrom } } } }`);
    assert.equal(r.errors, undefined, JSON.stringify(r.errors));
    const s = r.data!.povertyStatistics as {
      unit: { validFrom: string };
      coverage: { complete: boolean; approximate: boolean; countedWholeUnits: { code: string }[] };
    };
    assert.equal(s.unit.validFrom, "2025-07-01");
    assert.equal(s.coverage.complete, true);
    assert.equal(s.coverage.approximate, true);
    assert.ok(s.coverage.countedWholeUnits.length > 0);
  });

  it("facts name the unit of their date", async () => {
    const r = await h.run(
      `{ households(unitCode: "30307", first: 3) { edges { node { unit { code validFrom } } } } }`,
      { identity: ADMIN },
    );
    assert.equal(r.errors, undefined, JSON.stringify(r.errors));
    const units = (r.data!.households as { edges: { node: { unit: { code: string; validFrom: string } } }[] }).edges;
    assert.ok(units.length > 0);
    for (const e of units) {
      assert.ok(LONG_XUYEN_PREDECESSORS.includes(e.node.unit.code));
      assert.notEqual(e.node.unit.validFrom, "2025-07-01");
    }
  });
});
