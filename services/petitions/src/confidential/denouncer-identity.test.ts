import { after, before, describe, it } from "node:test";
import assert from "node:assert/strict";
import { AuditEvent } from "@danvan/kit";
import { ADMIN, ANALYST, officerOf, startHarness, type Harness } from "../testing/harness.js";
import { FIELDS, HANDLER, petitionSteps } from "../petitions/petition-steps.fixture.js";
import { IdentityRead } from "./denouncer-identity.entity.js";

describe("the denouncer's identity (integration)", () => {
  let h: Harness;
  before(async () => {
    h = await startHarness();
  });
  after(async () => h.close());
  const { submit, step } = petitionSteps(() => h);

  it("keeps the denouncer's identity to the handling officer, records every read, never shows it elsewhere", async () => {
    const id = ((await submit()).data!.submitPetition as { id: string }).id;
    const q = `query($id: ID!) { petition(id: $id) { id summary denouncerIdentity { fullName phone } } }`;
    const officer = await h.run(q, { identity: officerOf("883"), variables: { id }, language: "vi" });
    assert.equal(officer.errors?.[0]?.extensions?.code, "FORBIDDEN");
    assert.equal(officer.errors?.[0]?.message, "Chỉ cán bộ được giao xử lý đơn mới được xem thông tin về người tố cáo");
    assert.deepEqual(officer.errors?.[0]?.path, ["petition", "denouncerIdentity"]);
    // Refused the identity, the officer still reads the petition: the refusal nulls that field alone.
    assert.deepEqual(officer.data!.petition, { id, summary: "Tố cáo sai phạm trong cấp đất", denouncerIdentity: null });
    for (const identity of [ADMIN, ANALYST, { ...HANDLER, sub: "someone-else" }]) {
      assert.equal((await h.run(q, { identity, variables: { id } })).errors?.[0]?.extensions?.code, "FORBIDDEN");
    }
    const reads = () => h.ds.getRepository(IdentityRead).countBy({ petitionId: Number(id) });
    assert.equal(await reads(), 0);
    const handler = await h.run(q, { identity: HANDLER, variables: { id } });
    assert.deepEqual((handler.data!.petition as { denouncerIdentity: unknown }).denouncerIdentity, {
      fullName: "Phan Văn Bí Mật",
      phone: "0912345678",
    });
    assert.equal(await reads(), 1);
    const everything = await h.run(
      `query($id: ID!) { petition(id: $id) { ${FIELDS} summary } petitionStatistics(unitCode: "89", from: "2020-01-01", to: "2020-12-31") { received } }`,
      { identity: ADMIN, variables: { id } },
    );
    assert.doesNotMatch(JSON.stringify(everything), /Bí Mật|0912345678/);
    const audits = await h.ds.getRepository(AuditEvent).findBy({ entityType: "Petition", entityId: id });
    assert.doesNotMatch(JSON.stringify(audits), /Bí Mật|0912345678/);
  });

  it("tells only those who may take the step whether a conclusion names the denouncer", async () => {
    const id = ((await submit()).data!.submitPetition as { id: string }).id;
    const guess = {
      petitionId: id,
      expectedVersion: 1,
      on: "2020-03-05",
      outcome: "UPHELD",
      conclusion: "Phan Văn Bí Mật",
    };
    const outsider = await step("resolvePetition", guess, officerOf("884"));
    assert.equal(outsider.errors?.[0]?.extensions?.code, "FORBIDDEN");
    assert.equal(outsider.errors?.[0]?.message, "You do not handle this petition");
    const handler = await step("resolvePetition", guess, HANDLER, "vi");
    assert.deepEqual(handler.errors?.[0]?.extensions?.fields, [
      { path: "input.conclusion", message: "không được chứa thông tin về người tố cáo" },
    ]);
  });
});
