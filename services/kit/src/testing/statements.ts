import assert from "node:assert/strict";
import type { Identity } from "../identity/identity.js";
import type { Harness } from "./harness.js";

/**
 * The N+1 guards' measure: runs `query` on the harness and returns the SQL statements it
 * issued, after checking that it answered without error and returned at least `min` items
 * (`count` reads how many from the data), so a guard never compares two empty answers.
 */
export async function statementsFor(
  h: Harness,
  query: string,
  opts: {
    variables?: Record<string, unknown>;
    identity?: Identity;
    count: (data: Record<string, unknown>) => number;
    min: number;
  },
): Promise<number> {
  const r = await h.run(query, { identity: opts.identity, variables: opts.variables });
  assert.equal(r.errors, undefined, JSON.stringify(r.errors));
  assert.ok(opts.count(r.data!) >= opts.min, `the answer holds at least ${opts.min} items`);
  return r.statements;
}
