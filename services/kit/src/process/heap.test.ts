import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { execFile } from "node:child_process";
import { promisify } from "node:util";
import { z } from "zod";
import { DEFAULT_HEAP_GROWING_PERCENT, HEAP_VARIABLES, SUBGRAPH_NODE_ARGS } from "./heap.js";

const run = promisify(execFile);
const schema = z.object(HEAP_VARIABLES);

/**
 * A process keeping about 50 MB alive while it allocates some 600 MB that dies after surviving a
 * while (so that it reaches the old generation, as a busy service's request data does); it
 * reports the largest old-space size V8 reserved and the live size after a full collection.
 */
const CHURN = `
import v8 from "node:v8";
import { applyHeapGrowth } from ${JSON.stringify(new URL("./heap.js", import.meta.url).href)};
applyHeapGrowth(Number(process.argv[1]));
const ring = new Array(100);
let peak = 0;
for (let i = 0; i < 1500; i++) {
  ring[i % ring.length] = Array.from({ length: 10_000 }, (_, k) => ({ k, i }));
  if (i % 20 === 0) {
    const old = v8.getHeapSpaceStatistics().find((s) => s.space_name === "old_space");
    peak = Math.max(peak, old.space_size);
  }
}
globalThis.gc();
const old = v8.getHeapSpaceStatistics().find((s) => s.space_name === "old_space");
console.log(JSON.stringify({ peak, live: old.space_used_size, kept: ring.length }));
`;

async function churn(percent: number): Promise<{ peak: number; live: number }> {
  const { stdout } = await run(process.execPath, ["--expose-gc", "--input-type=module", "-e", CHURN, String(percent)], {
    encoding: "utf8",
  });
  return JSON.parse(stdout) as { peak: number; live: number };
}

describe("HEAP_GROWING_PERCENT", () => {
  it("defaults when unset or empty, takes 0 to 400, and names the rule otherwise", () => {
    assert.equal(schema.parse({}).HEAP_GROWING_PERCENT, DEFAULT_HEAP_GROWING_PERCENT);
    assert.equal(schema.parse({ HEAP_GROWING_PERCENT: " " }).HEAP_GROWING_PERCENT, DEFAULT_HEAP_GROWING_PERCENT);
    assert.equal(schema.parse({ HEAP_GROWING_PERCENT: "0" }).HEAP_GROWING_PERCENT, 0);
    assert.equal(schema.parse({ HEAP_GROWING_PERCENT: "400" }).HEAP_GROWING_PERCENT, 400);
    for (const bad of ["-1", "401", "1.5", "half", "50%"]) {
      const r = schema.safeParse({ HEAP_GROWING_PERCENT: bad });
      assert.equal(r.success, false, bad);
      assert.match(r.error!.issues[0]!.message, /whole number from 0 to 400/);
    }
  });

  it("keeps the old generation near its live data, where V8's own growth lets it swell", async () => {
    const [bounded, own] = await Promise.all([churn(20), churn(0)]);
    const mb = (n: number) => `${(n / 1048576).toFixed(0)} MB`;
    const detail = `20%: peak ${mb(bounded.peak)} over ${mb(bounded.live)} live; V8's own: peak ${mb(own.peak)} over ${mb(own.live)} live`;
    assert.ok(bounded.live > 30 * 1048576, `the live set is smaller than meant (${detail})`);
    assert.ok(bounded.peak < 2 * bounded.live, detail);
    // Without the setting the same process reserves far more (measured here: 216 to 231 MB over 51 MB).
    assert.ok(own.peak > bounded.peak * 1.5, detail);
  });
});

/** A process allocating short-lived request-sized garbage; reports the young generation's largest size. */
const YOUNG = `
import v8 from "node:v8";
let peak = 0;
const keep = [];
for (let i = 0; i < 400; i++) {
  const batch = Array.from({ length: 5_000 }, (_, k) => ({ k, i, s: "x" + k }));
  if (i % 50 === 0) keep.push(batch[0]);
  const young = v8.getHeapSpaceStatistics().find((s) => s.space_name === "new_space");
  peak = Math.max(peak, young.space_size);
}
console.log(JSON.stringify({ peak, kept: keep.length }));
`;

async function youngPeak(nodeArgs: readonly string[]): Promise<number> {
  const { stdout } = await run(process.execPath, [...nodeArgs, "--input-type=module", "-e", YOUNG], {
    encoding: "utf8",
    env: { ...process.env, NODE_OPTIONS: "" },
  });
  return (JSON.parse(stdout) as { peak: number }).peak;
}

describe("SUBGRAPH_NODE_ARGS", () => {
  it("keep a busy subgraph's young generation at 8 MB, where V8's default grows it to 32 MB", async () => {
    const [small, own] = await Promise.all([youngPeak(SUBGRAPH_NODE_ARGS), youngPeak([])]);
    const detail = `with ${SUBGRAPH_NODE_ARGS.join(" ")}: ${small / 1048576} MB; V8's default: ${own / 1048576} MB`;
    assert.ok(small <= 8 * 1048576, detail);
    assert.ok(own >= 2 * small, detail);
  });
});
