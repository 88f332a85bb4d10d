import { after, before, describe, it } from "node:test";
import assert from "node:assert/strict";
import { randomBytes } from "node:crypto";
import { AuditEvent } from "@danvan/kit";
import { ADMIN, ANALYST, officerOf, startHarness, type Harness } from "../testing/harness.js";
import { HANDLER, petitionSteps } from "../petitions/petition-steps.fixture.js";
import { buildDataset } from "../../seed/seed.js";
import { SealedDenouncerIdentity } from "./denouncer-identity.entity.js";
import { openIdentity } from "./denouncer-identities.js";
import { IdentityKeyError, IdentityKeyring } from "./envelope.js";
import { developmentIdentityKey } from "./identity-keys.js";
import { rewrapIdentities } from "./rotate-keys.js";
import { REDACTED } from "./screening.js";

/** Raw rows, as the database holds them (no entity, no decryption). */
const raw = (h: Harness, sql: string, ...params: unknown[]) =>
  h.ds.query(
    h.db.kind === "postgres" ? sql.replace(/\?/g, (_, i: number) => `$${sql.slice(0, i).split("?").length}`) : sql,
    params,
  ) as Promise<Record<string, unknown>[]>;

const READ = `query($id: ID!) { petition(id: $id) { summary conclusion history { transition note } } }`;

describe("the denouncer's identity at rest, and free text screened of it (integration)", () => {
  let h: Harness;
  before(async () => {
    h = await startHarness();
  });
  after(async () => h.close());
  const { submit, step } = petitionSteps(() => h);
  const submitted = async (over: Record<string, unknown> = {}) => {
    const r = await submit(over);
    assert.equal(r.errors, undefined, JSON.stringify(r.errors));
    return (r.data!.submitPetition as { id: string }).id;
  };

  it("holds no identity in plain text: the seed's and a new one are sealed rows that open to the identity", async () => {
    const expected = buildDataset("small").identities;
    const rows = await raw(h, "SELECT * FROM denouncer_identity ORDER BY petition_id");
    assert.ok(expected.length > 20);
    assert.equal(rows.length, expected.length);
    assert.deepEqual(Object.keys(rows[0]!).sort(), ["key_version", "petition_id", "sealed", "wrapped_key"]);
    const text = JSON.stringify(rows);
    for (const who of expected) {
      for (const value of [who.fullName, who.phone!, who.address!]) assert.ok(!text.includes(value), "plain identity");
    }
    const opened = await h.ds.getRepository(SealedDenouncerIdentity).find({ order: { petitionId: "ASC" } });
    assert.deepEqual(
      opened.map((r) => ({ ...openIdentity(r) })),
      expected.map((w) => ({ ...w })),
    );

    const id = await submitted({
      denouncer: {
        fullName: "Phan Văn Bí Mật",
        phone: "0912345678",
        idNumber: "089201001234",
        address: "Ấp 3, xã Mỹ Hòa Hưng",
      },
    });
    const [row] = await raw(h, "SELECT * FROM denouncer_identity WHERE petition_id = ?", Number(id));
    assert.doesNotMatch(JSON.stringify(row), /Bí Mật|Bi Mat|0912345678|089201001234|Mỹ Hòa/);
    assert.equal(Number(row!.key_version), 1);
    const mine = await h.ds.getRepository(SealedDenouncerIdentity).findOneByOrFail({ petitionId: Number(id) });
    assert.equal(openIdentity(mine).idNumber, "089201001234");
    // Through the graph, the handling officer reads it decrypted.
    const r = await h.run(
      `query($id: ID!) { petition(id: $id) { denouncerIdentity { fullName address phone idNumber } } }`,
      {
        identity: HANDLER,
        variables: { id },
      },
    );
    assert.deepEqual((r.data!.petition as { denouncerIdentity: unknown }).denouncerIdentity, {
      fullName: "Phan Văn Bí Mật",
      address: "Ấp 3, xã Mỹ Hòa Hưng",
      phone: "0912345678",
      idNumber: "089201001234",
    });
  });

  it("screens the summary at submission: the denouncer's name and numbers replaced before it is stored", async () => {
    const id = await submitted({ summary: "Ông PHAN VAN BI MAT (ĐT 0912 345 678) tố cáo cán bộ ấp" });
    const screened = `Ông ${REDACTED} (ĐT ${REDACTED}) tố cáo cán bộ ấp`;
    const [row] = await raw(h, "SELECT summary FROM petition WHERE id = ?", Number(id));
    assert.equal(row!.summary, screened);
    const officer = await h.run(READ, { identity: officerOf("883"), variables: { id } });
    assert.equal((officer.data!.petition as { summary: string }).summary, screened);
    // Without a denouncer there is nothing to screen against: the text is kept.
    const complaint = await submitted({ kind: "COMPLAINT", denouncer: null, summary: "Khiếu nại của Phan Văn Bí Mật" });
    const [kept] = await raw(h, "SELECT summary FROM petition WHERE id = ?", Number(complaint));
    assert.equal(kept!.summary, "Khiếu nại của Phan Văn Bí Mật");
  });

  it("screens every step's note, and analysts read no free text at all", async () => {
    const id = await submitted();
    let r = await step(
      "acceptPetition",
      { petitionId: id, expectedVersion: 1, on: "2020-03-05", note: "Đã gọi ông Phan Văn Bí Mật, số 0912.345.678" },
      HANDLER,
    );
    assert.equal(r.errors, undefined, JSON.stringify(r.errors));
    r = await step("startVerification", {
      petitionId: id,
      expectedVersion: 2,
      on: "2020-03-06",
      note: "Xác minh tại thực địa",
    });
    assert.equal(r.errors, undefined, JSON.stringify(r.errors));
    r = await step("resolvePetition", {
      petitionId: id,
      expectedVersion: 3,
      on: "2020-03-20",
      outcome: "UPHELD",
      conclusion: "Tố cáo đúng một phần",
      note: "bí mật: phan văn bí mật",
    });
    assert.equal(r.errors, undefined, JSON.stringify(r.errors));
    const notes = [null, `Đã gọi ông ${REDACTED}, số ${REDACTED}`, "Xác minh tại thực địa", `bí mật: ${REDACTED}`];
    const rows = await raw(h, "SELECT note FROM petition_event WHERE petition_id = ? ORDER BY id", Number(id));
    assert.deepEqual(
      rows.map((e) => e.note),
      notes,
    );
    const admin = await h.run(READ, { identity: ADMIN, variables: { id } });
    const seen = admin.data!.petition as { summary: string; conclusion: string; history: { note: string | null }[] };
    assert.deepEqual(
      seen.history.map((e) => e.note),
      notes,
    );
    assert.equal(seen.conclusion, "Tố cáo đúng một phần");
    const analyst = await h.run(READ, { identity: ANALYST, variables: { id } });
    assert.equal(analyst.errors, undefined);
    assert.deepEqual(analyst.data!.petition, {
      summary: null,
      conclusion: null,
      history: ["receive", "accept", "startVerification", "resolve"].map((transition) => ({ transition, note: null })),
    });
    const audits = await h.ds.getRepository(AuditEvent).findBy({ entityType: "Petition", entityId: id });
    assert.doesNotMatch(JSON.stringify(audits), /Bí Mật|0912/);
  });

  it("screens a reassignment's note as every other step's", async () => {
    const id = await submitted();
    const r = await h.run(
      `mutation($input: ReassignPetitionInput!) { reassignPetition(input: $input) { history { transition note } } }`,
      {
        identity: officerOf("883"),
        variables: {
          input: {
            petitionId: id,
            expectedVersion: 1,
            on: "2020-03-04",
            handlingOfficer: "handler-9",
            note: "Giao lại vì ông Phan Văn Bí Mật là người quen của cán bộ cũ",
          },
        },
      },
    );
    assert.equal(r.errors, undefined, JSON.stringify(r.errors));
    const [row] = await raw(
      h,
      "SELECT note FROM petition_event WHERE petition_id = ? AND transition = 'reassign'",
      Number(id),
    );
    assert.equal(row!.note, `Giao lại vì ông ${REDACTED} là người quen của cán bộ cũ`);
  });
});

describe("rotating the identity keys (integration)", () => {
  let h: Harness;
  before(async () => {
    h = await startHarness();
  });
  after(async () => h.close());

  it("re-wraps every data key under the newest key, in batches, idempotently; the old key then opens nothing", async () => {
    const repo = h.ds.getRepository(SealedDenouncerIdentity);
    const before = await repo.find({ order: { petitionId: "ASC" } });
    const plain = before.map((r) => openIdentity(r));
    const dev = developmentIdentityKey();
    const v2 = { version: 2, key: randomBytes(32) };
    const report = await rewrapIdentities(h.ds, new IdentityKeyring([v2, dev]), { batchSize: 7 });
    assert.deepEqual(report, { rewrapped: before.length, alreadyNewest: 0, newest: 2 });
    const after = await repo.find({ order: { petitionId: "ASC" } });
    assert.ok(after.every((r) => r.keyVersion === 2));
    assert.deepEqual(
      after.map((r) => r.sealed),
      before.map((r) => r.sealed),
      "records are not re-encrypted",
    );
    const onlyNew = new IdentityKeyring([v2]);
    assert.deepEqual(
      after.map((r) => openIdentity(r, onlyNew)),
      plain,
    );
    assert.throws(() => openIdentity(after[0]!, new IdentityKeyring([dev])), IdentityKeyError);
    const again = await rewrapIdentities(h.ds, new IdentityKeyring([v2, dev]));
    assert.deepEqual(again, { rewrapped: 0, alreadyNewest: before.length, newest: 2 });
  });
});
