import { after, before, describe, it } from "node:test";
import assert from "node:assert/strict";
import { ANONYMOUS, childrenOf, communesIn, districtOf, todayInProvince, type Identity } from "@danvan/kit";
import { latestUnit } from "@danvan/kit/units";
import { ADMIN, ANALYST, officerOf, startHarness, type Harness } from "../testing/harness.js";
import { ALL_ORGANISATION_KINDS, OrganisationKind } from "../organisations/organisation-kind.js";
import { AgeBand, ageBandOf } from "./age-band.js";
import { isMemberOn } from "./membership.js";
import { AGGREGATE, type Args, type Row } from "./member-aggregate.fixture.js";

/** The existing statistic: each committee of the unit counts its members and those below it. */
const MEMBER_COUNTS = `query($code: ID!, $asOf: Date) {
  administrativeUnit(code: $code, asOf: $asOf) { organisations { kind memberCount(asOf: $asOf) } }
}`;

interface MemberFact {
  organisation_id: string;
  unit_code: string;
  kind: OrganisationKind;
  gender: string;
  birth_year: number | null;
  joined_on: string;
  left_on: string | null;
  workplace_sector: string | null;
}

describe("memberAggregate", () => {
  let h: Harness;
  let facts: MemberFact[];
  before(async () => {
    h = await startHarness();
    // Two members without a birth year, so that UNKNOWN has members.
    for (const [i, organisationId] of ["HPN-30280", "CCB-30280"].entries()) {
      const r = await h.run(`mutation($input: RecordMemberInput!) { recordMember(input: $input) { id } }`, {
        identity: ADMIN,
        variables: {
          input: {
            organisationId,
            fullName: ["Lê Thị Một", "Lê Thị Hai"][i],
            gender: "FEMALE",
            joinedOn: "2018-05-02",
          },
        },
      });
      assert.equal(r.errors, undefined, JSON.stringify(r.errors));
    }
    facts = (
      (await h.ds.query(
        `SELECT m.organisation_id, o.unit_code, o.kind, m.gender, m.birth_year, m.joined_on, m.left_on, o.workplace_sector
         FROM member m JOIN organisation o ON o.id = m.organisation_id`,
      )) as MemberFact[]
    ).map((f) => ({
      ...f,
      birth_year: f.birth_year === null ? null : Number(f.birth_year),
      joined_on: String(f.joined_on),
      left_on: f.left_on === null ? null : String(f.left_on),
    }));
  });
  after(async () => h.close());

  async function aggregate(args: Args, identity: Identity = ANALYST) {
    const r = await h.run(AGGREGATE, { identity, variables: args });
    assert.equal(r.errors, undefined, JSON.stringify(r.errors));
    return r.data!.memberAggregate as { rows: Row[]; totalRows: number };
  }
  /** memberCount(asOf) of each committee of the unit (as in force on asOf), through the same harness. */
  async function memberCounts(code: string, asOf?: string): Promise<Map<string, number>> {
    const r = await h.run(MEMBER_COUNTS, { variables: { code, asOf } });
    assert.equal(r.errors, undefined, JSON.stringify(r.errors));
    const unit = r.data!.administrativeUnit as { organisations: { kind: string; memberCount: number }[] };
    const counts = new Map<string, number>();
    for (const o of unit.organisations) counts.set(o.kind, (counts.get(o.kind) ?? 0) + o.memberCount);
    return counts;
  }
  const total = (counts: Map<string, number>) => [...counts.values()].reduce((a, b) => a + b, 0);
  const members = (rows: Row[]) => rows.reduce((a, r) => a + (r.members ?? 0), 0);

  it("groups by every dimension alone, each adding up to the memberCount of the unit's committees", async () => {
    const asOf = "2019-12-31";
    const expected = total(await memberCounts("89", asOf));
    assert.ok(expected > 3000, "the seed has members");
    const districts = new Set(childrenOf("89").map((u) => u.code));
    const communes = new Set(communesIn("89"));
    const wellFormed: Record<string, (r: Row) => boolean> = {
      DISTRICT: (r) => r.district === null || (districts.has(r.district.code) && r.district.level === "DISTRICT"),
      COMMUNE: (r) => r.commune === null || (communes.has(r.commune.code) && r.commune.level === "COMMUNE"),
      ORGANISATION_KIND: (r) => ALL_ORGANISATION_KINDS.includes(r.organisationKind!),
      GENDER: (r) => ["FEMALE", "MALE"].includes(r.gender!),
      AGE_BAND: (r) => Object.values(AgeBand).includes(r.ageBand!),
      JOIN_YEAR: (r) => /^(19[789]\d|20[01]\d)$/.test(r.joinYear!),
    };
    const field: Record<string, keyof Row> = {
      DISTRICT: "district",
      COMMUNE: "commune",
      ORGANISATION_KIND: "organisationKind",
      GENDER: "gender",
      AGE_BAND: "ageBand",
      JOIN_YEAR: "joinYear",
    };
    for (const [dimension, ok] of Object.entries(wellFormed)) {
      const a = await aggregate({ unitCode: "89", asOf, groupBy: [dimension], first: 1000 });
      assert.equal(a.totalRows, a.rows.length, dimension);
      assert.ok(a.rows.length > 1, dimension);
      assert.ok(a.rows.every(ok), `${dimension}: ${JSON.stringify(a.rows.find((r) => !ok(r)))}`);
      assert.equal(members(a.rows), expected, dimension);
      for (const other of Object.keys(field).filter((d) => d !== dimension))
        assert.ok(
          a.rows.every((r) => r[field[other]!] === null),
          `${dimension}: ${other} is null`,
        );
      assert.ok(a.rows.every((r) => !r.suppressed));
    }
    // By organisation: each committee's own memberCount, in declaration order.
    const byKind = await aggregate({ unitCode: "89", asOf, groupBy: ["ORGANISATION_KIND"] });
    const counts = await memberCounts("89", asOf);
    assert.deepEqual(
      byKind.rows.map((r) => [r.organisationKind, r.members]),
      ALL_ORGANISATION_KINDS.map((k) => [k, counts.get(k)]),
    );
    // By district: each district's committees' memberCount, the province's own committees as null, last.
    const byDistrict = await aggregate({ unitCode: "89", asOf, groupBy: ["DISTRICT"] });
    const codes = [...districts].sort();
    assert.deepEqual(
      byDistrict.rows.map((r) => r.district?.code ?? null),
      [...codes, null],
    );
    for (const r of byDistrict.rows.slice(0, 3)) {
      assert.equal(r.members, total(await memberCounts(r.district!.code, asOf)), r.district!.code);
    }
    let inDistricts = 0;
    for (const c of codes) inDistricts += total(await memberCounts(c, asOf));
    assert.ok(inDistricts < expected);
    assert.equal(byDistrict.rows.at(-1)!.members, expected - inDistricts);
  });

  it("adds up to the memberCount of the unit's committees in 2-, 3- and 4-dimension groupings", async () => {
    const groupings = [
      ["DISTRICT", "ORGANISATION_KIND"],
      ["COMMUNE", "GENDER"],
      ["GENDER", "AGE_BAND", "JOIN_YEAR"],
      ["DISTRICT", "ORGANISATION_KIND", "GENDER", "AGE_BAND"],
      ["JOIN_YEAR", "ORGANISATION_KIND", "GENDER", "AGE_BAND"],
    ];
    const cases: { unitCode: string; asOf?: string }[] = [
      { unitCode: "89", asOf: "2019-12-31" },
      // Today: the province of 2025, whose committees count those of the old province carried over.
      { unitCode: "91" },
      { unitCode: "883", asOf: "2012-06-30" },
      { unitCode: "30280", asOf: "2020-10-31" },
    ];
    for (const c of cases) {
      const expected = total(await memberCounts(c.unitCode, c.asOf));
      assert.ok(expected > 0, c.unitCode);
      for (const groupBy of groupings) {
        const a = await aggregate({ ...c, groupBy, first: 1000 });
        assert.ok(a.totalRows <= 1000, "all rows fit");
        assert.equal(a.totalRows, a.rows.length);
        assert.equal(members(a.rows), expected, `${c.unitCode} ${c.asOf} ${groupBy.join(",")}`);
      }
      const one = await aggregate({ ...c, groupBy: [] });
      assert.deepEqual(
        one.rows.map((r) => r.members),
        [expected],
      );
    }
  });

  it("counts each group as the membership rules and the birth year say, on the asOf day", async () => {
    for (const asOf of ["2020-06-30", "2005-01-01"]) {
      const year = Number(asOf.slice(0, 4));
      const a = await aggregate({
        unitCode: "883",
        asOf,
        groupBy: ["ORGANISATION_KIND", "AGE_BAND", "JOIN_YEAR", "COMMUNE"],
        first: 1000,
      });
      const inScope = new Set(["883", ...communesIn("883")]);
      const expected = new Map<string, number>();
      for (const f of facts) {
        if (!inScope.has(f.unit_code) || !isMemberOn({ joinedOn: f.joined_on, leftOn: f.left_on }, asOf)) continue;
        // A grassroots trade union's members: under its district's Labour Federation, no commune.
        const commune = f.unit_code.length === 5 && f.workplace_sector === null ? f.unit_code : null;
        const key = [f.kind, ageBandOf(f.birth_year, year), f.joined_on.slice(0, 4), commune].join("/");
        expected.set(key, (expected.get(key) ?? 0) + 1);
      }
      const got = new Map(
        a.rows.map((r) => [[r.organisationKind, r.ageBand, r.joinYear, r.commune?.code ?? null].join("/"), r.members]),
      );
      assert.ok(a.totalRows < 1000);
      assert.deepEqual(got, expected, asOf);
    }
    // Age bands on the edges: born 1989 is 30 at the end of 2019, 31 in 2020.
    assert.equal(ageBandOf(1989, 2019), AgeBand.AGE_16_30);
    assert.equal(ageBandOf(1989, 2020), AgeBand.AGE_31_45);
    assert.equal(ageBandOf(1959, 2019), AgeBand.AGE_46_60);
    assert.equal(ageBandOf(1958, 2019), AgeBand.AGE_OVER_60);
    assert.equal(ageBandOf(2004, 2019), AgeBand.AGE_16_30, "joined at 14 or 15: the youngest band");
    assert.equal(ageBandOf(null, 2019), AgeBand.UNKNOWN);
    const unknown = await aggregate({ unitCode: "30280", asOf: "2019-01-01", groupBy: ["AGE_BAND"] });
    assert.equal(unknown.rows.find((r) => r.ageBand === "UNKNOWN")?.members, 2);
    assert.deepEqual(
      unknown.rows.map((r) => r.ageBand),
      Object.values(AgeBand).filter((b) => unknown.rows.some((r) => r.ageBand === b)),
      "in declaration order",
    );
  });

  it("places a commune's members under its district and itself, and a district committee's under the district only", async () => {
    const day = "2024-12-31";
    // A commune whose code names no unit of 2025: the unit the code names now is the old one, ended.
    const commune = communesIn("886").find((c) => latestUnit(c)!.validTo !== null)!;
    const own = await aggregate({ unitCode: commune, asOf: day, groupBy: ["DISTRICT", "COMMUNE"] });
    assert.deepEqual(
      own.rows.map((r) => [r.district?.code, r.commune?.code]),
      [[districtOf(commune), commune]],
    );
    // After its end its committees count no one: their members count in the 2025 commune's.
    const today = await aggregate({ unitCode: commune, groupBy: ["DISTRICT"] });
    assert.deepEqual(today, { rows: [], totalRows: 0 });
    const district = await aggregate({ unitCode: "886", asOf: day, groupBy: ["COMMUNE"], first: 1000 });
    const staff = district.rows.filter((r) => r.commune === null);
    assert.equal(staff.length, 1, "the district committees' own members: no commune");
    const counts = await memberCounts("886", day);
    let inCommunes = 0;
    for (const c of communesIn("886")) inCommunes += total(await memberCounts(c, day));
    assert.equal(staff[0]!.members, total(counts) - inCommunes);
    assert.equal(district.rows.at(-1), staff[0], "last, after the communes");
  });

  it("counts today when asOf is left out", async () => {
    const a = await aggregate({ unitCode: "30307", groupBy: ["GENDER"] });
    const b = await aggregate({ unitCode: "30307", asOf: todayInProvince(), groupBy: ["GENDER"] });
    assert.deepEqual(a, b);
    assert.ok(members(a.rows) > 0);
    assert.equal(members(a.rows), total(await memberCounts("30307")));
  });

  it("filters by organisation, gender and age band", async () => {
    const asOf = "2019-12-31";
    const counts = await memberCounts("883", asOf);
    const women = await aggregate({
      unitCode: "883",
      asOf,
      groupBy: ["AGE_BAND"],
      filter: { organisationKinds: ["WOMENS_UNION"] },
    });
    assert.equal(members(women.rows), counts.get("WOMENS_UNION"));
    const two = await aggregate({
      unitCode: "883",
      asOf,
      groupBy: ["ORGANISATION_KIND"],
      filter: { organisationKinds: ["VETERANS_ASSOCIATION", "FARMERS_UNION"] },
    });
    assert.deepEqual(
      two.rows.map((r) => [r.organisationKind, r.members]),
      [
        ["FARMERS_UNION", counts.get("FARMERS_UNION")],
        ["VETERANS_ASSOCIATION", counts.get("VETERANS_ASSOCIATION")],
      ],
    );
    const byGender = await aggregate({ unitCode: "883", asOf, groupBy: ["GENDER", "AGE_BAND"], first: 1000 });
    const menOver60 = await aggregate({
      unitCode: "883",
      asOf,
      groupBy: ["DISTRICT"],
      filter: { genders: ["MALE"], ageBands: ["AGE_OVER_60"] },
    });
    assert.equal(
      members(menOver60.rows),
      byGender.rows.find((r) => r.gender === "MALE" && r.ageBand === "AGE_OVER_60")!.members,
    );
    assert.ok(members(menOver60.rows) > 0);
    // An empty list would match nothing: refused by path, as every aggregate does.
    const none = await h.run(AGGREGATE, {
      identity: ANALYST,
      variables: { unitCode: "883", asOf, groupBy: ["GENDER"], filter: { genders: [] } },
    });
    assert.deepEqual(none.errors?.[0]?.extensions?.fields, [
      { path: "filter.genders", message: "must have at least one item" },
    ]);
  });

  it("sorts by members or a dimension, then in dimension order, and keeps `first` rows of totalRows", async () => {
    const base = { unitCode: "89", asOf: "2019-12-31" };
    const all = await aggregate({ ...base, groupBy: ["DISTRICT", "ORGANISATION_KIND"], first: 1000 });
    const top = await aggregate({
      ...base,
      groupBy: ["DISTRICT", "ORGANISATION_KIND"],
      orderBy: [{ by: "MEMBERS" }],
      first: 7,
    });
    assert.equal(top.rows.length, 7);
    assert.equal(top.totalRows, all.totalRows);
    const kinds = ALL_ORGANISATION_KINDS as string[];
    const code = (r: Row) => r.district?.code ?? "~"; // no district (the province's own committees) last
    const byCode = (a: Row, b: Row) => (code(a) < code(b) ? -1 : code(a) > code(b) ? 1 : 0);
    const expectedTop = [...all.rows]
      .sort(
        (a, b) =>
          b.members! - a.members! ||
          byCode(a, b) ||
          kinds.indexOf(a.organisationKind!) - kinds.indexOf(b.organisationKind!),
      )
      .slice(0, 7);
    assert.deepEqual(top.rows, expectedTop);
    // Default: dimension order, in the grouping's order.
    const kindFirst = await aggregate({ ...base, groupBy: ["ORGANISATION_KIND", "DISTRICT"], first: 1000 });
    for (let i = 1; i < kindFirst.rows.length; i++) {
      const [a, b] = [kindFirst.rows[i - 1]!, kindFirst.rows[i]!];
      const cmp = kinds.indexOf(a.organisationKind!) - kinds.indexOf(b.organisationKind!) || byCode(a, b);
      assert.ok(cmp < 0, `row ${i} in order`);
    }
    const years = await aggregate({ ...base, groupBy: ["JOIN_YEAR"], orderBy: [{ by: "JOIN_YEAR" }], first: 1000 });
    const list = years.rows.map((r) => r.joinYear!);
    assert.deepEqual(list, [...list].sort().reverse());
    const fewest = await aggregate({ ...base, groupBy: ["AGE_BAND"], orderBy: [{ by: "MEMBERS", direction: "ASC" }] });
    const counts = fewest.rows.map((r) => r.members!);
    assert.deepEqual(
      counts,
      [...counts].sort((a, b) => a - b),
    );
    const first3 = await aggregate({ ...base, groupBy: ["ORGANISATION_KIND", "DISTRICT"], first: 3 });
    assert.deepEqual(first3.rows, kindFirst.rows.slice(0, 3));
    assert.equal(first3.totalRows, kindFirst.totalRows);
    const defaulted = await aggregate({ ...base, groupBy: ["COMMUNE"] });
    assert.equal(defaulted.rows.length, 100);
    assert.ok(defaulted.totalRows > 100);
  });

  it("suppresses the public's cells of 1 to 4 members; analysts, administrators and officers in scope see all", async () => {
    const args = { unitCode: "883", asOf: "2019-12-31", groupBy: ["COMMUNE", "ORGANISATION_KIND"], first: 1000 };
    const full = await aggregate(args, ANALYST);
    const key = (r: Row) => `${r.commune?.code}/${r.organisationKind}`;
    const smallKeys = new Set(full.rows.filter((r) => r.members! > 0 && r.members! < 5).map(key));
    assert.ok(smallKeys.size > 0 && smallKeys.size < full.rows.length, "the grouping has small and large cells");

    for (const who of [ANONYMOUS, officerOf("884"), { sub: "h", roles: ["HANDLING_OFFICER" as const] }]) {
      const pub = await aggregate(args, who);
      assert.equal(pub.totalRows, full.totalRows);
      for (const r of pub.rows) {
        assert.equal(r.suppressed, smallKeys.has(key(r)), key(r));
        if (r.suppressed) assert.equal(r.members, null);
        else assert.ok(r.members! >= 5);
      }
    }
    for (const who of [ANALYST, ADMIN, officerOf("883"), officerOf("89")]) {
      const seen = await aggregate(args, who);
      assert.deepEqual(seen, full);
    }

    // An officer of one commune asking for its district sees their commune's rows in full only.
    const mine = communesIn("883")[0]!;
    const officer = await aggregate(args, officerOf(mine));
    for (const r of officer.rows) assert.equal(r.suppressed, r.commune?.code !== mine && smallKeys.has(key(r)), key(r));
    assert.ok(
      officer.rows.some((r) => r.commune?.code === mine && smallKeys.has(key(r))),
      "their small cells are shown",
    );
    // Grouped by district only, their commune gives them nothing more than the public.
    const byDistrict = {
      unitCode: "89",
      asOf: "2019-12-31",
      groupBy: ["DISTRICT", "ORGANISATION_KIND", "AGE_BAND"],
      first: 1000,
    };
    assert.deepEqual(await aggregate(byDistrict, officerOf(mine)), await aggregate(byDistrict, ANONYMOUS));
    const districtOfficer = await aggregate(byDistrict, officerOf(districtOf(mine)!));
    const publicView = await aggregate(byDistrict, ANONYMOUS);
    assert.ok(
      publicView.rows.some((r) => r.district?.code === "883" && r.suppressed),
      "883 has small cells",
    );
    assert.ok(districtOfficer.rows.filter((r) => r.district?.code === "883").every((r) => !r.suppressed));
    assert.ok(districtOfficer.rows.some((r) => r.district?.code !== "883" && r.suppressed));
    // Sorted by members, suppressed cells come last for the public, so the order hides their counts.
    const sorted = await aggregate({ ...args, orderBy: [{ by: "MEMBERS", direction: "ASC" }] }, ANONYMOUS);
    const firstSuppressed = sorted.rows.findIndex((r) => r.suppressed);
    assert.ok(firstSuppressed > 0);
    assert.ok(sorted.rows.slice(firstSuppressed).every((r) => r.suppressed));
  });
});
