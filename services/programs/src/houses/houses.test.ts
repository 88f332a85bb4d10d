import { after, before, describe, it } from "node:test";
import assert from "node:assert/strict";
import { AuditEvent } from "@danvan/kit";
import { ADMIN, ANALYST, officerOf, startHarness, type Harness, type OperationResult } from "../testing/harness.js";
import { FundEntry } from "../fund/fund.entity.js";
import { SolidarityHouse } from "./solidarity-house.entity.js";

const FIELDS = `id kind status version proposedOn approvedOn constructionStartedOn handedOverOn cancelledOn cancelReason
  hardFloor hardFrame hardRoof meetsThreeHardStandard fundAmountVnd sponsorAmountVnd familyAmountVnd totalCostVnd
  household { id } fund { id } unit { code }`;
const PROPOSE = `mutation($input: ProposeHouseInput!) { proposeHouse(input: $input) { ${FIELDS} } }`;
const step = (name: string, input = "HouseStepInput") =>
  `mutation($input: ${input}!) { ${name}(input: $input) { ${FIELDS} } }`;

type House = { id: string; status: string; version: number } & Record<string, unknown>;
const codeOf = (r: OperationResult) => r.errors?.[0]?.extensions?.code;
const pathsOf = (r: OperationResult) =>
  ((r.errors?.[0]?.extensions?.fields as { path: string }[] | undefined) ?? []).map((f) => f.path).sort();

describe("Great Solidarity houses (integration)", () => {
  let h: Harness;
  let householdId: number;
  let communeCode: string;
  const officer = officerOf("883");
  before(async () => {
    h = await startHarness();
    const [row] = (await h.ds.query(
      "SELECT id, commune_code FROM household WHERE district_code = '883' ORDER BY id LIMIT 1",
    )) as { id: number; commune_code: string }[];
    householdId = Number(row!.id);
    communeCode = row!.commune_code;
  });
  after(async () => h.close());

  const input = (over: Record<string, unknown> = {}) => ({
    householdId: String(householdId),
    kind: "NEW",
    hardFloor: true,
    hardFrame: true,
    hardRoof: true,
    fundAmountVnd: 30_000_000,
    sponsorAmountVnd: 15_000_000,
    familyAmountVnd: 5_000_000,
    sponsorName: "Công ty Thử nghiệm",
    fundId: `QVNN-${communeCode}`,
    proposedOn: "2020-03-02",
    ...over,
  });
  const propose = async (over: Record<string, unknown> = {}) => {
    const r = await h.run(PROPOSE, { identity: officer, variables: { input: input(over) } });
    assert.equal(r.errors, undefined, JSON.stringify(r.errors));
    return r.data!.proposeHouse as House;
  };
  /** The paying fund's own campaign board: the commune's Front committee (fund/spending-authority.ts). */
  const board = () => officerOf(communeCode, `MTTQ-${communeCode}`);
  // Starting construction pays the fund's share: the paying fund's board does it; the district's officer the rest.
  const move = (
    name: string,
    house: { id: string; version: number },
    on: string,
    extra: Record<string, unknown> = {},
    as = name === "startHouseConstruction" ? board() : officer,
  ) =>
    h.run(step(name, name === "cancelHouse" ? "CancelHouseInput" : "HouseStepInput"), {
      identity: as,
      variables: { input: { houseId: house.id, on, expectedVersion: house.version, ...extra } },
    });

  it("takes a house from proposal to hand-over, debiting the fund when construction starts", async () => {
    const proposed = await propose();
    assert.equal(proposed.status, "PROPOSED");
    assert.equal(proposed.totalCostVnd, 50_000_000);
    assert.equal(proposed.meetsThreeHardStandard, true);
    const approved = (await move("approveHouse", proposed, "2020-03-20")).data!.approveHouse as House;
    assert.equal(approved.status, "APPROVED");
    const started = await move("startHouseConstruction", approved, "2020-04-01");
    assert.equal(started.errors, undefined, JSON.stringify(started.errors));
    const building = started.data!.startHouseConstruction as House;
    const entries = await h.ds.getRepository(FundEntry).findBy({ refType: "SolidarityHouse", refId: proposed.id });
    assert.deepEqual(
      entries.map((e) => [e.fundId, e.kind, BigInt(String(e.amountVnd)), e.entryOn]),
      [[`QVNN-${communeCode}`, "HOUSE", -30_000_000n, "2020-04-01"]],
    );
    const handed = (await move("handOverHouse", building, "2020-06-15")).data!.handOverHouse as House;
    assert.equal(handed.status, "HANDED_OVER");
    assert.equal(handed.version, 4);

    const read = await h.run(`{ solidarityHouse(id: "${proposed.id}") { ${FIELDS} } }`, { identity: ANALYST });
    assert.equal(read.errors, undefined, JSON.stringify(read.errors));
    assert.deepEqual(read.data!.solidarityHouse, {
      ...handed,
      household: { id: String(householdId) },
      fund: { id: `QVNN-${communeCode}` },
      unit: { code: communeCode },
    });
    assert.deepEqual(
      [handed.proposedOn, handed.approvedOn, handed.constructionStartedOn, handed.handedOverOn],
      ["2020-03-02", "2020-03-20", "2020-04-01", "2020-06-15"],
    );
    const actions = (
      await h.ds.getRepository(AuditEvent).findBy({ entityType: "SolidarityHouse", entityId: proposed.id })
    )
      .map((e) => e.action)
      .sort();
    assert.deepEqual(actions, ["approveHouse", "handOverHouse", "proposeHouse", "startHouseConstruction"]);
  });

  it("refuses illegal moves (CONFLICT, ILLEGAL_TRANSITION) and backward dates (BAD_USER_INPUT)", async () => {
    const proposed = await propose();
    const early = await move("handOverHouse", proposed, "2020-04-01");
    assert.equal(codeOf(early), "CONFLICT");
    assert.equal(early.errors![0]!.extensions!.reason, "ILLEGAL_TRANSITION");
    const backwards = await move("approveHouse", proposed, "2020-03-01");
    assert.equal(codeOf(backwards), "BAD_USER_INPUT");
    assert.deepEqual(pathsOf(backwards), ["input.on"]);
    const cancelled = await move("cancelHouse", proposed, "2020-03-05", { reason: "Hộ chuyển đi nơi khác" });
    assert.equal((cancelled.data!.cancelHouse as House).status, "CANCELLED");
    assert.equal((cancelled.data!.cancelHouse as House).cancelReason, "Hộ chuyển đi nơi khác");
    const again = await move("approveHouse", cancelled.data!.cancelHouse as House, "2020-03-06");
    assert.equal(again.errors![0]!.extensions!.reason, "ILLEGAL_TRANSITION");
  });

  it("proposes once per idempotency key: the retry returns the same house and writes one row", async () => {
    const repo = h.ds.getRepository(SolidarityHouse);
    const before = await repo.count();
    const first = await propose({ idempotencyKey: "house-req-0001" });
    const retry = await propose({ idempotencyKey: "house-req-0001" });
    assert.equal(retry.id, first.id);
    assert.equal(await repo.count(), before + 1);
    assert.equal(
      await h.ds.getRepository(AuditEvent).countBy({ entityType: "SolidarityHouse", entityId: first.id }),
      1,
    );
  });

  it("lets one of two concurrent approvals with the same version win; the other gets CONFLICT", async () => {
    const proposed = await propose();
    const [a, b] = await Promise.all([
      move("approveHouse", proposed, "2020-03-10"),
      move("approveHouse", proposed, "2020-03-11"),
    ]);
    assert.deepEqual([a, b].map((r) => codeOf(r) ?? "OK").sort(), ["CONFLICT", "OK"]);
    const row = await h.ds.getRepository(SolidarityHouse).findOneByOrFail({ id: Number(proposed.id) });
    assert.equal(row.version, 2);
    assert.equal(row.status, "APPROVED");
  });

  it("refuses bad input with BAD_USER_INPUT naming each field, never echoing the value, writing nothing", async () => {
    const repo = h.ds.getRepository(SolidarityHouse);
    const before = await repo.count();
    const bad = await h.run(PROPOSE, {
      identity: officer,
      variables: {
        input: input({
          householdId: "12<script>",
          fundAmountVnd: -5,
          sponsorName: "S".repeat(201),
          fundId: "QVNN-<b>",
        }),
      },
    });
    assert.equal(codeOf(bad), "BAD_USER_INPUT");
    assert.deepEqual(pathsOf(bad), ["input.fundAmountVnd", "input.fundId", "input.householdId", "input.sponsorName"]);
    assert.ok(!/<script>|<b>|SSSS|-5/.test(JSON.stringify(bad.errors)), "no value is echoed");
    const fields = bad.errors![0]!.extensions!.fields as { path: string; message: string }[];
    assert.equal(
      fields.find((f) => f.path === "input.fundAmountVnd")?.message,
      "must be a whole number of VND from 0 to 10^15",
    );
    // proposedOn is a Date: a month 13 is refused before the resolver runs.
    const date = await h.run(PROPOSE, { identity: officer, variables: { input: input({ proposedOn: "2020-13-45" }) } });
    assert.equal(codeOf(date), "BAD_USER_INPUT");
    assert.match(date.errors![0]!.message, /input\.proposedOn/);
    const noFund = await h.run(PROPOSE, { identity: officer, variables: { input: input({ fundId: null }) } });
    assert.deepEqual(pathsOf(noFund), ["input.fundId"]);
    const future = await h.run(PROPOSE, {
      identity: officer,
      variables: { input: input({ proposedOn: "2099-01-01" }) },
    });
    assert.deepEqual(pathsOf(future), ["input.proposedOn"]);
    const otherFund = await h.run(PROPOSE, { identity: officer, variables: { input: input({ fundId: "QVNN-884" }) } });
    assert.deepEqual(pathsOf(otherFund), ["input.fundId"]);
    const unknown = await h.run(PROPOSE, {
      identity: officer,
      variables: { input: input({ householdId: "999999999" }) },
    });
    assert.equal(codeOf(unknown), "NOT_FOUND");
    assert.doesNotMatch(JSON.stringify(unknown.errors), /999999999/);
    const unknownFund = await h.run(PROPOSE, {
      identity: officer,
      variables: { input: input({ fundId: "QVNN-99999" }) },
    });
    assert.equal(codeOf(unknownFund), "NOT_FOUND");
    assert.deepEqual(pathsOf(unknownFund), ["input.fundId"]);
    assert.doesNotMatch(JSON.stringify(unknownFund.errors), /99999/);
    assert.equal(await repo.count(), before);
  });

  it("answers in Vietnamese: an illegal move names the house's state, a bad share says its limit", async () => {
    const proposed = await propose();
    const early = await h.run(step("handOverHouse"), {
      identity: officer,
      language: "vi",
      variables: { input: { houseId: proposed.id, on: "2020-04-01", expectedVersion: proposed.version } },
    });
    assert.equal(codeOf(early), "CONFLICT");
    assert.equal(early.errors![0]!.message, "Nhà Đại đoàn kết đang ở bước đề xuất thì không thể bàn giao");
    assert.equal(early.errors![0]!.extensions!.currentStatus, "PROPOSED");
    const stale = await h.run(step("approveHouse"), {
      identity: officer,
      language: "vi",
      variables: { input: { houseId: proposed.id, on: "2020-04-01", expectedVersion: proposed.version + 5 } },
    });
    assert.equal(stale.errors![0]!.message, "Bản ghi nhà Đại đoàn kết đã được người khác thay đổi; hãy đọc lại");
    const missing = await h.run(step("approveHouse"), {
      identity: officer,
      language: "vi",
      variables: { input: { houseId: "987654321", on: "2020-04-01", expectedVersion: 1 } },
    });
    assert.equal(missing.errors![0]!.message, "Không tìm thấy nhà Đại đoàn kết");
    assert.doesNotMatch(JSON.stringify(missing.errors), /987654321/);
    const split = await h.run(PROPOSE, {
      identity: officer,
      language: "vi",
      variables: { input: input({ fundAmountVnd: 0, sponsorAmountVnd: 0, familyAmountVnd: 0, fundId: null }) },
    });
    assert.deepEqual(split.errors![0]!.extensions!.fields, [
      { path: "input.familyAmountVnd", message: "tổng phần đóng góp của quỹ, nhà tài trợ và gia đình phải lớn hơn 0" },
    ]);
    const future = await h.run(PROPOSE, {
      identity: officer,
      language: "vi",
      variables: { input: input({ proposedOn: "2099-01-01" }) },
    });
    assert.deepEqual(future.errors![0]!.extensions!.fields, [
      { path: "input.proposedOn", message: "không được là ngày trong tương lai" },
    ]);
    const backwards = await h.run(step("approveHouse"), {
      identity: officer,
      language: "vi",
      variables: { input: { houseId: proposed.id, on: "2020-03-01", expectedVersion: proposed.version } },
    });
    assert.deepEqual(backwards.errors![0]!.extensions!.fields, [
      { path: "input.on", message: "không được trước ngày của bước liền trước" },
    ]);
    const scope = await h.run(`{ solidarityHouses(unitCode: "883", first: 1) { totalCount } }`, {
      identity: officerOf("884"),
      language: "vi",
    });
    assert.equal(scope.errors![0]!.message, "Đơn vị hành chính này nằm ngoài phạm vi phụ trách của bạn");
    assert.equal(scope.data!.solidarityHouses, null);
  });

  it("keeps houses from the public and from officers of other districts", async () => {
    const house = await propose();
    const list = `{ solidarityHouses(unitCode: "883", first: 2) { totalCount edges { node { id } } } }`;
    assert.equal(codeOf(await h.run(list)), "UNAUTHENTICATED");
    assert.equal(codeOf(await h.run(list, { identity: officerOf("884") })), "FORBIDDEN");
    assert.equal((await h.run(list, { identity: officer })).errors, undefined);
    assert.equal((await h.run(list, { identity: ANALYST })).errors, undefined);
    const one = `{ solidarityHouse(id: "${house.id}") { id } }`;
    assert.equal(codeOf(await h.run(one)), "UNAUTHENTICATED");
    assert.equal(codeOf(await h.run(one, { identity: officerOf("884") })), "FORBIDDEN");
    const write = await h.run(step("approveHouse"), {
      identity: officerOf("884"),
      variables: { input: { houseId: house.id, on: "2020-03-10", expectedVersion: 1 } },
    });
    assert.equal(codeOf(write), "FORBIDDEN");
    const analystWrite = await h.run(step("approveHouse"), {
      identity: ANALYST,
      variables: { input: { houseId: house.id, on: "2020-03-10", expectedVersion: 1 } },
    });
    assert.equal(codeOf(analystWrite), "FORBIDDEN");
  });

  it("fails cleanly when the fund lacks the money: nothing is written", async () => {
    const proposed = await propose({ fundAmountVnd: "1000000000000000", sponsorAmountVnd: 0, familyAmountVnd: 0 });
    const approved = (await move("approveHouse", proposed, "2020-03-10")).data!.approveHouse as House;
    const audits = await h.ds
      .getRepository(AuditEvent)
      .countBy({ entityType: "SolidarityHouse", entityId: proposed.id });
    // Only the paying fund's board may spend it: the district's officer, the district's board and
    // the commune's Farmers' Union are refused before anything is read of the books.
    for (const [as, rule] of [
      [officer, "FUND_BOARD_ONLY"],
      [officerOf("883", "MTTQ-883"), "HIGHER_LEVEL_NEVER_SPENDS"],
      [officerOf(communeCode, `HND-${communeCode}`), "FUND_BOARD_ONLY"],
    ] as const) {
      const forbidden = await move("startHouseConstruction", approved, "2020-04-01", {}, as);
      assert.deepEqual([codeOf(forbidden), forbidden.errors?.[0]?.extensions?.rule], ["FORBIDDEN", rule]);
    }
    // Not enough money on that day: the books stand in the way, a CONFLICT naming the fund, as
    // for a transfer or support (README, "The ledger by date"); the amount is not repeated.
    const refused = await move("startHouseConstruction", approved, "2020-04-01");
    assert.deepEqual(refused.errors?.[0]?.extensions, {
      code: "CONFLICT",
      reason: "INSUFFICIENT_BALANCE",
      fundId: `QVNN-${communeCode}`,
    });
    assert.doesNotMatch(JSON.stringify(refused.errors), /1000000000000000/);
    const row = await h.ds.getRepository(SolidarityHouse).findOneByOrFail({ id: Number(proposed.id) });
    assert.deepEqual([row.status, row.version, row.constructionStartedOn], ["APPROVED", 2, null]);
    assert.equal(await h.ds.getRepository(FundEntry).countBy({ refType: "SolidarityHouse", refId: proposed.id }), 0);
    assert.equal(
      await h.ds.getRepository(AuditEvent).countBy({ entityType: "SolidarityHouse", entityId: proposed.id }),
      audits,
    );
  });

  it("pages through a unit's houses with filters, by id", async () => {
    const q = `query($after: String) { solidarityHouses(unitCode: "89", status: HANDED_OVER, first: 5, after: $after) {
      totalCount pageInfo { hasNextPage endCursor } edges { node { id status } } } }`;
    const seen: string[] = [];
    let after: string | null = null;
    let total = 0;
    for (;;) {
      const r = await h.run(q, { identity: ADMIN, variables: { after } });
      assert.equal(r.errors, undefined, JSON.stringify(r.errors));
      const c = r.data!.solidarityHouses as {
        totalCount: number;
        pageInfo: { hasNextPage: boolean; endCursor: string };
        edges: { node: { id: string; status: string } }[];
      };
      total = c.totalCount;
      seen.push(...c.edges.map((e) => e.node.id));
      assert.ok(c.edges.every((e) => e.node.status === "HANDED_OVER"));
      if (!c.pageInfo.hasNextPage) break;
      after = c.pageInfo.endCursor;
    }
    // Old An Giang's (89) houses: those proposed while it existed (to 2025-06-30).
    const expected = (await h.ds.query(
      "SELECT id FROM solidarity_house WHERE status = 'HANDED_OVER' AND proposed_on <= '2025-06-30' ORDER BY id",
    )) as {
      id: number;
    }[];
    assert.deepEqual(
      seen,
      expected.map((r) => String(r.id)),
    );
    assert.equal(total, expected.length);
    const tooMany = await h.run(`{ solidarityHouses(first: 100000) { totalCount } }`, { identity: ADMIN });
    assert.equal(codeOf(tooMany), "BAD_USER_INPUT");
  });
});
