import type { GeneratedFile, ScaffoldSpec } from "./spec.js";

/**
 * The subgraph's own tests, on the kit's harness (in-process, a fresh seeded database, SQLite or
 * PostgreSQL with TEST_DATABASE=postgres): the feature's integration test and the N+1 guard.
 */
export function testFiles(spec: ScaffoldSpec): GeneratedFile[] {
  const n = spec.names;
  const E = n.entity;
  const fields = `id name recordedOn unit { code }`;
  return [
    {
      path: "src/testing/harness.ts",
      text: `import { startHarness as startSubgraphHarness, type Harness } from "@danvan/kit/testing";
import { ${n.name}Subgraph } from "../definition.js";
import { seed${n.namePascal}, type SeedScale } from "../../seed/seed.js";

export { ADMIN, ANALYST, officerOf, type Harness, type OperationResult } from "@danvan/kit/testing";

/** The ${n.name} subgraph in-process on a fresh test database, seeded (small by default). */
export function startHarness(opts: { scale?: SeedScale; seed?: boolean } = {}): Promise<Harness> {
  return startSubgraphHarness(
    ${n.name}Subgraph,
    opts.seed === false ? undefined : (ds) => seed${n.namePascal}(ds, { scale: opts.scale ?? "small" }),
  );
}
`,
    },
    {
      path: `src/${n.folder}/${n.folder}.test.ts`,
      text: `import { after, before, describe, it } from "node:test";
import assert from "node:assert/strict";
import { In } from "typeorm";
import { AuditEvent, subtreeCodes } from "@danvan/kit";
import { ADMIN, ANALYST, officerOf, startHarness, type Harness } from "../testing/harness.js";
import { ${E} } from "./${n.fileStem}.entity.js";

const LIST = \`query($unitCode: ID, $first: Int, $after: String) {
  ${n.plural}(unitCode: $unitCode, first: $first, after: $after) {
    totalCount
    pageInfo { hasNextPage endCursor }
    edges { node { ${fields} } }
  }
}\`;
const ONE = \`query($id: ID!) { ${n.single}(id: $id) { ${fields} } }\`;
const CREATE = \`mutation($input: Create${E}Input!) { create${E}(input: $input) { ${fields} } }\`;

interface Page {
  totalCount: number;
  pageInfo: { hasNextPage: boolean; endCursor: string | null };
  edges: { node: { id: string; unit: { code: string } } }[];
}

describe("${n.pluralWords} (integration)", () => {
  let h: Harness;
  before(async () => {
    h = await startHarness();
  });
  after(async () => h.close());

  it("lists a district's records page by page, every one once", async () => {
    const expected = await h.ds.getRepository(${E}).countBy({ unitCode: In(subtreeCodes("883")) });
    assert.ok(expected > 10, "the seed holds records in the district");
    const seen: string[] = [];
    let after: string | null = null;
    for (;;) {
      const r = await h.run(LIST, { identity: ADMIN, variables: { unitCode: "883", first: 10, after } });
      assert.equal(r.errors, undefined, JSON.stringify(r.errors));
      const page = r.data!.${n.plural} as Page;
      assert.equal(page.totalCount, expected);
      seen.push(...page.edges.map((e) => e.node.id));
      if (!page.pageInfo.hasNextPage) break;
      after = page.pageInfo.endCursor;
    }
    assert.equal(new Set(seen).size, expected);
  });

  it("shows records to officers in scope, administrators and analysts; never to the public", async () => {
    const officer = await h.run(LIST, { identity: officerOf("30280"), variables: { unitCode: "883" } });
    const page = officer.data!.${n.plural} as Page;
    assert.ok(page.totalCount > 0);
    assert.ok(page.edges.every((e) => e.node.unit.code === "30280"), "an officer sees their own subtree only");
    const id = page.edges[0]!.node.id;
    assert.equal((await h.run(ONE, { identity: ANALYST, variables: { id } })).errors, undefined);
    const elsewhere = await h.run(ONE, { identity: officerOf("884"), variables: { id } });
    assert.equal(elsewhere.errors?.[0]?.extensions?.code, "FORBIDDEN");
    const publicCaller = await h.run(LIST);
    assert.equal(publicCaller.errors?.[0]?.extensions?.code, "UNAUTHENTICATED");
    const missing = await h.run(ONE, { identity: ADMIN, variables: { id: "999999999" } });
    assert.equal(missing.errors?.[0]?.extensions?.code, "NOT_FOUND");
  });

  it("creates a record once per idempotency key, with its audit event", async () => {
    const input = { name: "Created by the test", unitCode: "30280", recordedOn: "2020-06-01", idempotencyKey: "test-key-0001" };
    const first = await h.run(CREATE, { identity: officerOf("30280"), variables: { input } });
    const retry = await h.run(CREATE, { identity: officerOf("30280"), variables: { input } });
    assert.equal(first.errors, undefined, JSON.stringify(first.errors));
    assert.deepEqual(retry.data, first.data);
    const id = (first.data!.create${E} as { id: string }).id;
    assert.equal(await h.ds.getRepository(${E}).countBy({ name: "Created by the test" }), 1);
    assert.equal(await h.ds.getRepository(AuditEvent).countBy({ entityType: "${E}", entityId: id }), 1);
  });

  it("refuses a write outside the caller's scope and names a bad field", async () => {
    const input = { name: "Out of scope", unitCode: "30280", recordedOn: "2020-06-01" };
    const foreign = await h.run(CREATE, { identity: officerOf("884"), variables: { input } });
    assert.equal(foreign.errors?.[0]?.extensions?.code, "FORBIDDEN");
    const analyst = await h.run(CREATE, { identity: ANALYST, variables: { input } });
    assert.equal(analyst.errors?.[0]?.extensions?.code, "FORBIDDEN");
    const bad = await h.run(CREATE, { identity: ADMIN, variables: { input: { ...input, recordedOn: "2020-13-01" } } });
    assert.equal(bad.errors?.[0]?.extensions?.code, "BAD_USER_INPUT");
    assert.equal((bad.errors?.[0]?.extensions?.fields as { path: string }[])[0]!.path, "input.recordedOn");
  });

  it("adds ${n.single}Count to AdministrativeUnit, for the unit and the units below it", async () => {
    const r = await h.run(
      \`{ _entities(representations: [{ __typename: "AdministrativeUnit", code: "883" }, { __typename: "AdministrativeUnit", code: "00000" }]) { ... on AdministrativeUnit { code ${n.single}Count } } }\`,
    );
    assert.equal(r.errors, undefined, JSON.stringify(r.errors));
    const expected = await h.ds.getRepository(${E}).countBy({ unitCode: In(subtreeCodes("883")) });
    assert.deepEqual(r.data!._entities, [{ code: "883", ${n.single}Count: expected }, null]);
  });
});
`,
    },
    {
      path: "src/n-plus-one.test.ts",
      text: `import { after, before, describe, it } from "node:test";
import assert from "node:assert/strict";
import { configurePaging, referenceUnits } from "@danvan/kit";
import { statementsFor } from "@danvan/kit/testing";
import { ADMIN, startHarness, type Harness } from "./testing/harness.js";

/**
 * The N+1 guard: every reference and relation goes through batched loaders, so the number of
 * SQL statements an operation issues does not depend on how many items its lists hold.
 */
const LIST = \`query($n: Int!) { ${n.plural}(first: $n) { totalCount edges { node { ${fields} } } } }\`;
const REFERENCES = \`query($representations: [_Any!]!) {
  _entities(representations: $representations) { ... on ${E} { ${fields} } ... on AdministrativeUnit { code ${n.single}Count } }
}\`;

describe("statements per operation do not grow with list size (N+1 guard)", () => {
  let h: Harness;
  before(async () => {
    configurePaging({ max: 1000 });
    h = await startHarness();
  });
  after(async () => h.close());

  const listed = (d: Record<string, unknown>) => (d.${n.plural} as { edges: unknown[] }).edges.length;
  const resolved = (d: Record<string, unknown>) => (d._entities as unknown[]).filter(Boolean).length;

  it("the list with every field: 10 items and 300 items cost the same statements", async () => {
    const small = await statementsFor(h, LIST, { identity: ADMIN, variables: { n: 10 }, count: listed, min: 10 });
    const large = await statementsFor(h, LIST, { identity: ADMIN, variables: { n: 300 }, count: listed, min: 300 });
    console.log(\`# ${n.plural}: \${small} statements for 10 items, \${large} for 300\`);
    assert.equal(large, small);
  });

  it("entity references as the gateway sends them: 10 and 300 records", async () => {
    const ids = (await h.ds.query("SELECT id FROM ${n.table} ORDER BY id")) as { id: number }[];
    const representations = (k: number) => ids.slice(0, k).map((r) => ({ __typename: "${E}", id: String(r.id) }));
    const small = await statementsFor(h, REFERENCES, { identity: ADMIN, variables: { representations: representations(10) }, count: resolved, min: 10 });
    const large = await statementsFor(h, REFERENCES, { identity: ADMIN, variables: { representations: representations(300) }, count: resolved, min: 300 });
    assert.equal(large, small);
  });

  it("${n.single}Count of the 11 districts and of the 156 communes", async () => {
    const units = (level: string) =>
      referenceUnits.filter((u) => u.level === level).map((u) => ({ __typename: "AdministrativeUnit", code: u.code }));
    const small = await statementsFor(h, REFERENCES, { identity: ADMIN, variables: { representations: units("DISTRICT") }, count: resolved, min: 11 });
    const large = await statementsFor(h, REFERENCES, { identity: ADMIN, variables: { representations: units("COMMUNE") }, count: resolved, min: 156 });
    console.log(\`# ${n.single}Count: \${small} statements for 11 districts, \${large} for 156 communes\`);
    assert.equal(large, small);
  });
});
`,
    },
  ];
}
