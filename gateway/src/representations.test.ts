import "./telemetry.js";
import assert from "node:assert/strict";
import { rm } from "node:fs/promises";
import path from "node:path";
import { after, before, describe, it } from "node:test";
import { GraphQLError } from "graphql";
import { collapseRepresentations } from "./representations.js";
import { loadConfig } from "./config.js";
import { startGateway, type RunningGateway } from "./server.js";
import {
  startFakeSubgraph,
  TEST_IDENTITY_SECRET,
  TEST_TOKEN_SECRET,
  writeSupergraph,
  type FakeSubgraph,
} from "./testing/fake-subgraph.js";

const unit = (code: string) => ({ __typename: "Unit", code });

describe("collapseRepresentations", () => {
  it("leaves alone a fetch without representations or without repeats", () => {
    assert.equal(collapseRepresentations(undefined), undefined);
    assert.equal(collapseRepresentations({ first: 20 }), undefined);
    assert.equal(collapseRepresentations({ representations: [unit("1")] }), undefined);
    assert.equal(collapseRepresentations({ representations: [unit("1"), unit("2")] }), undefined);
  });

  it("sends each distinct representation once, in order of first appearance, keeping the other variables", () => {
    const collapsed = collapseRepresentations({
      year: 2024,
      representations: [unit("2"), unit("1"), unit("2"), unit("3"), unit("1")],
    });
    assert.deepEqual(collapsed?.variables, { year: 2024, representations: [unit("2"), unit("1"), unit("3")] });
  });

  it("spreads the answer back: one entity per original representation, repeats as copies of their own", () => {
    const collapsed = collapseRepresentations({ representations: [unit("2"), unit("1"), unit("2")] })!;
    const answer = {
      data: {
        _entities: [
          { name: "Two", tags: ["a"] },
          { name: "One", tags: [] },
        ],
      },
    };
    const expanded = collapsed.expand(answer);
    const entities = expanded.data._entities as { name: string; tags: string[] }[];
    assert.deepEqual(entities, [
      { name: "Two", tags: ["a"] },
      { name: "One", tags: [] },
      { name: "Two", tags: ["a"] },
    ]);
    // The executor merges into what it reads: a repeat must not share objects with its first.
    entities[2]!.tags.push("b");
    entities[2]!.name = "changed";
    assert.deepEqual(entities[0], { name: "Two", tags: ["a"] });
    assert.equal("errors" in expanded, false);
  });

  it("repeats an error on a representation for every entity that shared it, and keeps other errors", () => {
    const collapsed = collapseRepresentations({ representations: [unit("9"), unit("1"), unit("9"), unit("9")] })!;
    const expanded = collapsed.expand({
      data: { _entities: [null, { name: "One" }] },
      errors: [
        { message: "no unit 9", path: ["_entities", 0, "name"], extensions: { code: "NOT_FOUND" } },
        { message: "a warning without a path" },
      ],
    });
    assert.deepEqual(expanded.data._entities, [null, { name: "One" }, null, null]);
    assert.deepEqual(expanded.errors, [
      { message: "no unit 9", path: ["_entities", 0, "name"], extensions: { code: "NOT_FOUND" } },
      { message: "no unit 9", path: ["_entities", 2, "name"], extensions: { code: "NOT_FOUND" } },
      { message: "no unit 9", path: ["_entities", 3, "name"], extensions: { code: "NOT_FOUND" } },
      { message: "a warning without a path" },
    ]);
  });

  it("passes an answer of the wrong length on unchanged, for the executor to report", () => {
    const collapsed = collapseRepresentations({ representations: [unit("1"), unit("1")] })!;
    const wrong = { data: { _entities: [{ name: "One" }, { name: "Extra" }] } };
    assert.deepEqual(collapsed.expand(wrong), wrong);
    assert.deepEqual(collapsed.expand({ data: null }), { data: null });
  });
});

describe("entity fetches through the gateway", () => {
  let models: FakeSubgraph;
  let units: FakeSubgraph;
  let gateway: RunningGateway;
  let supergraph: string;
  const modelUnits = ["1", "2", "1", "9", "1", "2", "9"];

  before(async () => {
    models = await startFakeSubgraph({
      name: "models",
      typeDefs: `extend schema @link(url: "https://specs.apollo.dev/federation/v2.7", import: ["@key"])
                 type Query { models: [Model!]! }
                 type Model { id: ID! unit: Unit! }
                 type Unit @key(fields: "code", resolvable: false) { code: ID! }`,
      resolvers: {
        Query: { models: () => modelUnits.map((code, i) => ({ id: `m${i}`, unit: { code } })) },
      },
      identitySecret: TEST_IDENTITY_SECRET,
    });
    units = await startFakeSubgraph({
      name: "units",
      typeDefs: `extend schema @link(url: "https://specs.apollo.dev/federation/v2.7", import: ["@key"])
                 type Query { unitCount: Int! }
                 type Unit @key(fields: "code") { code: ID! name: String }`,
      resolvers: {
        Query: { unitCount: () => 3 },
        Unit: {
          __resolveReference: ({ code }: { code: string }) => ({ code }),
          name: ({ code }: { code: string }) => {
            if (code === "9") throw new GraphQLError("unit 9 is closed", { extensions: { code: "NOT_FOUND" } });
            return `Unit ${code}`;
          },
        },
      },
      identitySecret: TEST_IDENTITY_SECRET,
    });
    supergraph = await writeSupergraph([models, units]);
    gateway = await startGateway(
      loadConfig({
        NODE_ENV: "test",
        PORT: "0",
        SUPERGRAPH_PATH: supergraph,
        IDENTITY_SECRET: TEST_IDENTITY_SECRET,
        JWT_SECRET: TEST_TOKEN_SECRET,
        LOG_LEVEL: "silent",
      }),
    );
  });
  after(async () => {
    await gateway?.stop();
    await Promise.all([models?.close(), units?.close()]);
    await rm(path.dirname(supergraph), { recursive: true, force: true });
  });

  it("asks the owning subgraph once per distinct entity and answers every item, errors included", async () => {
    const res = await fetch(gateway.url, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ query: "{ models { id unit { code name } } }" }),
    });
    assert.equal(res.status, 200);
    const body = (await res.json()) as {
      data: { models: { id: string; unit: { code: string; name: string | null } }[] };
      errors?: { message: string; path: (string | number)[] }[];
    };
    assert.deepEqual(
      body.data.models.map((m) => [m.id, m.unit.code, m.unit.name]),
      modelUnits.map((code, i) => [`m${i}`, code, code === "9" ? null : `Unit ${code}`]),
    );
    // The error reaches the client once for each item whose unit failed, at that item's path.
    assert.deepEqual(
      (body.errors ?? []).map((e) => e.path).sort(),
      [
        ["models", 3, "unit", "name"],
        ["models", 6, "unit", "name"],
      ].sort(),
    );
    const entityFetch = units.requests.find((r) => r.body.query?.includes("_entities"));
    assert.ok(entityFetch, "the gateway made an entity fetch to units");
    assert.equal(entityFetch.rejection, undefined, "the collapsed fetch is signed over what was sent");
    assert.deepEqual(entityFetch.body.variables?.representations, [unit("1"), unit("2"), unit("9")]);
  });
});
