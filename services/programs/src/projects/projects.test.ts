import { after, before, describe, it } from "node:test";
import assert from "node:assert/strict";
import { AuditEvent, figureUnit, inWindows, windowsOf } from "@danvan/kit";
import { ADMIN, ANALYST, officerOf, startHarness, type Harness, type OperationResult } from "../testing/harness.js";
import { MemberProject } from "./member-project.entity.js";

const FIELDS = `id kind name fundingSource funderName amountVnd beneficiaries startsOn endsOn version organisation { id } unit { code }`;
const RECORD = `mutation($input: RecordProjectInput!) { recordProject(input: $input) { ${FIELDS} } }`;
const UPDATE = `mutation($input: UpdateProjectInput!) { updateProject(input: $input) { ${FIELDS} } }`;

type Project = { id: string; version: number } & Record<string, unknown>;
const codeOf = (r: OperationResult) => r.errors?.[0]?.extensions?.code;
const pathsOf = (r: OperationResult) =>
  ((r.errors?.[0]?.extensions?.fields as { path: string }[] | undefined) ?? []).map((f) => f.path).sort();

describe("loan and technology-transfer projects (integration)", () => {
  let h: Harness;
  const officer = officerOf("883");
  before(async () => {
    h = await startHarness();
  });
  after(async () => h.close());

  const input = (over: Record<string, unknown> = {}) => ({
    kind: "LOAN",
    name: "Cho vay vốn hội viên nuôi cá",
    organisationId: "HND-883",
    unitCode: "30280",
    fundingSource: "DOMESTIC",
    funderName: "Ngân hàng Chính sách xã hội",
    amountVnd: "12000000000",
    beneficiaries: 120,
    startsOn: "2019-05-01",
    endsOn: "2022-04-30",
    ...over,
  });
  const record = async (over: Record<string, unknown> = {}) => {
    const r = await h.run(RECORD, { identity: officer, variables: { input: input(over) } });
    assert.equal(r.errors, undefined, JSON.stringify(r.errors));
    return r.data!.recordProject as Project;
  };

  it("records a project, updates it and reads it back", async () => {
    const created = await record();
    assert.deepEqual(
      [created.amountVnd, created.unit, created.organisation, created.version],
      [12_000_000_000, { code: "30280" }, { id: "HND-883" }, 1],
    );
    const updated = await h.run(UPDATE, {
      identity: officer,
      variables: { input: { projectId: created.id, expectedVersion: 1, beneficiaries: 150, endsOn: "2023-04-30" } },
    });
    assert.equal(updated.errors, undefined, JSON.stringify(updated.errors));
    const after = updated.data!.updateProject as Project;
    assert.deepEqual(
      [after.beneficiaries, after.endsOn, after.version, after.name],
      [150, "2023-04-30", 2, created.name],
    );
    const read = await h.run(`{ memberProject(id: "${created.id}") { ${FIELDS} } }`, { identity: ANALYST });
    assert.deepEqual(read.data!.memberProject, after);
    const actions = (await h.ds.getRepository(AuditEvent).findBy({ entityType: "MemberProject", entityId: created.id }))
      .map((e) => e.action)
      .sort();
    assert.deepEqual(actions, ["recordProject", "updateProject"]);
  });

  it("records once per idempotency key: the retry returns the same project and writes one row", async () => {
    const repo = h.ds.getRepository(MemberProject);
    const before = await repo.count();
    const first = await record({ idempotencyKey: "project-req-0001" });
    const retry = await record({ idempotencyKey: "project-req-0001" });
    assert.equal(retry.id, first.id);
    assert.equal(await repo.count(), before + 1);
  });

  it("lets one of two concurrent updates with the same version win; the other gets CONFLICT", async () => {
    const created = await record();
    const update = (beneficiaries: number) =>
      h.run(UPDATE, {
        identity: officer,
        variables: { input: { projectId: created.id, expectedVersion: 1, beneficiaries } },
      });
    const [a, b] = await Promise.all([update(200), update(300)]);
    assert.deepEqual([a, b].map((r) => codeOf(r) ?? "OK").sort(), ["CONFLICT", "OK"]);
    const row = await h.ds.getRepository(MemberProject).findOneByOrFail({ id: Number(created.id) });
    assert.equal(row.version, 2);
  });

  it("refuses bad input with BAD_USER_INPUT naming each field, never echoing the value, writing nothing", async () => {
    const repo = h.ds.getRepository(MemberProject);
    const before = await repo.count();
    const bad = await h.run(RECORD, {
      identity: officer,
      variables: {
        input: input({ organisationId: "HND-<script>", beneficiaries: -1, amountVnd: -5, funderName: "F".repeat(201) }),
      },
    });
    assert.equal(codeOf(bad), "BAD_USER_INPUT");
    assert.deepEqual(pathsOf(bad), [
      "input.amountVnd",
      "input.beneficiaries",
      "input.funderName",
      "input.organisationId",
    ]);
    assert.ok(!/<script>|FFFF/.test(JSON.stringify(bad.errors)), "no value is echoed");
    // startsOn and endsOn are Dates: a day that does not exist is refused before the resolver runs.
    const date = await h.run(RECORD, { identity: officer, variables: { input: input({ startsOn: "2019-02-30" }) } });
    assert.equal(codeOf(date), "BAD_USER_INPUT");
    assert.match(date.errors![0]!.message, /input\.startsOn/);
    const backwards = await h.run(RECORD, { identity: officer, variables: { input: input({ endsOn: "2019-04-30" }) } });
    assert.deepEqual(pathsOf(backwards), ["input.endsOn"]);
    const created = await record();
    const moveStart = await h.run(UPDATE, {
      identity: officer,
      variables: { input: { projectId: created.id, expectedVersion: 1, startsOn: "2023-01-01" } },
    });
    assert.deepEqual(moveStart.errors?.[0]?.extensions?.fields, [
      { path: "input.startsOn", message: "must not be after endsOn" },
    ]);
    const missing = await h.run(UPDATE, {
      identity: officer,
      language: "vi",
      variables: { input: { projectId: "987654321", expectedVersion: 1, beneficiaries: 1 } },
    });
    assert.equal(missing.errors?.[0]?.message, "Không tìm thấy dự án hỗ trợ hội viên");
    assert.deepEqual(missing.errors?.[0]?.extensions?.fields, [{ path: "input.projectId", message: "không tồn tại" }]);
    assert.doesNotMatch(JSON.stringify(missing.errors), /987654321/);
    const outside = await h.run(RECORD, { identity: ADMIN, variables: { input: input({ unitCode: "884" }) } });
    assert.deepEqual(pathsOf(outside), ["input.unitCode"]);
    assert.equal(await repo.count(), before + 1);
  });

  it("keeps projects from the public and from officers of other districts", async () => {
    const created = await record();
    const list = `{ memberProjects(unitCode: "883", first: 5) { totalCount edges { node { id } } } }`;
    assert.equal(codeOf(await h.run(list)), "UNAUTHENTICATED");
    assert.equal(codeOf(await h.run(list, { identity: officerOf("884") })), "FORBIDDEN");
    assert.equal((await h.run(list, { identity: ANALYST })).errors, undefined);
    const one = `{ memberProject(id: "${created.id}") { id } }`;
    assert.equal(codeOf(await h.run(one, { identity: officerOf("884") })), "FORBIDDEN");
    assert.equal(
      codeOf(await h.run(RECORD, { identity: officerOf("884"), variables: { input: input() } })),
      "FORBIDDEN",
    );
    const update = await h.run(UPDATE, {
      identity: officerOf("884"),
      variables: { input: { projectId: created.id, expectedVersion: 1, beneficiaries: 1 } },
    });
    assert.equal(codeOf(update), "FORBIDDEN");
  });

  it("lists a unit's projects with filters, equal to an independent count", async () => {
    // The independent count is date-aware like the graph: a project counts for a unit where its unit
    // was in force on its first day (kit windowsOf, inWindows), so old An Giang (89, to 2025-06-30)
    // leaves the 2025 map's projects to the merged province (91), which counts 89's as well.
    const rows = (await h.ds.query(
      "SELECT unit_code, starts_on FROM member_project WHERE kind = 'LOAN' AND funding_source = 'DOMESTIC'",
    )) as { unit_code: string; starts_on: string }[];
    const counts: number[] = [];
    for (const unit of ["89", "91"]) {
      const r = await h.run(
        `{ memberProjects(unitCode: "${unit}", kind: LOAN, fundingSource: DOMESTIC, first: 100) { totalCount edges { node { id kind fundingSource } } } }`,
        { identity: ADMIN },
      );
      assert.equal(r.errors, undefined, JSON.stringify(r.errors));
      const windows = windowsOf(figureUnit(unit), ["PROVINCE", "DISTRICT", "COMMUNE"]);
      const n = rows.filter((p) => inWindows(windows, p.unit_code, String(p.starts_on).slice(0, 10))).length;
      const page = r.data!.memberProjects as {
        totalCount: number;
        edges: { node: { kind: string; fundingSource: string } }[];
      };
      assert.equal(page.totalCount, n, unit);
      assert.equal(page.edges.length, Math.min(n, 100));
      assert.ok(page.edges.every((e) => e.node.kind === "LOAN" && e.node.fundingSource === "DOMESTIC"));
      counts.push(n);
    }
    const later = rows.filter((p) => String(p.starts_on).slice(0, 10) >= "2025-07-01").length;
    assert.ok(later > 0, "the seed records projects on the 2025 map");
    assert.deepEqual(counts, [rows.length - later, rows.length], "89 holds the projects to 2025-06-30, 91 all");
  });
});
