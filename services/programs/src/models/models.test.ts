import { after, before, describe, it } from "node:test";
import assert from "node:assert/strict";
import { AuditEvent, type Identity } from "@danvan/kit";
import { ADMIN, ANALYST, officerOf, startHarness, type Harness, type OperationResult } from "../testing/harness.js";
import { MobilisationModel } from "./mobilisation-model.entity.js";

const FIELDS = `id name field track registrantKind registrantName year status resourcesMobilisedVnd description version
  registeredOn startedOn evaluatedOn decidedOn withdrawnOn organisation { id } unit { code }`;
const REGISTER = `mutation($input: RegisterModelInput!) { registerModel(input: $input) { ${FIELDS} } }`;
const step = (name: string, input = "ModelStepInput") =>
  `mutation($input: ${input}!) { ${name}(input: $input) { ${FIELDS} } }`;

type Model = { id: string; status: string; version: number; registrantName: string } & Record<string, unknown>;
const codeOf = (r: OperationResult) => r.errors?.[0]?.extensions?.code;
const pathsOf = (r: OperationResult) =>
  ((r.errors?.[0]?.extensions?.fields as { path: string }[] | undefined) ?? []).map((f) => f.path).sort();

describe('"Dân vận khéo" models (integration)', () => {
  let h: Harness;
  const officer = officerOf("883");
  before(async () => {
    h = await startHarness();
  });
  after(async () => h.close());

  const input = (over: Record<string, unknown> = {}) => ({
    name: "Hũ gạo tình thương khóm Bình Thới",
    field: "CULTURE_SOCIETY",
    track: "CIVILISED_URBAN",
    registrantKind: "INDIVIDUAL",
    registrantName: "Nguyễn Văn Mẫu",
    organisationId: "HPN-883",
    unitCode: "30280",
    year: 2020,
    registeredOn: "2020-02-10",
    resourcesMobilisedVnd: 5_000_000,
    ...over,
  });
  const register = async (over: Record<string, unknown> = {}) => {
    const r = await h.run(REGISTER, { identity: officer, variables: { input: input(over) } });
    assert.equal(r.errors, undefined, JSON.stringify(r.errors));
    return r.data!.registerModel as Model;
  };
  const move = (name: string, model: { id: string; version: number }, on: string) =>
    h.run(step(name), {
      identity: officer,
      variables: { input: { modelId: model.id, on, expectedVersion: model.version } },
    });

  it("takes a model from registration to recognition and reads it back", async () => {
    const registered = await register();
    assert.deepEqual(
      [registered.status, registered.unit, registered.organisation],
      ["REGISTERED", { code: "30280" }, { id: "HPN-883" }],
    );
    const started = (await move("startModel", registered, "2020-03-01")).data!.startModel as Model;
    const evaluated = (await move("evaluateModel", started, "2020-10-20")).data!.evaluateModel as Model;
    const recognised = await move("recogniseModel", evaluated, "2020-12-01");
    assert.equal(recognised.errors, undefined, JSON.stringify(recognised.errors));
    const done = recognised.data!.recogniseModel as Model;
    assert.deepEqual(
      [done.status, done.version, done.startedOn, done.evaluatedOn, done.decidedOn],
      ["RECOGNISED", 4, "2020-03-01", "2020-10-20", "2020-12-01"],
    );
    const read = await h.run(`{ mobilisationModel(id: "${registered.id}") { ${FIELDS} } }`, { identity: ADMIN });
    assert.deepEqual(read.data!.mobilisationModel, done);
    const withdraw = await move("withdrawModel", done, "2020-12-05");
    assert.equal(withdraw.errors![0]!.extensions!.reason, "ILLEGAL_TRANSITION");
    const actions = (
      await h.ds.getRepository(AuditEvent).findBy({ entityType: "MobilisationModel", entityId: registered.id })
    )
      .map((e) => e.action)
      .sort();
    assert.deepEqual(actions, ["evaluateModel", "recogniseModel", "registerModel", "startModel"]);
    const audits = await h.ds
      .getRepository(AuditEvent)
      .findBy({ entityType: "MobilisationModel", entityId: registered.id });
    assert.ok(!JSON.stringify(audits).includes("Nguyễn Văn Mẫu"), "an individual's name stays out of the audit");
  });

  it("rejects and withdraws, refusing moves the lifecycle does not allow", async () => {
    const registered = await register();
    const early = await move("recogniseModel", registered, "2020-03-01");
    assert.equal(codeOf(early), "CONFLICT");
    assert.equal(early.errors![0]!.extensions!.reason, "ILLEGAL_TRANSITION");
    const started = (await move("startModel", registered, "2020-03-01")).data!.startModel as Model;
    const evaluated = (await move("evaluateModel", started, "2020-10-20")).data!.evaluateModel as Model;
    const backwards = await move("rejectModel", evaluated, "2020-10-19");
    assert.deepEqual(pathsOf(backwards), ["input.on"]);
    const rejected = (await move("rejectModel", evaluated, "2020-12-01")).data!.rejectModel as Model;
    assert.equal(rejected.status, "NOT_RECOGNISED");
    const other = await register();
    const withdrawn = (await move("withdrawModel", other, "2020-02-20")).data!.withdrawModel as Model;
    assert.deepEqual([withdrawn.status, withdrawn.withdrawnOn], ["WITHDRAWN", "2020-02-20"]);
  });

  it("masks an individual's name for the public, analysts and officers elsewhere", async () => {
    const model = await register({ registrantName: "Trần Thị Riêng Tư" });
    const collective = await register({ registrantKind: "COLLECTIVE", registrantName: "Chi hội Phụ nữ khóm 3" });
    const q = `query($id: ID!) { mobilisationModel(id: $id) { registrantName } }`;
    const nameFor = async (id: string, identity?: Identity) =>
      ((await h.run(q, { identity, variables: { id } })).data!.mobilisationModel as { registrantName: string })
        .registrantName;
    assert.equal(await nameFor(model.id), "T. T. R. T.");
    assert.equal(await nameFor(model.id, ANALYST), "T. T. R. T.");
    assert.equal(await nameFor(model.id, officerOf("884")), "T. T. R. T.");
    assert.equal(await nameFor(model.id, officerOf("30280")), "Trần Thị Riêng Tư");
    assert.equal(await nameFor(model.id, officerOf("89")), "Trần Thị Riêng Tư");
    assert.equal(await nameFor(model.id, ADMIN), "Trần Thị Riêng Tư");
    assert.equal(await nameFor(collective.id), "Chi hội Phụ nữ khóm 3");
    const list = await h.run(
      `{ mobilisationModels(unitCode: "30280", first: 100) { edges { node { id registrantName } } } }`,
    );
    assert.equal(list.errors, undefined);
    assert.ok(!JSON.stringify(list.data).includes("Trần Thị Riêng Tư"), "the public list masks it too");
  });

  it("registers once per idempotency key: the retry returns the same model and writes one row", async () => {
    const repo = h.ds.getRepository(MobilisationModel);
    const before = await repo.count();
    const first = await register({ idempotencyKey: "model-req-0001" });
    const retry = await register({ idempotencyKey: "model-req-0001" });
    assert.equal(retry.id, first.id);
    assert.equal(await repo.count(), before + 1);
    assert.equal(
      await h.ds.getRepository(AuditEvent).countBy({ entityType: "MobilisationModel", entityId: first.id }),
      1,
    );
  });

  it("lets one of two concurrent resource updates with the same version win; the other gets CONFLICT", async () => {
    const model = await register();
    const update = (amount: number) =>
      h.run(
        `mutation($input: RecordModelResourcesInput!) { recordModelResources(input: $input) { id resourcesMobilisedVnd version } }`,
        {
          identity: officer,
          variables: { input: { modelId: model.id, resourcesMobilisedVnd: amount, expectedVersion: model.version } },
        },
      );
    const [a, b] = await Promise.all([update(7_000_000), update(9_000_000)]);
    assert.deepEqual([a, b].map((r) => codeOf(r) ?? "OK").sort(), ["CONFLICT", "OK"]);
    const row = await h.ds.getRepository(MobilisationModel).findOneByOrFail({ id: Number(model.id) });
    assert.equal(row.version, 2);
    assert.ok([7_000_000n, 9_000_000n].includes(row.resourcesMobilisedVnd));
  });

  it("refuses bad input with BAD_USER_INPUT naming each field, never echoing the value, writing nothing", async () => {
    const repo = h.ds.getRepository(MobilisationModel);
    const before = await repo.count();
    const bad = await h.run(REGISTER, {
      identity: officer,
      variables: {
        input: input({
          organisationId: "XYZ-<script>",
          year: 1800,
          description: "d".repeat(4001),
          resourcesMobilisedVnd: -1,
        }),
      },
    });
    assert.equal(codeOf(bad), "BAD_USER_INPUT");
    assert.deepEqual(pathsOf(bad), [
      "input.description",
      "input.organisationId",
      "input.resourcesMobilisedVnd",
      "input.year",
    ]);
    assert.ok(!/<script>|dddd/.test(JSON.stringify(bad.errors)), "no value is echoed");
    // registeredOn is a Date: 30 February is refused before the resolver runs.
    const date = await h.run(REGISTER, {
      identity: officer,
      variables: { input: input({ registeredOn: "2020-02-30" }) },
    });
    assert.equal(codeOf(date), "BAD_USER_INPUT");
    assert.match(date.errors![0]!.message, /input\.registeredOn/);
    const outside = await h.run(REGISTER, { identity: ADMIN, variables: { input: input({ unitCode: "30316" }) } });
    assert.deepEqual(outside.errors?.[0]?.extensions?.fields, [
      { path: "input.unitCode", message: "must be the committee's unit or a unit below it" },
    ]);
    assert.doesNotMatch(JSON.stringify(outside.errors), /30316/);
    const unknown = await h.run(REGISTER, {
      identity: ADMIN,
      variables: { input: input({ organisationId: "HPN-99999", unitCode: null }) },
    });
    assert.equal(codeOf(unknown), "NOT_FOUND");
    assert.doesNotMatch(JSON.stringify(unknown.errors), /99999/);
    assert.equal(
      codeOf(await h.run(REGISTER, { identity: officerOf("884"), variables: { input: input() } })),
      "FORBIDDEN",
    );
    assert.equal(codeOf(await h.run(REGISTER, { variables: { input: input() } })), "UNAUTHENTICATED");
    assert.equal(await repo.count(), before);
  });

  it("answers in Vietnamese, naming the model's state and no value sent", async () => {
    const registered = await register();
    const early = await h.run(step("recogniseModel"), {
      identity: officer,
      language: "vi",
      variables: { input: { modelId: registered.id, on: "2020-03-01", expectedVersion: registered.version } },
    });
    assert.equal(early.errors![0]!.message, 'Mô hình "Dân vận khéo" mới đăng ký thì không thể công nhận');
    const bad = await h.run(REGISTER, {
      identity: officer,
      language: "vi",
      variables: { input: input({ organisationId: "XYZ-1", resourcesMobilisedVnd: -1 }) },
    });
    assert.deepEqual(bad.errors![0]!.extensions!.fields, [
      {
        path: "input.organisationId",
        message: "phải là mã tổ chức có dạng HND-883 (MTTQ, HND, HPN, DTN, CCB hoặc LDLD)",
      },
      { path: "input.resourcesMobilisedVnd", message: "phải là số đồng nguyên, từ 0 đến 10^15 đồng" },
    ]);
    const missing = await h.run(`{ mobilisationModel(id: "987654321") { id } }`, { language: "vi" });
    assert.equal(missing.errors![0]!.message, 'Không tìm thấy mô hình "Dân vận khéo"');
    assert.deepEqual(missing.data, { mobilisationModel: null });
    assert.doesNotMatch(JSON.stringify(missing.errors), /987654321/);
    const year = await h.run(`{ modelStatistics(unitCode: "89", year: 1800) { total } }`, { language: "vi" });
    assert.deepEqual(year.errors![0]!.extensions!.fields, [
      { path: "year", message: "phải là năm trong khoảng từ 2000 đến 2100" },
    ]);
  });

  it("lists a committee's models on Organisation, through the entity reference", async () => {
    const model = await register({ organisationId: "DTN-30280", unitCode: null });
    const q = `query($r: [_Any!]!) { _entities(representations: $r) { ... on Organisation { id
      mobilisationModels(first: 100) { totalCount edges { node { id organisation { id } } } } } } }`;
    const r = await h.run(q, { variables: { r: [{ __typename: "Organisation", id: "DTN-30280" }] } });
    assert.equal(r.errors, undefined, JSON.stringify(r.errors));
    const page = (
      r.data!._entities as { mobilisationModels: { totalCount: number; edges: { node: { id: string } }[] } }[]
    )[0]!.mobilisationModels;
    const expected = (await h.ds.query(
      "SELECT id FROM mobilisation_model WHERE organisation_id = 'DTN-30280' ORDER BY id",
    )) as { id: number }[];
    assert.deepEqual(
      page.edges.map((e) => e.node.id),
      expected.map((e) => String(e.id)),
    );
    assert.equal(page.totalCount, expected.length);
    assert.ok(page.edges.some((e) => e.node.id === model.id));
  });
});
