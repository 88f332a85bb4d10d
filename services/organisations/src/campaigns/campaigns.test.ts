import { after, before, describe, it } from "node:test";
import assert from "node:assert/strict";
import { ADMIN, officerOf, startHarness, type Harness } from "../testing/harness.js";
import { Campaign } from "./campaign.entity.js";

const CREATE = `mutation($input: CreateCampaignInput!) { createCampaign(input: $input) { id name startsOn endsOn parent { id } phases { ordinal startsOn endsOn } } }`;

describe("campaigns (integration)", () => {
  let h: Harness;
  let parent: { id: string; startsOn: string; endsOn: string | null };
  before(async () => {
    h = await startHarness();
    const r = await h.run(
      `{ campaigns(organisationId: "MTTQ-89", first: 1) { edges { node { id startsOn endsOn } } } }`,
    );
    parent = (r.data!.campaigns as { edges: { node: typeof parent }[] }).edges[0]!.node;
  });
  after(async () => h.close());

  const campaign = (over: Record<string, unknown> = {}) => ({
    organisationId: "MTTQ-883",
    name: "Ngày hội Đại đoàn kết toàn dân tộc",
    kind: "CAMPAIGN",
    startsOn: "2021-01-01",
    endsOn: "2021-12-31",
    goal: "Mọi khu dân cư tổ chức ngày hội",
    phases: [
      { name: "Phát động", startsOn: "2021-01-01", endsOn: "2021-03-31", goal: "Phát động ở mọi khu dân cư" },
      { name: "Tổng kết", startsOn: "2021-11-01", endsOn: "2021-12-31", goal: "Tổng kết và khen thưởng" },
    ],
    ...over,
  });

  it("launches a campaign with its phases", async () => {
    const r = await h.run(CREATE, { identity: officerOf("883"), variables: { input: campaign() } });
    assert.equal(r.errors, undefined);
    const c = r.data!.createCampaign as { startsOn: string; phases: { ordinal: number }[] };
    assert.equal(c.startsOn, "2021-01-01");
    assert.deepEqual(
      c.phases.map((p) => p.ordinal),
      [1, 2],
    );
  });

  it("takes every date as Date: an impossible date is refused, in the campaign or a phase, writing nothing", async () => {
    const before = await h.ds.getRepository(Campaign).count();
    const badPhase = { name: "Phát động", startsOn: "2021-04-31", goal: "Phát động" };
    for (const over of [{ startsOn: "2021-02-29" }, { endsOn: "31-12-2021" }, { phases: [badPhase] }]) {
      const r = await h.run(CREATE, { identity: ADMIN, variables: { input: campaign(over) } });
      assert.ok(r.errors?.length, `${JSON.stringify(over)} refused`);
      assert.equal(r.data, undefined, `${JSON.stringify(over)} refused before any resolver runs`);
    }
    assert.equal(await h.ds.getRepository(Campaign).count(), before);
  });

  it("refuses over-long free text by path, never echoing it", async () => {
    const goal = "Mục tiêu rất dài. ".repeat(120);
    const name = "Tên ".repeat(60);
    const r = await h.run(CREATE, {
      identity: ADMIN,
      variables: {
        input: campaign({ goal, name, phases: [{ name: "x", startsOn: "2021-01-01", goal: "Phát động" }] }),
      },
    });
    assert.equal(r.errors?.[0]?.extensions?.code, "BAD_USER_INPUT");
    assert.deepEqual(
      (r.errors?.[0]?.extensions?.fields as { path: string }[]).sort((a, b) => a.path.localeCompare(b.path)),
      [
        { path: "input.goal", message: "must be 2 to 2000 characters" },
        { path: "input.name", message: "must be 2 to 200 characters" },
        { path: "input.phases.0.name", message: "must be 2 to 200 characters" },
      ],
    );
    assert.ok(!JSON.stringify(r.errors).includes("Mục tiêu"), "the text sent is not echoed");
  });

  it("checks the dates against each other and the parent, in the caller's language", async () => {
    const r = await h.run(CREATE, {
      identity: ADMIN,
      variables: {
        input: campaign({
          parentId: parent.id,
          startsOn: "1999-01-01",
          endsOn: "2099-12-31",
          phases: [
            { name: "Một", startsOn: "1999-01-01", endsOn: "1999-06-30", goal: "Một" },
            { name: "Hai", startsOn: "1999-06-30", endsOn: "1999-03-01", goal: "Hai" },
          ],
        }),
      },
      language: "vi",
    });
    assert.equal(r.errors?.[0]?.extensions?.code, "BAD_USER_INPUT");
    assert.deepEqual(r.errors?.[0]?.extensions?.fields, [
      { path: "input.startsOn", message: "không được trước ngày bắt đầu của cuộc vận động cấp trên" },
      ...(parent.endsOn
        ? [{ path: "input.endsOn", message: "không được sau ngày kết thúc của cuộc vận động cấp trên" }]
        : []),
      { path: "input.phases.1.endsOn", message: "không được trước ngày bắt đầu (startsOn)" },
      { path: "input.phases.1.startsOn", message: "phải bắt đầu sau khi giai đoạn trước kết thúc" },
    ]);
    assert.ok(!JSON.stringify(r.errors).includes("1999"), "no date sent is echoed");
    const outside = await h.run(CREATE, {
      identity: ADMIN,
      variables: { input: campaign({ phases: [{ name: "Sớm", startsOn: "2020-12-01", goal: "Sớm" }] }) },
    });
    assert.deepEqual(outside.errors?.[0]?.extensions?.fields, [
      { path: "input.phases.0", message: "must run within the campaign's dates" },
    ]);
  });

  it("answers an unknown or malformed parent by path, never echoing it", async () => {
    const unknown = await h.run(CREATE, {
      identity: ADMIN,
      variables: { input: campaign({ parentId: "7654321" }) },
      language: "vi",
    });
    assert.equal(unknown.errors?.[0]?.extensions?.code, "NOT_FOUND");
    assert.equal(unknown.errors?.[0]?.message, "Không tìm thấy cuộc vận động, phong trào thi đua");
    assert.deepEqual(unknown.errors?.[0]?.extensions?.fields, [{ path: "input.parentId", message: "không tồn tại" }]);
    assert.ok(!JSON.stringify(unknown.errors).includes("7654321"), "the id sent is not echoed");
    const malformed = await h.run(CREATE, {
      identity: ADMIN,
      variables: { input: campaign({ parentId: "99999999999999" }) },
    });
    assert.deepEqual(malformed.errors?.[0]?.extensions?.fields, [
      { path: "input.parentId", message: "is not a campaign id" },
    ]);
    assert.equal(malformed.data?.createCampaign, null);
  });
});
