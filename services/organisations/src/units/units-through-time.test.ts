import { after, before, describe, it } from "node:test";
import assert from "node:assert/strict";
import { statementsFor } from "@danvan/kit/testing";
import { ADMIN, startHarness, type Harness } from "../testing/harness.js";

type Link = { share: string; on: string; unit: { code: string; name: string; validFrom: string } };

describe("units through time (integration)", () => {
  let h: Harness;
  before(async () => {
    h = await startHarness({ scale: "small" });
  });
  after(async () => h.close());

  it("answers today's map: province 91 and its 102 communes (85 xã, 14 phường, 3 đặc khu), no districts", async () => {
    const r = await h.run(`{
      p: administrativeUnits(level: PROVINCE) { code name validFrom legalBasis }
      d: administrativeUnits(level: DISTRICT) { code }
      c: administrativeUnits(parentCode: "91") { code kind level }
    }`);
    assert.equal(r.errors, undefined);
    const data = r.data as { p: Record<string, string>[]; d: unknown[]; c: { kind: string; level: string }[] };
    assert.equal(data.p.length, 1);
    assert.deepEqual([data.p[0]!.code, data.p[0]!.name, data.p[0]!.validFrom], ["91", "Tỉnh An Giang", "2025-07-01"]);
    assert.match(data.p[0]!.legalBasis!, /202\/2025\/QH15/);
    assert.deepEqual(data.d, []);
    const kinds = (k: string) => data.c.filter((c) => c.kind === k).length;
    assert.deepEqual([data.c.length, kinds("Xã"), kinds("Phường"), kinds("Đặc khu")], [102, 85, 14, 3]);
  });

  it("keeps a reused code's units apart: 30307 was Phường Mỹ Hòa and is Phường Long Xuyên, formed from six wards", async () => {
    const r = await h.run(`{
      then: administrativeUnit(code: "30307", asOf: "2024-06-01") { name validTo endBasis successors { share on unit { code name } } }
      now: administrativeUnit(code: "30307") { name validFrom parent { code } predecessors { share on unit { code name validFrom } } }
    }`);
    assert.equal(r.errors, undefined);
    const then = r.data?.then as { name: string; validTo: string; endBasis: string; successors: Link[] };
    assert.deepEqual([then.name, then.validTo], ["Phường Mỹ Hòa", "2025-06-30"]);
    assert.match(then.endBasis, /1654\/NQ-UBTVQH15/);
    assert.deepEqual(then.successors, [
      { share: "WHOLE", on: "2025-07-01", unit: { code: "30307", name: "Phường Long Xuyên" } },
    ]);
    const now = r.data?.now as { name: string; parent: { code: string }; predecessors: Link[] };
    assert.equal(now.name, "Phường Long Xuyên");
    assert.equal(now.parent.code, "91");
    assert.deepEqual(now.predecessors.map((p) => p.unit.code).sort(), [
      "30280",
      "30283",
      "30286",
      "30295",
      "30298",
      "30307",
    ]);
    assert.ok(now.predecessors.every((p) => p.share === "WHOLE" && p.on === "2025-07-01"));
    // Mỹ Xuyên, one of them, is the ward of 2025-01-01 that took Đông Xuyên: the chain is there.
    const myXuyen = now.predecessors.find((p) => p.unit.code === "30286")!;
    assert.equal(myXuyen.unit.validFrom, "2025-01-01");
  });

  it("follows the chain Đông Xuyên → Mỹ Xuyên (2025-01-01) → Long Xuyên ward (2025-07-01)", async () => {
    const r = await h.run(`{
      administrativeUnit(code: "30285", asOf: "2024-12-31") {
        name validTo endBasis successors { unit { code name validFrom successors { unit { code name } } } }
      }
    }`);
    const u = r.data?.administrativeUnit as {
      name: string;
      validTo: string;
      endBasis: string;
      successors: { unit: { code: string; validFrom: string; successors: { unit: { code: string } }[] } }[];
    };
    assert.deepEqual([u.name, u.validTo], ["Phường Đông Xuyên", "2024-12-31"]);
    assert.match(u.endBasis, /1285\/NQ-UBTVQH15/);
    assert.deepEqual(
      u.successors.map((s) => [s.unit.code, s.unit.validFrom, s.unit.successors.map((n) => n.unit.code)]),
      [["30286", "2025-01-01", ["30307"]]],
    );
  });

  it("dates the changes of kind: a xã became a thị trấn in 2021, Tịnh Biên a thị xã in 2023", async () => {
    const r = await h.run(`{
      before: administrativeUnit(code: "30478", asOf: "2021-01-31") { name validTo }
      after: administrativeUnit(code: "30478", asOf: "2021-02-01") { name validFrom legalBasis predecessors { unit { name } } }
      district: administrativeUnit(code: "890", asOf: "2024-01-01") { name kind validFrom }
      ward: administrativeUnit(code: "30508", asOf: "2023-04-10") { kind parent { name } }
    }`);
    assert.equal(r.errors, undefined);
    assert.deepEqual(r.data?.before, { name: "Xã Vĩnh Thạnh Trung", validTo: "2021-01-31" });
    const afterChange = r.data?.after as {
      name: string;
      validFrom: string;
      legalBasis: string;
      predecessors: unknown[];
    };
    assert.equal(afterChange.name, "Thị trấn Vĩnh Thạnh Trung");
    assert.match(afterChange.legalBasis, /1107\/NQ-UBTVQH14/);
    assert.deepEqual(afterChange.predecessors, [{ unit: { name: "Xã Vĩnh Thạnh Trung" } }]);
    assert.deepEqual(r.data?.district, { name: "Thị xã Tịnh Biên", kind: "Thị xã", validFrom: "2023-04-10" });
    assert.deepEqual(r.data?.ward, { kind: "Phường", parent: { name: "Thị xã Tịnh Biên" } });
  });

  it("links both old provinces to province 91, ends the districts with no successor, and marks split communes PART", async () => {
    const r = await h.run(`{
      now: administrativeUnit(code: "91") { predecessors { share unit { code name } } }
      district: administrativeUnit(code: "883") { validTo endBasis successors { share } }
      split: administrativeUnit(code: "30355", asOf: "2025-06-30") { name successors { share unit { code } } }
    }`);
    assert.equal(r.errors, undefined);
    const now = r.data?.now as { predecessors: { share: string; unit: { code: string; name: string } }[] };
    assert.deepEqual(
      now.predecessors.map((p) => [p.unit.code, p.unit.name, p.share]),
      [
        ["89", "Tỉnh An Giang", "WHOLE"],
        ["91", "Tỉnh Kiên Giang", "WHOLE"],
      ],
    );
    const district = r.data?.district as { validTo: string; endBasis: string; successors: unknown[] };
    assert.equal(district.validTo, "2025-06-30");
    assert.match(district.endBasis, /72\/2025\/QH15/);
    assert.deepEqual(district.successors, []);
    const split = r.data?.split as { name: string; successors: { share: string; unit: { code: string } }[] };
    assert.equal(split.name, "Xã Phú Hội");
    assert.deepEqual(
      split.successors.map((s) => [s.unit.code, s.share]),
      [
        ["30337", "PART"],
        ["30346", "PART"],
      ],
    );
  });

  it("answers NOT_FOUND for a code on a date it named no unit, and refuses a version that never was", async () => {
    const r = await h.run(`{ administrativeUnit(code: "883", asOf: "2026-01-01") { name } }`);
    assert.equal(r.errors?.[0]?.extensions?.code, "NOT_FOUND");
    const set = await h.run(
      `mutation { setRemoteArea(input: { code: "30307", validFrom: "2020-01-01", isRemoteArea: true, expectedVersion: 1 }) { code } }`,
      { identity: ADMIN },
    );
    assert.equal(set.errors?.[0]?.extensions?.code, "NOT_FOUND");
    assert.deepEqual(set.errors?.[0]?.extensions?.fields, [{ path: "input.validFrom", message: "does not exist" }]);
  });

  it("sets the remote-area flag of one version and leaves the other of the same code alone", async () => {
    const r = await h.run(
      `mutation { setRemoteArea(input: { code: "30307", isRemoteArea: true, expectedVersion: 1 }) { code validFrom isRemoteArea } }`,
      { identity: ADMIN },
    );
    assert.deepEqual(r.data?.setRemoteArea, { code: "30307", validFrom: "2025-07-01", isRemoteArea: true });
    const old = await h.run(`{ administrativeUnit(code: "30307", asOf: "2024-01-01") { isRemoteArea version } }`);
    assert.deepEqual(old.data?.administrativeUnit, { isRemoteArea: false, version: 1 });
  });

  it("resolves references by code alone (the unit the code names now) and by code and validFrom", async () => {
    const r = await h.run(
      `query($r: [_Any!]!) { _entities(representations: $r) { ... on AdministrativeUnit { code name validFrom } } }`,
      {
        variables: {
          r: [
            { __typename: "AdministrativeUnit", code: "30307" },
            { __typename: "AdministrativeUnit", code: "30307", validFrom: "2010-01-01" },
            { __typename: "AdministrativeUnit", code: "91", validFrom: "2010-01-01" },
          ],
        },
      },
    );
    assert.equal(r.errors, undefined);
    assert.deepEqual(r.data?._entities, [
      { code: "30307", name: "Phường Long Xuyên", validFrom: "2025-07-01" },
      { code: "30307", name: "Phường Mỹ Hòa", validFrom: "2010-01-01" },
      { code: "91", name: "Tỉnh Kiên Giang", validFrom: "2010-01-01" },
    ]);
  });

  it("costs the same statements for the links of Long Xuyên's 13 wards and communes as of all 299 of 2020", async () => {
    // Both look 883 up (the small list checks its parent with it), so only the list's length differs.
    const q = `query($parent: ID, $level: UnitLevel) { anchor: administrativeUnit(code: "883") { code }
      administrativeUnits(parentCode: $parent, level: $level, asOf: "2020-06-01") {
      code parent { code } children { code } predecessors { unit { code } }
      successors { share unit { code predecessors { unit { code successors { unit { code } } } } } }
    } }`;
    const count = (d: Record<string, unknown>) => (d.administrativeUnits as unknown[]).length;
    const small = await statementsFor(h, q, { variables: { parent: "883" }, count, min: 13 });
    const large = await statementsFor(h, q, { variables: { level: "COMMUNE" }, count, min: 299 });
    assert.equal(small, large, "statements do not grow with the units listed");
  });
});
