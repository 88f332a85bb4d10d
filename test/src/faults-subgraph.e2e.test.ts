import { after, before, describe, it } from "node:test";
import assert from "node:assert/strict";
import { performance } from "node:perf_hooks";
import { setTimeout as delay } from "node:timers/promises";
import { startFederation, type Federation, type GraphQLResponse } from "./support/federation.js";

/** The gateway's deadline for one subgraph fetch in this file's federation (SUBGRAPH_TIMEOUT_MS). */
const TIMEOUT_MS = 2000;

/** A district page joining two subgraphs: the unit and its committees (organisations), each committee's fund (programs). */
const PAGE = `{ administrativeUnit(code: "883") { code name organisations { id kind fund { id name } } } }`;

interface Page {
  administrativeUnit: { code: string; name: string; organisations: { id: string; kind: string; fund: unknown }[] };
}

/** The page without what programs adds: what organisations alone answers. */
function organisationsPart(body: GraphQLResponse["body"]) {
  const unit = (body.data as Page | null | undefined)?.administrativeUnit;
  return unit && { ...unit, organisations: unit.organisations.map(({ id, kind }) => ({ id, kind })) };
}

async function timed<T>(work: () => Promise<T>): Promise<{ value: T; ms: number }> {
  const started = performance.now();
  const value = await work();
  return { value, ms: Math.round(performance.now() - started) };
}

describe("a subgraph down or frozen: partial answers with a coded error, then recovery without a gateway restart", () => {
  let f: Federation;
  let token: string;
  let full: GraphQLResponse;

  before(async () => {
    f = await startFederation({ extraEnv: { SUBGRAPH_TIMEOUT_MS: String(TIMEOUT_MS) } });
    // An officer's token: anonymous answers may come from the gateway's response cache.
    token = await f.token({ sub: "faults-officer", roles: ["OFFICER"], unitCode: "883" });
    full = await f.query(PAGE, { token });
    assert.equal(full.body.errors, undefined, full.text);
    const funds = (full.body.data as unknown as Page).administrativeUnit.organisations.filter((o) => o.fund !== null);
    assert.ok(funds.length >= 1, "the district's Front committee keeps a fund: the page needs programs");
  });
  after(async () => {
    const programs = f?.subgraph("programs");
    if (programs && programs.child.exitCode === null) programs.child.kill("SIGCONT");
    await f?.stop();
  });

  /** The answer carries the organisations data and, instead of each fund, programs' coded error. */
  function assertPartial(r: GraphQLResponse): void {
    assert.equal(r.status, 200, r.text);
    assert.deepEqual(organisationsPart(r.body), organisationsPart(full.body), "organisations' part is whole");
    const unit = (r.body.data as unknown as Page).administrativeUnit;
    assert.ok(
      unit.organisations.every((o) => o.fund === null),
      "no fund without programs",
    );
    assert.ok(r.body.errors && r.body.errors.length >= 1, r.text);
    for (const e of r.body.errors) {
      assert.equal(e.message, "Subgraph programs is unavailable", r.text);
      assert.equal(e.extensions?.code, "SUBGRAPH_UNAVAILABLE");
      assert.equal(e.extensions?.serviceName, "programs");
      // @apollo/gateway reports a failed fetch once per fetch, without a path.
      assert.equal(e.path, undefined, r.text);
    }
    // Masked: no host, port, socket error or stack reaches the client.
    assert.doesNotMatch(r.text, /127\.0\.0\.1|ECONN|ETIMEDOUT|AbortError|timeout|\bat .+\.js:\d+/i, r.text);
  }

  /** Queries until the page comes back whole; how many answers were still partial, and how long it took. */
  async function untilWhole(limitMs: number): Promise<{ partial: number; ms: number }> {
    const started = performance.now();
    let partial = 0;
    for (;;) {
      const r = await f.query(PAGE, { token });
      if (r.status === 200 && r.body.errors === undefined) {
        assert.deepEqual(r.body.data, full.body.data);
        return { partial, ms: Math.round(performance.now() - started) };
      }
      partial++;
      assert.ok(performance.now() - started < limitMs, `still partial after ${limitMs} ms: ${r.text}`);
      await delay(100);
    }
  }

  it("answers organisations' data and SUBGRAPH_UNAVAILABLE at once when programs is killed, and is whole again after programs restarts", async (t) => {
    const programs = f.subgraph("programs");
    programs.child.kill("SIGKILL");
    await programs.stop();
    assert.equal(programs.child.signalCode, "SIGKILL");

    const sent = 5;
    const answers = await Promise.all(Array.from({ length: sent }, () => timed(() => f.query(PAGE, { token }))));
    for (const { value } of answers) assertPartial(value);
    t.diagnostic(`faults/subgraph-killed: the answer's errors: ${JSON.stringify(answers[0]!.value.body.errors)}`);
    const slowest = Math.max(...answers.map((a) => a.ms));
    // A refused connection is an immediate answer, well within the fetch deadline.
    assert.ok(slowest < TIMEOUT_MS, `answered in ${slowest} ms`);
    // The gateway stays ready: one subgraph down is a partial graph, not a gateway outage.
    assert.equal((await fetch(f.gatewayUrl.replace("/graphql", "/readyz"))).status, 200);

    const restarted = await f.restartSubgraph("programs");
    assert.notEqual(restarted.child.pid, programs.child.pid);
    const recovery = await untilWhole(5000);
    // Nothing to wait for: the gateway keeps no memory of the failure (no circuit breaker).
    assert.equal(recovery.partial, 0, "the first query after the restart is whole");
    t.diagnostic(
      `faults/subgraph-killed: sent ${sent} / partial+SUBGRAPH_UNAVAILABLE ${answers.length} (slowest ${slowest} ms, timeout ${TIMEOUT_MS} ms) / failed otherwise 0 / partial after restart ${recovery.partial}, whole after ${recovery.ms} ms`,
    );
  });

  it("answers within SUBGRAPH_TIMEOUT_MS when programs is frozen (SIGSTOP), other subgraphs unaffected, and recovers on SIGCONT", async (t) => {
    const programs = f.subgraph("programs");
    programs.child.kill("SIGSTOP");
    let frozen: { value: GraphQLResponse; ms: number }[];
    let other: { value: GraphQLResponse; ms: number };
    try {
      const waiting = Promise.all(
        ["faults-a", "faults-b", "faults-c"].map(async (sub) => {
          const own = await f.token({ sub, roles: ["OFFICER"], unitCode: "883" });
          return timed(() => f.query(PAGE, { token: own }));
        }),
      );
      // Meanwhile a query for organisations alone is not held up by the frozen subgraph.
      other = await timed(() => f.query(`{ organisations(unitCode: "883", first: 3) { totalCount } }`, { token }));
      frozen = await waiting;
    } finally {
      programs.child.kill("SIGCONT");
    }
    assert.equal(other.value.body.errors, undefined, other.value.text);
    assert.ok(other.ms < TIMEOUT_MS / 2, `organisations answered in ${other.ms} ms while programs was frozen`);
    for (const { value, ms } of frozen) {
      assertPartial(value);
      // The gateway waited for programs up to its deadline, and no longer.
      assert.ok(ms >= TIMEOUT_MS - 50, `answered after ${ms} ms, before the ${TIMEOUT_MS} ms deadline`);
      assert.ok(ms < TIMEOUT_MS + 1500, `answered after ${ms} ms, deadline ${TIMEOUT_MS} ms`);
    }
    assert.equal(programs.child.exitCode, null, "SIGCONT resumes the same process");
    const recovery = await untilWhole(5000);
    assert.equal(recovery.partial, 0, "the first query after SIGCONT is whole");
    t.diagnostic(
      `faults/subgraph-frozen: sent ${frozen.length} / partial+SUBGRAPH_UNAVAILABLE ${frozen.length} after ${frozen.map((a) => a.ms).join(", ")} ms (timeout ${TIMEOUT_MS} ms) / failed otherwise 0 / other subgraph answered in ${other.ms} ms / partial after SIGCONT ${recovery.partial}, whole after ${recovery.ms} ms`,
    );
  });
});
