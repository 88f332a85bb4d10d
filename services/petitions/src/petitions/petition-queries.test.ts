import { after, before, describe, it } from "node:test";
import assert from "node:assert/strict";
import { todayInProvince } from "@danvan/kit";
import { ADMIN, startHarness, type Harness } from "../testing/harness.js";
import { petitionSteps } from "./petition-steps.fixture.js";

describe("petition queries (integration)", () => {
  let h: Harness;
  before(async () => {
    h = await startHarness();
  });
  after(async () => h.close());
  const { submit, step } = petitionSteps(() => h);

  it("lists the overdue queue and the due-soon queue from stored due dates", async () => {
    const today = todayInProvince();
    // The seed's open petitions are all recent (received in late 2026): one accepted in 2024 and never
    // resolved is overdue now, whatever today is.
    const submitted = await submit({ communeCode: "30280", receivedOn: "2024-01-02" });
    assert.equal(submitted.errors, undefined, JSON.stringify(submitted.errors));
    const id = (submitted.data!.submitPetition as { id: string }).id;
    const accepted = await step("acceptPetition", { petitionId: id, expectedVersion: 1, on: "2024-01-05" });
    assert.equal(accepted.errors, undefined, JSON.stringify(accepted.errors));
    const overdue = await h.run(
      `{ petitions(unitCode: "89", overdue: true, first: 100) { totalCount edges { node { id isOverdue status dueOn } } } }`,
      { identity: ADMIN },
    );
    const list = overdue.data!.petitions as {
      totalCount: number;
      edges: { node: { id: string; isOverdue: boolean; dueOn: string } }[];
    };
    assert.ok(list.totalCount > 0);
    assert.ok(list.edges.some((e) => e.node.id === id) || list.totalCount > 100, "the overdue petition is listed");
    assert.ok(list.edges.every((e) => e.node.isOverdue && e.node.dueOn < today));
    const soon = await h.run(`{ petitions(unitCode: "89", dueWithinDays: 5) { edges { node { isOverdue } } } }`, {
      identity: ADMIN,
    });
    assert.equal(soon.errors, undefined);
    assert.equal((await h.run(`{ petitions { totalCount } }`)).errors?.[0]?.extensions?.code, "UNAUTHENTICATED");
  });

  it("keeps the public figures when the petition records are refused (the README's example without a token)", async () => {
    const r = await h.run(
      `{
        petitions(unitCode: "883", overdue: true, first: 10) { totalCount edges { node { id status } } }
        petitionStatistics(unitCode: "89", from: "2019-01-01", to: "2019-12-31") { received resolved onTimeRate }
        receptionCompliance(unitCode: "883", month: "2020-02") { required held compliant }
      }`,
      { language: "vi" },
    );
    assert.equal(r.data!.petitions, null);
    assert.deepEqual(
      r.errors?.map((e) => [e.path, e.extensions?.code, e.message]),
      [[["petitions"], "UNAUTHENTICATED", "Cần có mã xác thực (token) hợp lệ"]],
    );
    assert.ok((r.data!.petitionStatistics as { received: number }).received > 0);
    assert.equal((r.data!.receptionCompliance as { required: number }).required, 2);
  });
});
