import { after, before, describe, it } from "node:test";
import assert from "node:assert/strict";
import { ADMIN, officerOf, startHarness, type Harness } from "../testing/harness.js";
import { AuditEvent } from "@danvan/kit";

describe("administrative units (integration)", () => {
  let h: Harness;
  before(async () => {
    h = await startHarness();
  });
  after(async () => h.close());

  it("serves the real units: 1 province, 11 district-level, 156 commune-level", async () => {
    const r = await h.run(`{
      p: administrativeUnits(level: PROVINCE) { code name }
      d: administrativeUnits(level: DISTRICT) { code name kind }
      c: administrativeUnits(level: COMMUNE) { code }
    }`);
    assert.equal(r.errors, undefined);
    const data = r.data as {
      p: { code: string; name: string }[];
      d: { code: string; name: string; kind: string }[];
      c: unknown[];
    };
    assert.deepEqual(data.p, [{ code: "89", name: "Tỉnh An Giang" }]);
    assert.equal(data.d.length, 11);
    assert.deepEqual(data.d[0], { code: "883", name: "Thành phố Long Xuyên", kind: "Thành phố" });
    assert.equal(data.c.length, 156);
  });

  it("walks the tree both ways, with effective dates and the remote-area flag", async () => {
    const r = await h.run(
      `{ administrativeUnit(code: "30280") { name level validFrom validTo isRemoteArea parent { code parent { code } } } }`,
    );
    assert.deepEqual(r.data?.administrativeUnit, {
      name: "Phường Mỹ Bình",
      level: "COMMUNE",
      validFrom: "2019-12-01",
      validTo: null,
      isRemoteArea: false,
      parent: { code: "883", parent: { code: "89" } },
    });
    const d = await h.run(
      `{ administrativeUnits(parentCode: "883") { code } administrativeUnit(code: "883") { children { code } } }`,
    );
    const data = d.data as { administrativeUnits: unknown[]; administrativeUnit: { children: unknown[] } };
    assert.equal(data.administrativeUnits.length, 13);
    assert.deepEqual(data.administrativeUnit.children, data.administrativeUnits);
  });

  it("lists no unit on a date before the units came into force", async () => {
    const r = await h.run(`{ administrativeUnits(level: DISTRICT, asOf: "2010-01-01") { code } }`);
    assert.deepEqual(r.data?.administrativeUnits, []);
  });

  it("answers an unknown code with NOT_FOUND and a malformed one with BAD_USER_INPUT", async () => {
    const unknown = await h.run(`{ administrativeUnit(code: "99999") { name } }`);
    assert.equal(unknown.errors?.[0]?.extensions?.code, "NOT_FOUND");
    assert.equal(unknown.errors?.[0]?.extensions?.field, "code");
    const malformed = await h.run(`{ administrativeUnits(parentCode: "abc") { name } }`);
    assert.equal(malformed.errors?.[0]?.extensions?.code, "BAD_USER_INPUT");
    assert.deepEqual(malformed.errors?.[0]?.extensions?.fields, [
      { path: "parentCode", message: "must be an official unit code (2, 3 or 5 digits)" },
    ]);
  });

  it("gives every unit its six committees", async () => {
    const r = await h.run(`{ administrativeUnit(code: "884") { organisations { id kind } } }`);
    const orgs = (r.data?.administrativeUnit as { organisations: { id: string; kind: string }[] }).organisations;
    assert.deepEqual(orgs.map((o) => o.id).sort(), [
      "CCB-884",
      "DTN-884",
      "HND-884",
      "HPN-884",
      "LDLD-884",
      "MTTQ-884",
    ]);
  });

  it("lets an administrator set the remote-area flag, with a version check and an audit event", async () => {
    const set = `mutation($v: Int!) { setRemoteArea(input: { code: "30280", isRemoteArea: true, expectedVersion: $v }) { code isRemoteArea } }`;
    const refused = await h.run(set, { identity: officerOf("883"), variables: { v: 1 } });
    assert.equal(refused.errors?.[0]?.extensions?.code, "FORBIDDEN");
    const anonymous = await h.run(set, { variables: { v: 1 } });
    assert.equal(anonymous.errors?.[0]?.extensions?.code, "UNAUTHENTICATED");
    const ok = await h.run(set, { identity: ADMIN, variables: { v: 1 } });
    assert.equal(ok.errors, undefined);
    assert.deepEqual(ok.data?.setRemoteArea, { code: "30280", isRemoteArea: true });
    const stale = await h.run(set, { identity: ADMIN, variables: { v: 1 } });
    assert.equal(stale.errors?.[0]?.extensions?.code, "CONFLICT");
    const events = await h.ds.getRepository(AuditEvent).findBy({ entityType: "AdministrativeUnit", entityId: "30280" });
    assert.equal(events.length, 1);
    assert.equal(events[0]!.actor, ADMIN.sub);
    assert.match(events[0]!.after ?? "", /"isRemoteArea":true/);
  });
});
