import { describe, it } from "node:test";
import assert from "node:assert/strict";
import fs from "node:fs";
import path from "node:path";
import { repoRoot, subgraphEnvSchema } from "@danvan/kit";
import { SETTINGS } from "@danvan/gateway/dist/src/env-variables.js";
import { identityKeySettings, remoteAreaSettings } from "@danvan/petitions";

/** `.env.example` documents every variable the processes read: a new setting must be added there. */
describe(".env.example", () => {
  const text = fs.readFileSync(path.join(repoRoot, ".env.example"), "utf8");
  const documented = new Set([...text.matchAll(/^#? ?([A-Z][A-Z0-9_]+)=/gm)].map((m) => m[1]!));

  it("names every setting of the gateway, the subgraphs and petitions' own (unit registry, identity keys)", () => {
    const read = [
      ...Object.keys(SETTINGS),
      ...Object.keys(subgraphEnvSchema(4001).shape),
      ...Object.keys(remoteAreaSettings.shape),
      ...Object.keys(identityKeySettings.shape),
    ];
    assert.ok(read.length > 25, `only ${read.length} settings found`);
    assert.deepEqual(
      [...new Set(read)].filter((name) => !documented.has(name)),
      [],
      "settings missing from .env.example",
    );
  });

  it("gives defaults that the processes accept", () => {
    const defaults = Object.fromEntries(
      [...text.matchAll(/^([A-Z][A-Z0-9_]+)=(.*)$/gm)].map((m) => [m[1]!, m[2]!.trim()]),
    );
    for (const [name, value] of Object.entries(defaults)) {
      const schema = (SETTINGS as Record<string, { safeParse(v: unknown): { success: boolean } }>)[name];
      if (schema) assert.ok(schema.safeParse(value).success, `${name}=${value} is refused by the gateway`);
    }
    const subgraph = subgraphEnvSchema(4001).safeParse(defaults);
    assert.ok(subgraph.success, JSON.stringify(subgraph.error?.issues));
  });
});
