import { after, before, describe, it } from "node:test";
import assert from "node:assert/strict";
import { startHarness, type Harness } from "../testing/harness.js";

describe("state bodies (integration)", () => {
  let h: Harness;
  before(async () => {
    h = await startHarness();
  });
  after(async () => h.close());

  it("lists a district's five bodies and a commune's two, named after the unit", async () => {
    const r = await h.run(`{
      d: stateBodies(unitCode: "883") { id kind name unit { code } }
      c: administrativeUnit(code: "30280") { stateBodies { id kind } }
    }`);
    assert.equal(r.errors, undefined);
    const d = r.data?.d as { id: string; kind: string; name: string; unit: { code: string } }[];
    assert.deepEqual(
      d.map((b) => b.id),
      ["UBND-883", "TTR-883", "TAND-883", "VKSND-883", "CA-883"],
    );
    assert.equal(d[0].name, "Chủ tịch Ủy ban nhân dân Thành phố Long Xuyên");
    assert.equal(d[0].unit.code, "883");
    assert.deepEqual(r.data?.c, {
      stateBodies: [
        { id: "UBND-30280", kind: "PEOPLES_COMMITTEE_CHAIR" },
        { id: "CA-30280", kind: "POLICE" },
      ],
    });
  });

  it("finds one by id; a malformed id is BAD_USER_INPUT, a body the unit lacks NOT_FOUND", async () => {
    const ok = await h.run(`{ stateBody(id: "TTR-89") { name kind } }`);
    assert.deepEqual(ok.data?.stateBody, { name: "Thanh tra Tỉnh An Giang", kind: "INSPECTORATE" });
    const bad = await h.run(`{ stateBody(id: "XYZ-89") { id } }`);
    assert.equal(bad.errors?.[0].extensions?.code, "BAD_USER_INPUT");
    assert.equal(JSON.stringify(bad.errors).includes("XYZ"), false);
    const missing = await h.run(`{ stateBody(id: "TAND-30280") { id } }`);
    assert.equal(missing.errors?.[0].extensions?.code, "NOT_FOUND");
  });

  it("resolves references through _entities in one statement, null for an id that names no body", async () => {
    const ids = ["UBND-883", "TTR-89", "CA-30280", "TAND-30280", "UBND-884", "UBND-886"];
    const query = `query($r: [_Any!]!) { _entities(representations: $r) { ... on StateBody { id name } } }`;
    const r = await h.run(query, { variables: { r: ids.map((id) => ({ __typename: "StateBody", id })) } });
    assert.equal(r.errors, undefined);
    const got = r.data?._entities as ({ id: string } | null)[];
    assert.equal(got[3], null);
    assert.deepEqual(
      got.filter((b) => b !== null).map((b) => b!.id),
      ["UBND-883", "TTR-89", "CA-30280", "UBND-884", "UBND-886"],
    );
    assert.ok(r.statements <= 1, `statements: ${r.statements}`);
  });
});
