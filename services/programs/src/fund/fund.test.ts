import { after, before, describe, it } from "node:test";
import assert from "node:assert/strict";
import { ADMIN, ANALYST, officerOf, startHarness, type Harness } from "../testing/harness.js";
import { Contribution } from "./contribution.entity.js";
import { FundEntry } from "./fund.entity.js";
import { SupportEvent } from "../support/support-event.entity.js";

const CONTRIBUTE = `mutation($input: RecordContributionInput!) { recordContribution(input: $input) { id amountVnd form fund { id } } }`;
const TRANSFER = `mutation($input: TransferFundsInput!) { transferFunds(input: $input) { id amountVnd } }`;
const BALANCE = `query($id: ID!) { fund(id: $id) { balance(from: "2020-01-01", to: "2020-12-31") { openingVnd contributionsVnd transfersInVnd transfersOutVnd spentVnd closingVnd } } }`;

type Balance = {
  openingVnd: number;
  contributionsVnd: number;
  transfersInVnd: number;
  transfersOutVnd: number;
  spentVnd: number;
  closingVnd: number;
};

describe("the Fund for the Poor (integration)", () => {
  let h: Harness;
  before(async () => {
    h = await startHarness();
  });
  after(async () => h.close());

  const balance = async (id: string) =>
    ((await h.run(BALANCE, { variables: { id } })).data!.fund as { balance: Balance }).balance;
  const contribution = (over: Record<string, unknown> = {}) => ({
    fundId: "QVNN-30280",
    receivedOn: "2020-10-20",
    form: "IN_KIND",
    amountVnd: 2_500_000,
    inKindDescription: "Gạo 100 kg",
    donorKind: "ORGANISATION",
    donorName: "Hợp tác xã Mỹ Bình",
    collectedByUnitCode: "30280",
    receiptNumber: "2020-T-0001",
    ...over,
  });

  it("records a contribution once per key, credits the ledger and the balance", async () => {
    const before = await balance("QVNN-30280");
    const vars = { input: contribution({ idempotencyKey: "contrib-key-0001" }) };
    // The fund's own campaign board: Mỹ Bình's Front committee (spending-authority.ts).
    const board = officerOf("30280", "MTTQ-30280");
    const a = await h.run(CONTRIBUTE, { identity: board, variables: vars });
    const b = await h.run(CONTRIBUTE, { identity: board, variables: vars });
    assert.equal(a.errors, undefined, JSON.stringify(a.errors));
    assert.deepEqual(b.data, a.data);
    const id = (a.data!.recordContribution as { id: string }).id;
    assert.equal(await h.ds.getRepository(FundEntry).countBy({ refType: "Contribution", refId: id }), 1);
    const after = await balance("QVNN-30280");
    assert.equal(after.contributionsVnd - before.contributionsVnd, 2_500_000);
    assert.equal(
      after.closingVnd,
      after.openingVnd + after.contributionsVnd + after.transfersInVnd - after.transfersOutVnd - after.spentVnd,
    );
  });

  it("refuses a second use of a receipt number with CONFLICT and a gift in kind without its description", async () => {
    const dup = await h.run(CONTRIBUTE, {
      identity: ADMIN,
      variables: { input: contribution({ amountVnd: 100_000 }) },
    });
    assert.equal(dup.errors?.[0]?.extensions?.code, "CONFLICT");
    const noDescription = await h.run(CONTRIBUTE, {
      identity: ADMIN,
      variables: { input: contribution({ receiptNumber: "2020-T-0002", inKindDescription: null }) },
    });
    assert.deepEqual(noDescription.errors?.[0]?.extensions?.fields, [
      { path: "input.inKindDescription", message: "is required for a gift in kind" },
    ]);
    const zero = await h.run(CONTRIBUTE, {
      identity: ADMIN,
      variables: { input: contribution({ receiptNumber: "2020-T-0003", amountVnd: 0 }) },
    });
    assert.equal((zero.errors?.[0]?.extensions?.fields as { path: string }[])[0]!.path, "input.amountVnd");
  });

  it("answers in Vietnamese and never repeats what was sent", async () => {
    const missing = await h.run(CONTRIBUTE, {
      identity: ADMIN,
      language: "vi",
      variables: { input: contribution({ fundId: "QVNN-99999", receiptNumber: "2020-T-0901" }) },
    });
    assert.equal(missing.errors?.[0]?.message, "Không tìm thấy Quỹ Vì người nghèo");
    assert.deepEqual(missing.errors?.[0]?.extensions, {
      code: "NOT_FOUND",
      fields: [{ path: "input.fundId", message: "không tồn tại" }],
    });
    assert.doesNotMatch(JSON.stringify(missing.errors), /99999/);
    const bad = await h.run(CONTRIBUTE, {
      identity: ADMIN,
      language: "vi",
      variables: {
        input: contribution({
          fundId: "QUY-<x>",
          receiptNumber: "R#<secret>",
          collectedByUnitCode: "8<9>",
          inKindDescription: "g".repeat(301),
        }),
      },
    });
    assert.equal(bad.errors?.[0]?.extensions?.code, "BAD_USER_INPUT");
    assert.deepEqual(bad.errors?.[0]?.extensions?.fields, [
      { path: "input.fundId", message: "phải là mã quỹ có dạng QVNN-883" },
      { path: "input.inKindDescription", message: "phải dài từ 2 đến 300 ký tự" },
      { path: "input.collectedByUnitCode", message: "phải là mã đơn vị hành chính chính thức (2, 3 hoặc 5 chữ số)" },
      { path: "input.receiptNumber", message: "chỉ được gồm chữ cái (không dấu), chữ số và các ký tự . / -" },
    ]);
    assert.doesNotMatch(JSON.stringify(bad.errors), /<x>|<secret>|<9>|gggg/);
    const anonymousOnly = await h.run(CONTRIBUTE, {
      identity: ADMIN,
      language: "vi",
      variables: { input: contribution({ receiptNumber: "2020-T-0902", donorName: null }) },
    });
    assert.deepEqual(anonymousOnly.errors?.[0]?.extensions?.fields, [
      { path: "input.donorName", message: "là bắt buộc, trừ khi người ủng hộ ẩn danh" },
    ]);
    const same = await h.run(TRANSFER, {
      identity: ADMIN,
      language: "vi",
      variables: {
        input: { fromFundId: "QVNN-883", toFundId: "QVNN-883", amountVnd: 1_000, transferredOn: "2020-06-01" },
      },
    });
    assert.deepEqual(same.errors?.[0]?.extensions?.fields, [
      { path: "input.toFundId", message: "phải khác fromFundId" },
    ]);
    const scope = await h.run(`{ fund(id: "QVNN-30280") { name contributions(first: 1) { totalCount } } }`, {
      identity: officerOf("884"),
      language: "vi",
    });
    assert.equal(scope.errors?.[0]?.message, "Quỹ Vì người nghèo này nằm ngoài phạm vi phụ trách của bạn");
    // Only the refused field is null: the fund itself is still answered.
    assert.deepEqual(scope.data, { fund: { name: (scope.data!.fund as { name: string }).name, contributions: null } });
    assert.ok((scope.data!.fund as { name: string }).name.length > 0);
  });

  it("takes the dates of contributions, transfers and support as Date, refusing a day that does not exist", async () => {
    const contributionDate = await h.run(CONTRIBUTE, {
      identity: ADMIN,
      variables: { input: contribution({ receivedOn: "2020-02-30", receiptNumber: "2020-T-0903" }) },
    });
    assert.equal(contributionDate.errors?.[0]?.extensions?.code, "BAD_USER_INPUT");
    assert.match(contributionDate.errors![0]!.message, /input\.receivedOn/);
    const transferDate = await h.run(TRANSFER, {
      identity: ADMIN,
      variables: { input: { fromFundId: "QVNN-89", toFundId: "QVNN-883", amountVnd: 1, transferredOn: "2020-6-1" } },
    });
    assert.equal(transferDate.errors?.[0]?.extensions?.code, "BAD_USER_INPUT");
    assert.match(transferDate.errors![0]!.message, /input\.transferredOn/);
    const supportDate = await h.run(`mutation($i: RecordSupportInput!) { recordSupport(input: $i) { id } }`, {
      identity: ADMIN,
      variables: { i: { householdId: "1", kind: "MEDICAL", amountVnd: 0, givenOn: "2019-02-29" } },
    });
    assert.equal(supportDate.errors?.[0]?.extensions?.code, "BAD_USER_INPUT");
    assert.match(supportDate.errors![0]!.message, /i\.givenOn/);
  });

  it("moves money between levels, and refuses a transfer the fund cannot cover without writing anything", async () => {
    const [province, district] = [await balance("QVNN-89"), await balance("QVNN-883")];
    const ok = await h.run(TRANSFER, {
      identity: officerOf("89", "MTTQ-89"),
      variables: {
        input: { fromFundId: "QVNN-89", toFundId: "QVNN-883", amountVnd: 7_000_000, transferredOn: "2020-06-01" },
      },
    });
    assert.equal(ok.errors, undefined, JSON.stringify(ok.errors));
    assert.equal((await balance("QVNN-89")).transfersOutVnd - province.transfersOutVnd, 7_000_000);
    assert.equal((await balance("QVNN-883")).transfersInVnd - district.transfersInVnd, 7_000_000);
    const entries = await h.ds.getRepository(FundEntry).count();
    // More than Long Xuyên's fund ever held: the books stand in the way, not the input (CONFLICT).
    const tooMuch = await h.run(TRANSFER, {
      identity: ADMIN,
      variables: {
        input: {
          fromFundId: "QVNN-883",
          toFundId: "QVNN-30280",
          amountVnd: "900000000000000",
          transferredOn: "2020-06-01",
        },
      },
    });
    assert.deepEqual(tooMuch.errors?.[0]?.extensions, {
      code: "CONFLICT",
      reason: "INSUFFICIENT_BALANCE",
      fundId: "QVNN-883",
    });
    assert.doesNotMatch(JSON.stringify(tooMuch.errors), /900000000000000/);
    assert.equal(await h.ds.getRepository(FundEntry).count(), entries);
  });

  it("pays support from a commune fund and counts it as spending and a visit", async () => {
    const before = await balance("QVNN-30280");
    const [{ id }] = (await h.ds.query(
      `SELECT id FROM household WHERE commune_code = '30280' ORDER BY id LIMIT 1`,
    )) as { id: number }[];
    const r = await h.run(
      `mutation($i: RecordSupportInput!) { recordSupport(input: $i) { id kind amountVnd household { id } fund { id } } }`,
      {
        identity: officerOf("30280", "MTTQ-30280"),
        variables: {
          i: {
            householdId: String(id),
            kind: "MEDICAL",
            amountVnd: 1_200_000,
            givenOn: "2020-07-01",
            fundId: "QVNN-30280",
            idempotencyKey: "support-key-001",
          },
        },
      },
    );
    assert.equal(r.errors, undefined, JSON.stringify(r.errors));
    assert.equal((await balance("QVNN-30280")).spentVnd - before.spentVnd, 1_200_000);
    assert.equal(
      await h.ds.getRepository(SupportEvent).countBy({ givenOn: "2020-07-01", kind: "MEDICAL" as never }),
      1,
    );
  });

  it("lists contributions with donors' names for officers in scope and initials for analysts; never for the public", async () => {
    const q = `{ fund(id: "QVNN-30280") { name contributions(from: "2020-01-01", to: "2020-12-31") { totalCount edges { node { donorName receiptNumber } } } } }`;
    const officer = await h.run(q, { identity: officerOf("883") });
    const analyst = await h.run(q, { identity: ANALYST });
    type C = { contributions: { edges: { node: { donorName: string | null; receiptNumber: string } }[] } };
    const named = (officer.data!.fund as C).contributions.edges.find((e) => e.node.receiptNumber === "2020-T-0001")!;
    const masked = (analyst.data!.fund as C).contributions.edges.find((e) => e.node.receiptNumber === "2020-T-0001")!;
    assert.equal(named.node.donorName, "Hợp tác xã Mỹ Bình");
    assert.equal(masked.node.donorName, "H. T. X. M. B.");
    assert.equal((await h.run(q)).errors?.[0]?.extensions?.code, "UNAUTHENTICATED");
    assert.equal((await h.run(q, { identity: officerOf("884") })).errors?.[0]?.extensions?.code, "FORBIDDEN");
    assert.ok((await h.ds.getRepository(Contribution).countBy({ fundId: "QVNN-30280" })) > 0);
  });

  it("keeps the year tallies equal to the ledger and the support events, after the seed and the mutations above", async () => {
    const rows = (sql: string) => h.ds.query(sql) as Promise<Record<string, string | number>[]>;
    const norm = (r: Record<string, string | number>[]) => r.map((x) => Object.values(x).map(String).join("|")).sort();
    const year = (c: string) => `CAST(substr(CAST(${c} AS TEXT), 1, 4) AS INTEGER)`;
    assert.deepEqual(
      norm(await rows(`SELECT unit_code, year, raised_vnd, spent_vnd FROM fund_year_tally`)),
      norm(
        await rows(`SELECT unit_code, ${year("entry_on")} AS y,
            SUM(CASE WHEN kind = 'CONTRIBUTION' THEN amount_vnd ELSE 0 END),
            -SUM(CASE WHEN kind IN ('SUPPORT', 'HOUSE') THEN amount_vnd ELSE 0 END)
          FROM fund_entry GROUP BY unit_code, ${year("entry_on")}
          HAVING SUM(CASE WHEN kind IN ('CONTRIBUTION', 'SUPPORT', 'HOUSE') THEN 1 ELSE 0 END) > 0`),
      ),
    );
    assert.deepEqual(
      norm(await rows(`SELECT commune_code, year, kind, visits, amount_vnd FROM support_tally`)),
      norm(
        await rows(`SELECT commune_code, ${year("given_on")}, kind, COUNT(*), SUM(amount_vnd) FROM support_event
          GROUP BY commune_code, ${year("given_on")}, kind`),
      ),
    );
  });

  it("sums a period that starts and ends inside a year from tallies and rows alike, exactly", async () => {
    const q = `{ fundSummary(unitCode: "89", from: "2016-03-15", to: "2020-07-15") {
      raisedVnd spentVnd supportEvents supportByKind { kind visits amountVnd } } }`;
    const got = (await h.run(q)).data!.fundSummary as Record<string, number> & {
      supportByKind: { kind: string; visits: number; amountVnd: number }[];
    };
    const byKind = (await h.ds.query(`SELECT kind, COUNT(*) AS v, SUM(amount_vnd) AS a FROM support_event
      WHERE given_on BETWEEN '2016-03-15' AND '2020-07-15' GROUP BY kind`)) as { kind: string; v: number; a: number }[];
    assert.deepEqual(
      got.supportByKind
        .filter((k) => k.visits > 0)
        .map((k) => `${k.kind}:${k.visits}:${k.amountVnd}`)
        .sort(),
      byKind.map((k) => `${k.kind}:${k.v}:${k.a}`).sort(),
    );
    assert.equal(got.supportByKind.length, 7);
    const [raw] = (await h.ds.query(`SELECT
        (SELECT SUM(amount_vnd) FROM contribution WHERE received_on BETWEEN '2016-03-15' AND '2020-07-15') AS raised,
        (SELECT -SUM(amount_vnd) FROM fund_entry WHERE kind IN ('SUPPORT', 'HOUSE') AND entry_on BETWEEN '2016-03-15' AND '2020-07-15') AS spent,
        (SELECT COUNT(*) FROM support_event WHERE given_on BETWEEN '2016-03-15' AND '2020-07-15') AS visits`)) as {
      raised: string | number;
      spent: string | number;
      visits: string | number;
    }[];
    assert.deepEqual(
      [got.raisedVnd, got.spentVnd, got.supportEvents].map(String),
      [raw!.raised, raw!.spent, raw!.visits].map(String),
    );
    assert.ok(Number(raw!.visits) > 0 && Number(raw!.raised) > 0);
  });
});
