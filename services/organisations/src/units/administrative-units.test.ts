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

  it("serves old An Giang's units in 2020: 1 province, 11 district-level, 156 commune-level", async () => {
    const r = await h.run(`{
      p: administrativeUnits(level: PROVINCE, asOf: "2020-06-01") { code name }
      d: administrativeUnits(parentCode: "89", asOf: "2020-06-01") { code name kind }
      c: administrativeUnits(level: COMMUNE, asOf: "2020-06-01") { code parent { parent { code } } }
    }`);
    assert.equal(r.errors, undefined);
    const data = r.data as {
      p: { code: string; name: string }[];
      d: { code: string; name: string; kind: string }[];
      c: { parent: { parent: { code: string } } }[];
    };
    // Old Kiên Giang (91), part of today's province, is listed beside it with its own units.
    assert.deepEqual(data.p, [
      { code: "89", name: "Tỉnh An Giang" },
      { code: "91", name: "Tỉnh Kiên Giang" },
    ]);
    assert.equal(data.d.length, 11);
    assert.deepEqual(data.d[0], { code: "883", name: "Thành phố Long Xuyên", kind: "Thành phố" });
    assert.equal(data.c.filter((c) => c.parent.parent.code === "89").length, 156);
    assert.equal(data.c.length, 156 + 143);
  });

  it("walks the tree both ways, with effective dates and the remote-area flag", async () => {
    const r = await h.run(
      `{ administrativeUnit(code: "30280") { name level validFrom validTo isRemoteArea parent { code parent { code } } } }`,
    );
    assert.deepEqual(r.data?.administrativeUnit, {
      name: "Phường Mỹ Bình",
      level: "COMMUNE",
      validFrom: "2010-01-01",
      validTo: "2025-06-30",
      isRemoteArea: false,
      parent: { code: "883", parent: { code: "89" } },
    });
    const d = await h.run(
      `{ administrativeUnits(parentCode: "883", asOf: "2020-06-01") { code } administrativeUnit(code: "883") { children(asOf: "2020-06-01") { code } } }`,
    );
    const data = d.data as { administrativeUnits: unknown[]; administrativeUnit: { children: unknown[] } };
    assert.equal(data.administrativeUnits.length, 13);
    assert.deepEqual(data.administrativeUnit.children, data.administrativeUnits);
  });

  it("lists no unit on a date before the records begin (2010)", async () => {
    const r = await h.run(`{ administrativeUnits(level: DISTRICT, asOf: "2009-12-31") { code } }`);
    assert.deepEqual(r.data?.administrativeUnits, []);
  });

  it("answers an unknown code with NOT_FOUND and a malformed one with BAD_USER_INPUT, never echoing the code", async () => {
    const unknown = await h.run(`{ administrativeUnit(code: "99999") { name } }`);
    assert.equal(unknown.errors?.[0]?.extensions?.code, "NOT_FOUND");
    assert.equal(unknown.errors?.[0]?.message, "No such administrative unit");
    assert.deepEqual(unknown.errors?.[0]?.extensions?.fields, [{ path: "code", message: "does not exist" }]);
    assert.ok(!JSON.stringify(unknown.errors).includes("99999"), "the code sent is not echoed");
    const malformed = await h.run(`{ administrativeUnits(parentCode: "7a7a") { name } }`);
    assert.equal(malformed.errors?.[0]?.extensions?.code, "BAD_USER_INPUT");
    assert.deepEqual(malformed.errors?.[0]?.extensions?.fields, [
      { path: "parentCode", message: "must be an official unit code (2, 3 or 5 digits)" },
    ]);
    assert.ok(!JSON.stringify(malformed.errors).includes("7a7a"), "the code sent is not echoed");
    const missingParent = await h.run(`{ administrativeUnits(parentCode: "88888") { name } }`);
    assert.equal(missingParent.errors?.[0]?.extensions?.code, "NOT_FOUND");
    assert.ok(!JSON.stringify(missingParent.errors).includes("88888"), "the code sent is not echoed");
  });

  it("speaks Vietnamese to a caller who asks for it", async () => {
    const unknown = await h.run(`{ administrativeUnit(code: "99999") { name } }`, { language: "vi" });
    assert.equal(unknown.errors?.[0]?.message, "Không tìm thấy đơn vị hành chính");
    assert.deepEqual(unknown.errors?.[0]?.extensions?.fields, [{ path: "code", message: "không tồn tại" }]);
    const malformed = await h.run(`{ administrativeUnits(parentCode: "7a7a") { name } }`, { language: "vi" });
    assert.deepEqual(malformed.errors?.[0]?.extensions?.fields, [
      { path: "parentCode", message: "phải là mã đơn vị hành chính chính thức (2, 3 hoặc 5 chữ số)" },
    ]);
  });

  it("answers the rest of a query when one unit lookup fails", async () => {
    const r = await h.run(`{
      ok: administrativeUnit(code: "883") { name }
      missing: administrativeUnit(code: "99999") { name }
      bad: administrativeUnits(parentCode: "99999") { code }
      list: administrativeUnits(parentCode: "883", asOf: "2024-12-31") { code }
    }`);
    assert.deepEqual(r.data?.ok, { name: "Thành phố Long Xuyên" });
    assert.equal(r.data?.missing, null);
    assert.equal(r.data?.bad, null);
    assert.equal((r.data?.list as unknown[]).length, 13);
    assert.deepEqual(r.errors?.map((e) => [e.path?.[0], e.extensions?.code]).sort(), [
      ["bad", "NOT_FOUND"],
      ["missing", "NOT_FOUND"],
    ]);
  });

  it("takes asOf as a Date: an impossible date is refused before any resolver runs", async () => {
    const literal = await h.run(`{ administrativeUnits(level: DISTRICT, asOf: "2019-02-30") { code } }`);
    assert.ok(literal.errors?.length, "refused");
    assert.equal(literal.data, undefined);
    const q = `query($asOf: Date) { administrativeUnits(parentCode: "89", asOf: $asOf) { code } }`;
    const variable = await h.run(q, { variables: { asOf: "30/12/2019" } });
    assert.ok(variable.errors?.length, "refused");
    assert.equal(variable.data, undefined);
    const ok = await h.run(q, { variables: { asOf: "2020-02-29" } });
    assert.equal(ok.errors, undefined);
    assert.equal((ok.data?.administrativeUnits as unknown[]).length, 11);
  });

  it("gives a district its six committees and a commune its own, without a Labour Federation", async () => {
    const r = await h.run(`{
      district: administrativeUnit(code: "884") { organisations { id kind } }
      commune: administrativeUnit(code: "30280") { organisations { id kind } }
      ward: administrativeUnit(code: "30283") { organisations { id kind } }
    }`);
    const ids = (k: string) =>
      (r.data?.[k] as { organisations: { id: string; kind: string }[] }).organisations.map((o) => o.id).sort();
    assert.deepEqual(ids("district"), ["CCB-884", "DTN-884", "HND-884", "HPN-884", "LDLD-884", "MTTQ-884"]);
    // Its grassroots trade unions (LDLD-30280-001, ...) belong to Long Xuyên's Labour Federation.
    assert.deepEqual(ids("commune"), ["CCB-30280", "DTN-30280", "HND-30280", "HPN-30280", "MTTQ-30280"]);
    assert.deepEqual(ids("ward"), ["CCB-30283", "DTN-30283", "HPN-30283", "MTTQ-30283"], "no Farmers' Union unit");
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
    // The version the code names now: old Mỹ Bình ward (ended 2025-06-30), its identity code@validFrom.
    const events = await h.ds
      .getRepository(AuditEvent)
      .findBy({ entityType: "AdministrativeUnit", entityId: "30280@2010-01-01" });
    assert.equal(events.length, 1);
    assert.equal(events[0]!.actor, ADMIN.sub);
    assert.match(events[0]!.after ?? "", /"isRemoteArea":true/);
  });

  it("answers each mutation of a document on its own: one failing leaves the other's result", async () => {
    const r = await h.run(
      `mutation {
        ok: setRemoteArea(input: { code: "30283", isRemoteArea: true, expectedVersion: 1 }) { code isRemoteArea }
        missing: setRemoteArea(input: { code: "99999", isRemoteArea: true, expectedVersion: 1 }) { code }
      }`,
      { identity: ADMIN, language: "vi" },
    );
    assert.deepEqual(r.data?.ok, { code: "30283", isRemoteArea: true });
    assert.equal(r.data?.missing, null);
    assert.equal(r.errors?.length, 1);
    assert.deepEqual(r.errors?.[0]?.path, ["missing"]);
    assert.equal(r.errors?.[0]?.extensions?.code, "NOT_FOUND");
    assert.deepEqual(r.errors?.[0]?.extensions?.fields, [{ path: "input.code", message: "không tồn tại" }]);
    assert.ok(!JSON.stringify(r.errors).includes("99999"), "the code sent is not echoed");
    const stale = await h.run(
      `mutation { setRemoteArea(input: { code: "30283", isRemoteArea: false, expectedVersion: 1 }) { code } }`,
      { identity: ADMIN, language: "vi" },
    );
    assert.equal(stale.errors?.[0]?.extensions?.code, "CONFLICT");
    assert.equal(stale.errors?.[0]?.message, "Bản ghi đơn vị hành chính đã được người khác thay đổi; hãy đọc lại");
  });
});
