import { after, before, describe, it } from "node:test";
import assert from "node:assert/strict";
import { startHarness, type Harness } from "../testing/harness.js";

type Page = {
  totalCount: number;
  pageInfo: { hasNextPage: boolean; endCursor: string | null };
  edges: { cursor: string; node: { id: string } }[];
};

describe("organisations (integration)", () => {
  let h: Harness;
  before(async () => {
    h = await startHarness();
  });
  after(async () => h.close());

  it("holds each organisation's committees where it has them: 848 committees in a tree in 2020", async () => {
    const r = await h.run(`{
      all: organisations(asOf: "2020-01-01") { totalCount }
      farmers: organisations(kind: FARMERS_UNION, asOf: "2020-01-01") { totalCount }
      youth: organisations(kind: YOUTH_UNION, asOf: "2020-01-01") { totalCount }
      labour: organisations(kind: LABOUR_FEDERATION, asOf: "2020-01-01") { totalCount }
      commune: organisation(id: "HND-30280") { name kind unit { code } parent { id parent { id parent { id } } } }
      district: organisation(id: "HND-883") { children { id } }
    }`);
    assert.equal(r.errors, undefined);
    const d = r.data as Record<string, { totalCount?: number } & Record<string, unknown>>;
    // Four at each of 168 units, the Farmers' Union in 152 of 156 communes, the Labour Federation at 12.
    assert.equal(d.all!.totalCount, 4 * 168 + (12 + 152) + 12);
    assert.equal(d.farmers!.totalCount, 164);
    assert.equal(d.youth!.totalCount, 168);
    assert.equal(d.labour!.totalCount, 12);
    assert.deepEqual(d.commune, {
      name: "Hội Nông dân Phường Mỹ Bình",
      kind: "FARMERS_UNION",
      unit: { code: "30280" },
      parent: { id: "HND-883", parent: { id: "HND-89", parent: null } },
    });
    // Long Xuyên's Farmers' Union has 9 grassroots units for its 13 wards and communes.
    assert.equal((d.district!.children as unknown[]).length, 9);
  });

  it("pages through a connection with cursors and no overlap", async () => {
    const seen = new Set<string>();
    let after: string | null = null;
    let pages = 0;
    for (;;) {
      const r = await h.run(
        `query($after: String) { organisations(unitCode: "883", includeBelow: true, first: 25, after: $after) { totalCount pageInfo { hasNextPage endCursor } edges { cursor node { id } } } }`,
        { variables: { after } },
      );
      const page = r.data!.organisations as Page;
      // Long Xuyên and its 13 units: four organisations everywhere, the Farmers' Union in 9
      // communes, the Labour Federation at the district only.
      assert.equal(page.totalCount, 14 * 4 + 10 + 1);
      for (const e of page.edges) {
        assert.ok(!seen.has(e.node.id), `duplicate ${e.node.id}`);
        seen.add(e.node.id);
      }
      pages++;
      if (!page.pageInfo.hasNextPage) break;
      after = page.pageInfo.endCursor;
    }
    assert.equal(seen.size, 67);
    assert.equal(pages, 3);
  });

  it("refuses a page larger than the maximum and a forged cursor, naming the argument", async () => {
    const big = await h.run(`{ organisations(first: 100000) { totalCount } }`);
    assert.equal(big.errors?.[0]?.extensions?.code, "BAD_USER_INPUT");
    assert.deepEqual(big.errors?.[0]?.extensions?.fields, [{ path: "first", message: "must be between 0 and 100" }]);
    const forged = await h.run(`{ organisations(after: "not-a-cursor") { totalCount } }`);
    assert.equal(forged.errors?.[0]?.extensions?.code, "BAD_USER_INPUT");
    assert.equal((forged.errors?.[0]?.extensions?.fields as { path: string }[])[0]!.path, "after");
  });

  it("counts members on a date including the committees below, equal to an independent SQL count", async () => {
    const asOf = "2015-06-30";
    const r = await h.run(
      `query($asOf: Date) {
      province: organisation(id: "HPN-89") { memberCount(asOf: $asOf) }
      district: organisation(id: "HPN-883") { memberCount(asOf: $asOf) }
      commune: organisation(id: "HPN-30280") { memberCount(asOf: $asOf) now: memberCount }
    }`,
      { variables: { asOf } },
    );
    assert.equal(r.errors, undefined);
    const sql = async (unitPrefix: string | null, unitCodes?: string[]) => {
      const rows = await h.ds.query(
        `SELECT m.organisation_id AS org, o.unit_code AS unit, m.joined_on AS j, m.left_on AS l FROM member m JOIN organisation o ON o.id = m.organisation_id WHERE o.kind = 'WOMENS_UNION'`,
      );
      return (rows as { unit: string; j: string; l: string | null }[]).filter(
        (x) =>
          (unitCodes ? unitCodes.includes(x.unit) : unitPrefix === null) && x.j <= asOf && (x.l === null || x.l > asOf),
      ).length;
    };
    const district = await h.run(`{ administrativeUnits(parentCode: "883", asOf: "2020-01-01") { code } }`);
    const codes = ["883", ...(district.data!.administrativeUnits as { code: string }[]).map((u) => u.code)];
    const d = r.data as Record<string, { memberCount: number; now?: number }>;
    assert.equal(d.province!.memberCount, await sql(null));
    assert.equal(d.district!.memberCount, await sql("x", codes));
    assert.equal(d.commune!.memberCount, await sql("x", ["30280"]));
    assert.ok(d.province!.memberCount > d.district!.memberCount && d.district!.memberCount > d.commune!.memberCount);
    assert.ok(d.commune!.now! >= 0);
  });

  it("reports recruitment in a year against the target, and current leaders", async () => {
    const r = await h.run(`{ organisation(id: "HND-30280") {
      recruitment(year: 2019) { year recruited target achievementRate }
      newMembers(from: "2019-01-01", to: "2019-12-31")
      positions(asOf: "2020-06-01") { title holderName termStart termEnd }
      old: positions(asOf: "2016-01-01") { termStart }
      last: positions(asOf: "2025-03-01") { title termStart termEnd }
    }
    successor: organisation(id: "HND-30307-25") { positions(asOf: "2026-01-01") { title termStart termEnd } } }`);
    assert.equal(r.errors, undefined);
    const o = r.data!.organisation as {
      recruitment: { recruited: number; target: number | null; achievementRate: number | null };
      newMembers: number;
      positions: { title: string; termStart: string; termEnd: string | null }[];
      old: { termStart: string }[];
      last: { title: string; termStart: string; termEnd: string | null }[];
    };
    type Seat = { title: string; termStart: string; termEnd: string | null };
    const successor = (r.data!.successor as { positions: Seat[] }).positions;
    assert.equal(o.recruitment.recruited, o.newMembers);
    const [{ target }] = (await h.ds.query(
      `SELECT target FROM recruitment_target WHERE organisation_id = 'HND-30280' AND year = 2019`,
    )) as { target: number }[];
    assert.equal(o.recruitment.target, Number(target));
    assert.equal(o.recruitment.achievementRate, Math.round((o.recruitment.recruited / Number(target)) * 10000) / 10000);
    assert.deepEqual(o.positions.map((p) => p.title).sort(), ["CHAIR", "VICE_CHAIR"]);
    // The 2019–2024 term ended at the 2024 congresses (issue 27: the register runs to 2026);
    // the next term ran until the committee ended with its unit on 2025-06-30.
    assert.ok(o.positions.every((p) => p.termStart === "2019-10-01" && p.termEnd === "2024-09-30"));
    assert.ok(o.old.every((p) => p.termStart === "2014-10-01"));
    assert.deepEqual(o.last.map((p) => p.title).sort(), ["CHAIR", "VICE_CHAIR"]);
    assert.ok(o.last.every((p) => p.termStart === "2024-10-01" && p.termEnd === "2025-06-30"));
    // Mỹ Bình went into Phường Long Xuyên: its 2025 committee has leaders of its own from its first day.
    assert.ok(successor.some((p) => p.title === "CHAIR"));
    assert.ok(successor.every((p) => p.termStart === "2025-07-01" && p.termEnd === null));
  });

  it("answers an unknown or malformed organisation id by path, never echoing it", async () => {
    const unknown = await h.run(`{ organisation(id: "HND-99999") { name } }`);
    assert.equal(unknown.errors?.[0]?.extensions?.code, "NOT_FOUND");
    assert.equal(unknown.errors?.[0]?.message, "No such organisation");
    assert.deepEqual(unknown.errors?.[0]?.extensions?.fields, [{ path: "id", message: "does not exist" }]);
    assert.ok(!JSON.stringify(unknown.errors).includes("99999"), "the id sent is not echoed");
    const malformed = await h.run(`{ organisation(id: "hnd_oops") { name } }`, { language: "vi" });
    assert.equal(malformed.errors?.[0]?.extensions?.code, "BAD_USER_INPUT");
    assert.deepEqual(malformed.errors?.[0]?.extensions?.fields, [
      { path: "id", message: "phải là mã tổ chức, có dạng như HND-883" },
    ]);
    assert.ok(!JSON.stringify(malformed.errors).includes("hnd_oops"), "the id sent is not echoed");
    const list = await h.run(`{ organisations(unitCode: "99999") { totalCount } }`, { language: "vi" });
    assert.equal(list.data?.organisations, null);
    assert.equal(list.errors?.[0]?.message, "Không tìm thấy đơn vị hành chính");
  });

  it("nulls only the field whose arguments are wrong: newMembers and recruitment", async () => {
    const r = await h.run(`{ organisation(id: "HND-30280") {
      name
      newMembers(from: "2019-12-31", to: "2019-01-01")
      recruitment(year: 1850) { recruited }
      ok: recruitment(year: 2019) { year }
    } }`);
    assert.deepEqual(r.data?.organisation, {
      name: "Hội Nông dân Phường Mỹ Bình",
      newMembers: null,
      recruitment: null,
      ok: { year: 2019 },
    });
    const byPath = Object.fromEntries((r.errors ?? []).map((e) => [e.path?.join("."), e.extensions?.fields]));
    assert.deepEqual(byPath, {
      "organisation.newMembers": [{ path: "from", message: "must not be after to" }],
      "organisation.recruitment": [{ path: "year", message: "must be a year between 1930 and 2100" }],
    });
    const vi = await h.run(`{ organisation(id: "HND-30280") { newMembers(from: "2019-12-31", to: "2019-01-01") } }`, {
      language: "vi",
    });
    assert.deepEqual(vi.errors?.[0]?.extensions?.fields, [
      { path: "from", message: "không được sau ngày kết thúc (to)" },
    ]);
  });

  it("takes memberCount's, newMembers' and positions' dates as Date: an impossible date is refused", async () => {
    for (const field of [
      `memberCount(asOf: "2019-02-29")`,
      `newMembers(from: "2019-01-01", to: "2019-13-01")`,
      `positions(asOf: "20190601") { title }`,
    ]) {
      const r = await h.run(`{ organisation(id: "HND-30280") { ${field} } }`);
      assert.ok(r.errors?.length, `${field} refused`);
      assert.equal(r.data, undefined, `${field} refused before any resolver runs`);
    }
  });

  it("answers an unknown campaign and a malformed campaign id by path, never echoing it", async () => {
    const unknown = await h.run(`{ campaign(id: "7654321") { name } }`, { language: "vi" });
    assert.equal(unknown.errors?.[0]?.extensions?.code, "NOT_FOUND");
    assert.equal(unknown.errors?.[0]?.message, "Không tìm thấy cuộc vận động, phong trào thi đua");
    assert.ok(!JSON.stringify(unknown.errors).includes("7654321"), "the id sent is not echoed");
    const tooLarge = await h.run(`{ campaign(id: "98765432109") { name } }`);
    assert.deepEqual(tooLarge.errors?.[0]?.extensions?.fields, [{ path: "id", message: "is not a campaign id" }]);
    assert.ok(!JSON.stringify(tooLarge.errors).includes("98765432109"), "the id sent is not echoed");
    const byOrganisation = await h.run(`{ campaigns(organisationId: "MTTQ-99999") { totalCount } }`);
    assert.equal(byOrganisation.data?.campaigns, null);
    assert.deepEqual(byOrganisation.errors?.[0]?.extensions?.fields, [
      { path: "organisationId", message: "does not exist" },
    ]);
  });

  it("nests district campaigns under province campaigns, with phases; on the 2025 map, commune ones", async () => {
    const r = await h.run(
      `{ campaigns(topLevel: true, first: 100) { totalCount edges { node { name kind startsOn organisation { id } phases { ordinal name } subCampaigns { organisation { id unit { level validFrom } } } } } } }`,
    );
    assert.equal(r.errors, undefined);
    const c = r.data!.campaigns as {
      totalCount: number;
      edges: {
        node: {
          startsOn: string;
          organisation: { id: string };
          phases: { ordinal: number }[];
          subCampaigns: { organisation: { id: string; unit: { level: string; validFrom: string } } }[];
        };
      }[];
    };
    // The seed's top-level campaigns, counted from the rows: six of 2010–2022 and those from 2023
    // (issue 27), at the old province's committee before 2025-07-01, at province 91's from then.
    const [{ n }] = (await h.ds.query(`SELECT COUNT(*) AS n FROM campaign WHERE parent_id IS NULL`)) as {
      n: number | string;
    }[];
    assert.equal(c.totalCount, Number(n));
    assert.equal(c.edges.length, c.totalCount);
    assert.equal(c.edges.filter((e) => e.node.startsOn < "2023-01-01").length, 6);
    const of2025 = c.edges.filter((e) => e.node.startsOn >= "2025-07-01");
    assert.ok(of2025.length > 0 && of2025.length < c.totalCount);
    for (const { node } of c.edges) {
      if (node.startsOn < "2025-07-01") {
        assert.match(node.organisation.id, /-89$/);
        assert.equal(node.subCampaigns.length, 11);
        assert.ok(node.subCampaigns.every((s) => s.organisation.unit.level === "DISTRICT"));
      } else {
        assert.match(node.organisation.id, /-91-25$/);
        // One per 2025 commune, at its 2025 committee.
        assert.equal(node.subCampaigns.length, 102);
        assert.ok(
          node.subCampaigns.every(
            (s) =>
              s.organisation.unit.level === "COMMUNE" &&
              s.organisation.unit.validFrom === "2025-07-01" &&
              s.organisation.id.endsWith("-25"),
          ),
        );
      }
      assert.deepEqual(
        node.phases.map((p) => p.ordinal),
        node.phases.map((_, i) => i + 1),
      );
    }
  });
});
