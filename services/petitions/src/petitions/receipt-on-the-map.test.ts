import { after, before, describe, it } from "node:test";
import assert from "node:assert/strict";
import { isKienGiangUnit, unitVersions, versionsOf } from "@danvan/kit";
import { ADMIN, officerOf, startHarness, type Harness } from "../testing/harness.js";

/**
 * Issue 27: a petition (and a reception session) is recorded on the map of its day. From
 * 2025-07-01 it names a 2025 commune, before a commune of then; the remote-area flag is the one
 * of the version in force on the receipt date; a month's reception compliance judges the unit of
 * that month.
 */
const SUBMIT = `mutation($input: SubmitPetitionInput!) { submitPetition(input: $input) { id isRemoteArea unit { code validFrom } } }`;
const SESSION = `mutation($input: RecordSessionInput!) { recordReceptionSession(input: $input) { id unit { code validFrom } } }`;
const UNIT_NOT_IN_FORCE = {
  en: "must name a unit in force on that day: from 1 July 2025 a commune, ward or special zone of the merged An Giang province (Resolution 1654/NQ-UBTVQH15), before that a unit of the map of the day",
  vi: "phải là đơn vị hành chính đang tồn tại vào ngày đó: từ ngày 01/7/2025 là xã, phường, đặc khu của tỉnh An Giang mới (Nghị quyết 1654/NQ-UBTVQH15), trước đó là đơn vị hành chính của thời điểm đó",
};
type Ref = { code: string; validFrom: string };
type Submitted = { id: string; isRemoteArea: boolean; unit: Ref };

describe("receipt on the map of its day (integration)", () => {
  let h: Harness;
  before(async () => {
    h = await startHarness();
  });
  after(async () => h.close());
  let n = 0;
  const submit = (communeCode: string, receivedOn: string, language: "en" | "vi" = "en", identity = ADMIN) =>
    h.run(SUBMIT, {
      identity,
      language,
      variables: {
        input: {
          kind: "COMPLAINT",
          channel: "DIRECT",
          communeCode,
          summary: "Khiếu nại quyết định thu hồi đất",
          receivedOn,
          idempotencyKey: `on-the-map-${++n}`,
        },
      },
    });
  const fieldsOf = (r: Awaited<ReturnType<typeof submit>>) => [
    r.errors?.[0]?.extensions?.code,
    r.errors?.[0]?.extensions?.fields,
  ];

  it("refuses a 2026 petition at a commune that ended on 2025-06-30, in English and Vietnamese", async () => {
    for (const language of ["en", "vi"] as const) {
      const r = await submit("30280", "2026-03-02", language);
      assert.deepEqual(fieldsOf(r), [
        "BAD_USER_INPUT",
        [{ path: "input.communeCode", message: UNIT_NOT_IN_FORCE[language] }],
      ]);
      assert.equal(r.data!.submitPetition, null);
    }
    const onTheDay = await submit("30280", "2025-07-01");
    assert.equal(onTheDay.errors?.[0]?.extensions?.code, "BAD_USER_INPUT");
    const dayBefore = await submit("30280", "2025-06-30");
    assert.equal(dayBefore.errors, undefined, JSON.stringify(dayBefore.errors));
  });

  it("accepts a 2026 petition at a 2025 commune, with no district; a reused code names the unit of the day", async () => {
    const r = await submit("30307", "2026-03-02", "en", officerOf("30307"));
    assert.equal(r.errors, undefined, JSON.stringify(r.errors));
    const longXuyen = r.data!.submitPetition as Submitted;
    assert.deepEqual(longXuyen.unit, { code: "30307", validFrom: "2025-07-01" });
    const [row] = (await h.ds.query(`SELECT district_code FROM petition WHERE id = ${Number(longXuyen.id)}`)) as {
      district_code: string | null;
    }[];
    assert.equal(row!.district_code, null);
    // The day before the reorganisation, 30307 is Phường Mỹ Hòa of Thành phố Long Xuyên.
    const myHoa = (await submit("30307", "2025-06-30")).data!.submitPetition as Submitted;
    assert.deepEqual(myHoa.unit, { code: "30307", validFrom: "2010-01-01" });
    const [old] = (await h.ds.query(`SELECT district_code FROM petition WHERE id = ${Number(myHoa.id)}`)) as {
      district_code: string;
    }[];
    assert.equal(old!.district_code, "883");
    // Lists follow the versions: Thành phố Long Xuyên ended with Mỹ Hòa, Long Xuyên ward has both.
    // Every page: the seed holds more than a page of petitions in either unit.
    const list = async (unitCode: string) => {
      const ids: string[] = [];
      for (let after: string | null = null, more = true; more;) {
        const r = await h.run(
          `query($u: ID!, $after: String) { petitions(unitCode: $u, first: 100, after: $after) {
            edges { node { id } } pageInfo { hasNextPage endCursor } } }`,
          { identity: ADMIN, variables: { u: unitCode, after } },
        );
        assert.equal(r.errors, undefined, JSON.stringify(r.errors));
        const page = r.data!.petitions as {
          edges: { node: { id: string } }[];
          pageInfo: { hasNextPage: boolean; endCursor: string | null };
        };
        ids.push(...page.edges.map((e) => e.node.id));
        more = page.pageInfo.hasNextPage;
        after = page.pageInfo.endCursor;
      }
      return ids;
    };
    assert.ok(!(await list("883")).includes(longXuyen.id) && (await list("883")).includes(myHoa.id));
    assert.ok((await list("30307")).includes(longXuyen.id) && (await list("30307")).includes(myHoa.id));
  });

  it("takes the remote-area flag of the version in force on the receipt date", async () => {
    // 30502 was Thị trấn Nhà Bàng (not marked) and is Phường Thới Sơn, formed from remote communes.
    const then = (await submit("30502", "2020-03-02")).data!.submitPetition as Submitted;
    const now = (await submit("30502", "2026-03-02")).data!.submitPetition as Submitted;
    assert.deepEqual(
      [then.unit.validFrom, then.isRemoteArea, now.unit.validFrom, now.isRemoteArea],
      ["2010-01-01", false, "2025-07-01", true],
    );
  });

  it("holds no record of old Kiên Giang before 2025-07-01; its 2025 communes take petitions", async () => {
    const code = unitVersions.find(
      (v) => v.validFrom === "2025-07-01" && v.level === "COMMUNE" && isKienGiangUnit(versionsOf(v.code)[0]!),
    )!.code;
    const before = await submit(code, "2020-03-02", "vi");
    assert.deepEqual(fieldsOf(before), [
      "BAD_USER_INPUT",
      [
        {
          path: "input.communeCode",
          message: "là đơn vị của tỉnh Kiên Giang cũ trước ngày 01/7/2025, không có hồ sơ lưu tại đây",
        },
      ],
    ]);
    const after = await submit(code, "2026-03-02");
    assert.equal(after.errors, undefined, JSON.stringify(after.errors));
    assert.deepEqual((after.data!.submitPetition as Submitted).unit, { code, validFrom: "2025-07-01" });
  });

  it("records sessions on the map of their day and judges a month's compliance on the units of that month", async () => {
    const session = (unitCode: string, heldOn: string) =>
      h.run(SESSION, {
        identity: ADMIN,
        variables: {
          input: {
            kind: "RECEPTION",
            unitCode,
            presiderRole: "CHAIR",
            presiderName: "Nguyễn Văn Chủ Tịch",
            heldOn,
            place: "Trụ sở",
            citizensReceived: 3,
            petitionIds: [],
          },
        },
      });
    const district = await session("883", "2026-01-05");
    assert.deepEqual(fieldsOf(district), [
      "BAD_USER_INPUT",
      [{ path: "input.unitCode", message: UNIT_NOT_IN_FORCE.en }],
    ]);
    const ward = await session("30307", "2026-01-05");
    assert.equal(ward.errors, undefined, JSON.stringify(ward.errors));
    assert.deepEqual((ward.data!.recordReceptionSession as { unit: Ref }).unit, {
      code: "30307",
      validFrom: "2025-07-01",
    });

    const compliance = (unitCode: string, month: string) =>
      h.run(
        `query($u: ID!, $m: YearMonth!) { receptionCompliance(unitCode: $u, month: $m) { unit { code validFrom } held byChildUnit { unit { code validFrom } held } } }`,
        { variables: { u: unitCode, m: month } },
      );
    type Compliance = { unit: Ref; held: number; byChildUnit: { unit: Ref; held: number }[] };
    const province = (await compliance("91", "2026-01")).data!.receptionCompliance as Compliance;
    assert.deepEqual(province.unit, { code: "91", validFrom: "2025-07-01" });
    assert.equal(province.byChildUnit.length, 102);
    assert.ok(province.byChildUnit.every((c) => c.unit.validFrom === "2025-07-01"));
    assert.equal(province.byChildUnit.find((c) => c.unit.code === "30307")!.held, 1);
    const myHoa = (await compliance("30307", "2019-05")).data!.receptionCompliance as Compliance;
    assert.deepEqual(myHoa.unit, { code: "30307", validFrom: "2010-01-01" });
    // Thành phố Long Xuyên in 2024: Đông Xuyên still among its wards.
    const city = (await compliance("883", "2024-05")).data!.receptionCompliance as Compliance;
    assert.ok(city.byChildUnit.some((c) => c.unit.code === "30285"));
    for (const [unitCode, month] of [
      ["89", "2026-01"],
      ["91", "2019-05"],
    ]) {
      const r = await compliance(unitCode!, month!);
      assert.equal(r.errors?.[0]?.extensions?.code, "BAD_USER_INPUT", `${unitCode} ${month}`);
      assert.equal((r.errors?.[0]?.extensions?.fields as { path: string }[])[0]!.path, "unitCode");
    }
  });
});
