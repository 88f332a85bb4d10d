import { after, before, describe, it } from "node:test";
import assert from "node:assert/strict";
import { ADMIN, officerOf, startHarness, type Harness } from "../testing/harness.js";
import { Member } from "./member.entity.js";
import { LeadershipPosition } from "../positions/leadership-position.entity.js";

const RECORD_MEMBER = `mutation($input: RecordMemberInput!) { recordMember(input: $input) { id organisation { id kind workplaceSector } } }`;
const RECORD_POSITION = `mutation($input: RecordPositionInput!) { recordPosition(input: $input) { id title titleName } }`;

type Fields = { path: string; message: string }[];

describe("each organisation's rules on every write (integration)", () => {
  let h: Harness;
  before(async () => {
    h = await startHarness();
  });
  after(async () => h.close());

  const member = (over: Record<string, unknown> = {}) => ({
    organisationId: "DTN-30280",
    fullName: "Nguyễn Văn Thanh",
    gender: "MALE",
    birthYear: 2000,
    joinedOn: "2020-03-01",
    ...over,
  });
  const refused = async (input: Record<string, unknown>, language: "en" | "vi" = "en") => {
    const r = await h.run(RECORD_MEMBER, { identity: ADMIN, variables: { input: member(input) }, language });
    assert.equal(r.data?.recordMember ?? null, null);
    assert.equal(r.errors?.[0]?.extensions?.code, "BAD_USER_INPUT");
    return r.errors![0]!.extensions!.fields as Fields;
  };

  it("refuses a Youth Union member outside 16–30 or without a birth year, naming the rule, writing nothing", async () => {
    const before = await h.ds.getRepository(Member).count();
    assert.deepEqual(await refused({ birthYear: 2005 }), [
      {
        path: "input.birthYear",
        message:
          "the Youth Union admits members aged 16 to 30 in the year they join (Điều lệ Đoàn TNCS Hồ Chí Minh (2012, 2017), Điều 1)",
      },
    ]);
    assert.deepEqual(await refused({ birthYear: 1989 }, "vi"), [
      {
        path: "input.birthYear",
        message:
          "Đoàn TNCS Hồ Chí Minh chỉ kết nạp người từ 16 đến 30 tuổi, tính theo năm gia nhập (Điều lệ Đoàn TNCS Hồ Chí Minh (2012, 2017), Điều 1)",
      },
    ]);
    const withoutYear = await h.run(RECORD_MEMBER, {
      identity: ADMIN,
      variables: { input: { ...member(), birthYear: undefined } },
    });
    assert.deepEqual(
      (withoutYear.errors?.[0]?.extensions?.fields as Fields).map((f) => f.path),
      ["input.birthYear"],
    );
    assert.ok(!JSON.stringify(withoutYear.errors).includes("2005"), "the value sent is not echoed");
    assert.equal(await h.ds.getRepository(Member).count(), before);
    const ok = await h.run(RECORD_MEMBER, { identity: ADMIN, variables: { input: member({ birthYear: 2004 }) } });
    assert.equal(ok.errors, undefined, JSON.stringify(ok.errors));
  });

  it("admits women only to the Women's Union", async () => {
    assert.deepEqual(await refused({ organisationId: "HPN-30280", birthYear: 1980 }, "vi"), [
      {
        path: "input.gender",
        message: "Hội Liên hiệp Phụ nữ chỉ kết nạp phụ nữ (Điều lệ Hội LHPN Việt Nam (2012, 2017), Điều 3)",
      },
    ]);
    const ok = await h.run(RECORD_MEMBER, {
      identity: ADMIN,
      variables: { input: member({ organisationId: "HPN-30280", birthYear: 1980, gender: "FEMALE" }) },
    });
    assert.equal(ok.errors, undefined, JSON.stringify(ok.errors));
  });

  it("records trade union members in a grassroots union, never in a Labour Federation", async () => {
    const fields = await refused({ organisationId: "LDLD-883", birthYear: 1985 });
    assert.equal(fields.length, 1);
    assert.equal(fields[0]!.path, "input.organisationId");
    assert.match(fields[0]!.message, /^trade union members join a grassroots union \(công đoàn cơ sở\)/);
    const unknownCommuneFederation = await h.run(RECORD_MEMBER, {
      identity: ADMIN,
      variables: { input: member({ organisationId: "LDLD-30280", birthYear: 1985 }) },
    });
    assert.equal(unknownCommuneFederation.errors?.[0]?.extensions?.code, "NOT_FOUND", "no commune Labour Federation");
    // A grassroots union answers to its district's Labour Federation, not to the commune it is in.
    const communeOfficer = await h.run(RECORD_MEMBER, {
      identity: officerOf("30280"),
      variables: { input: member({ organisationId: "LDLD-30280-001", birthYear: 1985 }) },
    });
    assert.equal(communeOfficer.errors?.[0]?.extensions?.code, "FORBIDDEN");
    const read = await h.run(`{ organisation(id: "LDLD-30280-001") { members(first: 1) { totalCount } } }`, {
      identity: officerOf("30280"),
    });
    assert.equal(read.errors?.[0]?.extensions?.code, "FORBIDDEN");
    const ok = await h.run(RECORD_MEMBER, {
      identity: officerOf("883"),
      variables: { input: member({ organisationId: "LDLD-30280-001", birthYear: 1985 }) },
    });
    assert.equal(ok.errors, undefined, JSON.stringify(ok.errors));
    const o = (ok.data!.recordMember as { organisation: { id: string; kind: string; workplaceSector: string } })
      .organisation;
    assert.equal(o.kind, "LABOUR_FEDERATION");
    assert.notEqual(o.workplaceSector, null);
  });

  it("seats each organisation's own titles: the Youth Union's Bí thư, refusing a chair", async () => {
    const before = await h.ds.getRepository(LeadershipPosition).count();
    const position = (over: Record<string, unknown>) => ({
      organisationId: "DTN-30283",
      holderName: "Trần Văn Bí",
      termStart: "2022-10-01",
      ...over,
    });
    for (const language of ["en", "vi"] as const) {
      const chair = await h.run(RECORD_POSITION, {
        identity: ADMIN,
        variables: { input: position({ title: "CHAIR" }) },
        language,
      });
      assert.equal(chair.errors?.[0]?.extensions?.code, "BAD_USER_INPUT");
      assert.deepEqual(chair.errors?.[0]?.extensions?.fields, [
        {
          path: "input.title",
          message:
            language === "en"
              ? "is not a title the Youth Union uses: it is headed by its Bí thư (SECRETARY) (Điều lệ Đoàn TNCS Hồ Chí Minh (2017))"
              : "không phải chức danh của Đoàn TNCS Hồ Chí Minh: người đứng đầu là Bí thư (SECRETARY) (Điều lệ Đoàn TNCS Hồ Chí Minh (2017))",
        },
      ]);
    }
    const secretaryOfWomen = await h.run(RECORD_POSITION, {
      identity: ADMIN,
      variables: { input: position({ organisationId: "HPN-30283", title: "SECRETARY" }) },
    });
    assert.equal((secretaryOfWomen.errors?.[0]?.extensions?.fields as Fields)[0]!.path, "input.title");
    assert.equal(await h.ds.getRepository(LeadershipPosition).count(), before, "nothing written");
    // The seed's secretary holds the current term: a second one for the same days is a conflict.
    const second = await h.run(RECORD_POSITION, {
      identity: ADMIN,
      variables: { input: position({ title: "SECRETARY" }) },
    });
    assert.equal(second.errors?.[0]?.extensions?.code, "CONFLICT");
    assert.equal(second.errors?.[0]?.message, "The committee already has a secretary (Bí thư) for part of this term");
    const deputy = await h.run(RECORD_POSITION, {
      identity: ADMIN,
      variables: { input: position({ title: "DEPUTY_SECRETARY" }) },
      language: "vi",
    });
    assert.equal(deputy.errors, undefined, JSON.stringify(deputy.errors));
    assert.deepEqual(
      { ...(deputy.data!.recordPosition as object), id: undefined },
      { id: undefined, title: "DEPUTY_SECRETARY", titleName: "Phó Bí thư" },
    );
    const heads = await h.run(`{
      youth: organisation(id: "DTN-89") { positions(asOf: "2021-01-01") { title titleName } }
      front: organisation(id: "MTTQ-89") { positions(asOf: "2021-01-01") { title titleName } }
    }`);
    const names = (k: string) =>
      ((heads.data![k] as { positions: { title: string; titleName: string }[] }).positions ?? []).map(
        (p) => `${p.title}:${p.titleName}`,
      );
    assert.ok(names("youth").includes("SECRETARY:Bí thư"), names("youth").join());
    assert.ok(!names("youth").some((n) => n.startsWith("CHAIR")));
    assert.ok(names("front").includes("CHAIR:Chủ tịch"), names("front").join());
  });
});
