import { after, before, describe, it } from "node:test";
import assert from "node:assert/strict";
import { once } from "node:events";
import { randomBytes } from "node:crypto";
import { performance } from "node:perf_hooks";
import { setTimeout as delay } from "node:timers/promises";
import type { ServiceProcess } from "@danvan/kit";
import { startFederation, type Federation } from "./support/federation.js";

/** The gateway's drain deadline in this file's federation (SHUTDOWN_GRACE_MS). */
const GATEWAY_GRACE_MS = 5000;
/** The subgraphs' drain deadline: SHUTDOWN_GRACE_MS as the federation starts them (the default). */
const SUBGRAPH_GRACE_MS = 10_000;
/** A query through the gateway that needs the organisations subgraph, and one that needs programs. */
const ORGANISATIONS_QUERY = `{ organisations(unitCode: "883", includeBelow: true, first: 10) { totalCount edges { node { id name } } } }`;
const PROGRAMS_QUERY = `{ povertyStatistics(unitCode: "883", year: 2019) { households poor nearPoor } }`;

/** What a client saw: a whole answer, a coded refusal, no connection, or anything else. */
type Outcome = "full" | "partial" | "503" | "refused" | "reset" | "other";
interface Shot {
  sentAt: number;
  outcome: Outcome;
  detail: string;
  errorIds: string[];
}

const now = () => performance.now();

/** One POST and what came of it; a connection error before any response byte is "refused" or "reset". */
async function shoot(url: string, token: string, query: string): Promise<Omit<Shot, "sentAt">> {
  let res: Response;
  try {
    res = await fetch(url, {
      method: "POST",
      headers: { "content-type": "application/json", authorization: `Bearer ${token}` },
      body: JSON.stringify({ query }),
    });
  } catch (err) {
    const code = String((err as { cause?: { code?: string } }).cause?.code);
    const outcome =
      code === "ECONNREFUSED" ? "refused" : /ECONNRESET|UND_ERR_SOCKET|EPIPE/.test(code) ? "reset" : "other";
    return { outcome, detail: code, errorIds: [] };
  }
  let text = "";
  try {
    text = await res.text(); // a failure here would be an accepted request cut short: "other"
  } catch (err) {
    return { outcome: "other", detail: `body cut short: ${String(err)}`, errorIds: [] };
  }
  let body: { data?: unknown; errors?: { extensions?: { code?: string; errorId?: string } }[] } = {};
  try {
    body = JSON.parse(text) as typeof body;
  } catch {
    /* "other" below */
  }
  const codes = (body.errors ?? []).map((e) => e.extensions?.code);
  const errorIds = (body.errors ?? []).map((e) => String(e.extensions?.errorId));
  if (res.status === 200 && body.data && !body.errors) return { outcome: "full", detail: "", errorIds };
  if (res.status === 503 && codes[0] === "SERVICE_UNAVAILABLE") return { outcome: "503", detail: text, errorIds };
  if (res.status === 200 && codes.length && codes.every((c) => c === "SUBGRAPH_UNAVAILABLE"))
    return { outcome: "partial", detail: text, errorIds };
  return { outcome: "other", detail: `${res.status} ${text}`, errorIds };
}

/** `tokens.length` client loops, each sending its next request as soon as the last is answered. */
function load(url: string, tokens: string[], query: string) {
  let running = true;
  const shots: Shot[] = [];
  const pending = new Set<number>();
  const loops = tokens.map(async (token, i) => {
    while (running) {
      const sentAt = now();
      pending.add(i);
      const shot = await shoot(url, token, query);
      pending.delete(i);
      shots.push({ sentAt, ...shot });
      if (shot.outcome === "refused" || shot.outcome === "reset") await delay(20);
    }
  });
  return {
    inFlight: () => pending.size,
    async stop() {
      running = false;
      await Promise.all(loops);
      return shots;
    },
  };
}

const count = (shots: Shot[], o: Outcome) => shots.filter((s) => s.outcome === o).length;
/** When each request was sent, relative to SIGTERM. */
const sentRelative = (shots: Shot[], termAt: number) =>
  shots
    .map((s) => Math.round(s.sentAt - termAt))
    .map((ms) => (ms < 0 ? `${-ms} ms before` : `${ms} ms after`))
    .join(", ");

/** GET /readyz every 20 ms for `ms` after `since`: each probe's send time and answer (0: refused). */
async function pollReadiness(url: string, since: number, ms: number) {
  const seen: { at: number; status: number }[] = [];
  while (now() < since + ms) {
    const at = now() - since;
    let status = 0;
    try {
      status = (await fetch(url, { signal: AbortSignal.timeout(1000) })).status;
    } catch {
      /* refused: not ready either */
    }
    seen.push({ at: Math.round(at), status });
    await delay(20);
  }
  return seen;
}

/**
 * Readiness is lost as soon as the process handles SIGTERM and never comes back. A probe sent
 * right after kill() may still get 200 when it overtakes the signal (kill() returns before the
 * process has run its handler), so: the first unready probe was sent within 500 ms (a loaded
 * machine) and no 200 after it (the caller checks the process was still alive after the last).
 */
function assertUnreadyAfterSigterm(seen: { at: number; status: number }[]) {
  const first = seen.findIndex((p) => p.status !== 200);
  assert.ok(first >= 0 && seen[first]!.at < 500, `readiness after SIGTERM: ${JSON.stringify(seen)}`);
  assert.deepEqual(
    seen.slice(first).filter((p) => p.status === 200),
    [],
    "never ready again",
  );
  const n = (pred: (s: number) => boolean) => seen.filter((p) => pred(p.status)).length;
  return `readyz after SIGTERM: ${n((s) => s === 200)}×200 (sent before the handler ran), ${n((s) => s === 503)}×503, ${n((s) => s === 0)}×refused, first unready probe sent ${seen[first]!.at} ms after SIGTERM`;
}

/** The exit of a process still running: its code and when it came. */
function exitOf(p: ServiceProcess): Promise<{ code: number | null; at: number }> {
  return once(p.child, "exit").then(([code]) => ({ code: code as number | null, at: now() }));
}

/** Why a partial answer lost its subgraph data: the cause the gateway logged under its error id. */
async function causes(gateway: ServiceProcess, shots: Shot[]): Promise<(s: Shot) => string> {
  const byId = new Map<string, string>();
  // The gateway's last log lines may still be on their way through the pipe.
  for (let tries = 0; tries < 20 && !shots.every((s) => s.errorIds.every((id) => byId.has(id))); tries++) {
    if (tries) await delay(100);
    for (const line of gateway.output().split("\n")) {
      let entry: { errorId?: string; err?: { code?: string; message?: string } } = {};
      try {
        entry = JSON.parse(line) as typeof entry;
      } catch {
        continue; // not a log line, or one not yet complete
      }
      if (entry.errorId) byId.set(entry.errorId, entry.err?.code ?? entry.err?.message ?? "?");
    }
  }
  return (s) => [...new Set(s.errorIds.map((id) => byId.get(id) ?? "not logged"))].join("+");
}

/**
 * A request that reached a process before it closed must never lose its connection without an
 * answer. Processes keep answering after SIGTERM (unready, Connection: close) until requests
 * stop coming, and only then close; the gateway retries a query fetch once when a subgraph
 * closed the connection before answering.
 */
function noDrops(dropped: number, what: string): void {
  assert.equal(dropped, 0, `${dropped} ${what} dropped at SIGTERM (connection closed before any answer)`);
}

describe("graceful shutdown under load: in-flight requests finish, later ones are refused, exit 0 in time", () => {
  let f: Federation;
  let tokens: string[];

  before(async () => {
    f = await startFederation({ extraEnv: { SHUTDOWN_GRACE_MS: String(GATEWAY_GRACE_MS) } });
    // Each loop its own officer: nothing cached or shared between the loops' requests.
    tokens = await Promise.all(
      Array.from({ length: 8 }, (_, i) => f.token({ sub: `faults-load-${i}`, roles: ["OFFICER"], unitCode: "883" })),
    );
  });
  after(async () => {
    for (const name of ["organisations", "programs"]) {
      const p = f?.subgraph(name);
      if (p && p.child.exitCode === null) p.child.kill("SIGCONT");
    }
    await f?.stop();
  });

  it("a subgraph turns unready at SIGTERM while a slow request keeps it alive, then finishes that request and exits 0", async (t) => {
    // submitPetition asks the graph whether the commune is remote (petitions → gateway →
    // organisations) before it writes: with organisations frozen, the request waits inside petitions.
    const graceMs = SUBGRAPH_GRACE_MS;
    const petitions = f.subgraph("petitions");
    const officer = tokens[0]!;
    const unit = await f.query(`{ administrativeUnit(code: "883") { children { code } } }`, { token: officer });
    const commune = (unit.body.data!.administrativeUnit as { children: { code: string }[] }).children.at(-1)!.code;
    const organisations = f.subgraph("organisations");
    const exited = exitOf(petitions);
    const input = {
      kind: "COMPLAINT",
      channel: "DIRECT",
      communeCode: commune,
      summary: "Khiếu nại trong lúc dừng dịch vụ",
      receivedOn: "2020-03-02",
      complexity: "NORMAL",
      idempotencyKey: `faults-drain-${randomBytes(6).toString("hex")}`,
    };
    organisations.child.kill("SIGSTOP");
    let settled = false;
    let readiness: { at: number; status: number }[];
    let alive: boolean;
    let termAt: number;
    const submit = f
      .query(`mutation($input: SubmitPetitionInput!) { submitPetition(input: $input) { id status } }`, {
        token: officer,
        variables: { input },
      })
      .finally(() => (settled = true));
    try {
      await delay(300);
      assert.equal(settled, false, "the petition waits on the frozen unit registry");
      termAt = now();
      petitions.child.kill("SIGTERM");
      readiness = await pollReadiness(f.subgraphUrls.petitions!.replace("/graphql", "/readyz"), termAt, 400);
      alive = petitions.child.exitCode === null && petitions.child.signalCode === null;
    } finally {
      organisations.child.kill("SIGCONT");
    }
    const r = await submit;
    const exit = await exited;
    const ready = assertUnreadyAfterSigterm(readiness);
    assert.ok(alive, "the in-flight request keeps the process alive");
    assert.equal(r.body.errors, undefined, r.text);
    assert.match((r.body.data!.submitPetition as { id: string }).id, /\S/);
    assert.doesNotMatch(petitions.output(), /unit registry did not answer/, "the registry's real answer was used");
    assert.equal(exit.code, 0);
    assert.ok(exit.at - termAt < graceMs, `exited ${Math.round(exit.at - termAt)} ms after SIGTERM`);
    t.diagnostic(
      `faults/subgraph-drain (petitions): in flight at SIGTERM 1 / answered 1 / failed 0 / ${ready} / exit ${exit.code} after ${Math.round(exit.at - termAt)} ms (grace ${graceMs} ms)`,
    );
  });

  it("a gateway on SIGTERM under continuous load: no request fails after being taken, later ones are refused or 503, exit 0 in time", async (t) => {
    const replica = await f.startReplicaProcess({ SHUTDOWN_GRACE_MS: String(GATEWAY_GRACE_MS) });
    const exited = exitOf(replica.process);
    const l = load(replica.url, tokens, PROGRAMS_QUERY);
    await delay(400);
    const termAt = now();
    replica.process.child.kill("SIGTERM");
    const exit = await exited;
    await delay(100);
    const shots = await l.stop();
    assert.equal(exit.code, 0);
    assert.ok(exit.at - termAt < GATEWAY_GRACE_MS, `exited ${Math.round(exit.at - termAt)} ms after SIGTERM`);
    // A taken request ends in a whole answer; otherwise a coded 503 or no connection, nothing half done.
    assert.deepEqual(
      shots.filter((s) => s.outcome === "other" || s.outcome === "partial"),
      [],
    );
    const before = shots.filter((s) => s.sentAt < termAt);
    const later = shots.filter((s) => s.sentAt >= termAt);
    const dropped = before.filter((s) => s.outcome === "reset");
    assert.ok(count(before, "full") >= 8, "the load ran before SIGTERM");
    const tally = (xs: Shot[]) =>
      `whole 200 ${count(xs, "full")}, 503 ${count(xs, "503")}, refused at connection ${count(xs, "refused")}, closed before any answer ${count(xs, "reset")}`;
    t.diagnostic(
      `faults/gateway-sigterm-load: sent ${shots.length} / before SIGTERM ${before.length}: ${tally(before)}${dropped.length ? ` (sent ${sentRelative(dropped, termAt)} SIGTERM)` : ""} / after SIGTERM ${later.length}: ${tally(later)} / exit ${exit.code} after ${Math.round(exit.at - termAt)} ms (grace ${GATEWAY_GRACE_MS} ms)`,
    );
    noDrops(dropped.length, "client requests sent before SIGTERM");
  });

  it("organisations on SIGTERM under load: fetches complete or are refused at connection, exit 0 within SHUTDOWN_GRACE_MS", async (t) => {
    const graceMs = SUBGRAPH_GRACE_MS;
    // The last test that needs organisations: it stays down, the next one needs programs only.
    const sg = f.organisations;
    // Warm first: the steady state, not a cold start.
    await Promise.all(tokens.map((token) => shoot(f.gatewayUrl, token, ORGANISATIONS_QUERY)));
    const exited = exitOf(sg);
    const l = load(f.gatewayUrl, tokens, ORGANISATIONS_QUERY);
    await delay(400);
    const termAt = now();
    sg.child.kill("SIGTERM");
    const exit = await exited;
    await delay(200);
    const shots = await l.stop();

    assert.equal(exit.code, 0);
    assert.ok(exit.at - termAt < graceMs, `exited ${Math.round(exit.at - termAt)} ms after SIGTERM`);
    // Whole answers, or partial ones with organisations' coded error: no other error, no hang.
    assert.deepEqual(
      shots.filter((s) => s.outcome !== "full" && s.outcome !== "partial"),
      [],
    );
    const partial = shots.filter((s) => s.outcome === "partial");
    const why = await causes(f.gateway, partial);
    // Once it has exited, the port refuses: nothing accepted there.
    const afterExit = partial.filter((s) => s.sentAt > exit.at + 50);
    assert.ok(afterExit.length >= 1);
    assert.deepEqual([...new Set(afterExit.map(why))], ["ECONNREFUSED"]);
    const refused = partial.filter((s) => why(s) === "ECONNREFUSED");
    const dropped = partial.filter((s) => /^(ECONNRESET|UND_ERR_SOCKET|EPIPE|other side closed)$/.test(why(s)));
    assert.equal(refused.length + dropped.length, partial.length, `causes: ${partial.map(why).join(", ")}`);
    // Dropped fetches of requests sent after SIGTERM are no worse than refused ones; those sent before are the issue.
    const droppedBefore = dropped.filter((s) => s.sentAt < termAt);
    const before = shots.filter((s) => s.sentAt < termAt);
    assert.ok(count(before, "full") >= 8, "the load ran before SIGTERM");
    t.diagnostic(
      `faults/subgraph-sigterm (organisations): sent ${shots.length} (${before.length} before SIGTERM) / whole ${count(shots, "full")} / partial SUBGRAPH_UNAVAILABLE ${partial.length}: refused at connection ${refused.length}, dropped on a closed connection ${dropped.length}${dropped.length ? ` (client request sent ${sentRelative(dropped, termAt)} SIGTERM)` : ""} / exit ${exit.code} after ${Math.round(exit.at - termAt)} ms (grace ${graceMs} ms)`,
    );
    noDrops(droppedBefore.length, "fetches for client requests sent before SIGTERM");
  });

  it("the gateway on SIGTERM with requests held in flight: unready at once, every one of them a whole 200, then exit 0", async (t) => {
    const gateway = f.gateway;
    const programs = f.subgraph("programs");
    const exited = exitOf(gateway);
    const l = load(f.gatewayUrl, tokens, PROGRAMS_QUERY);
    let termAt: number;
    let inFlight: number;
    let readiness: { at: number; status: number }[];
    let alive: boolean;
    try {
      await delay(300);
      // Freeze what the requests need: each loop's next request stays in flight inside the gateway.
      programs.child.kill("SIGSTOP");
      await delay(300);
      inFlight = l.inFlight();
      termAt = now();
      gateway.child.kill("SIGTERM");
      readiness = await pollReadiness(f.gatewayUrl.replace("/graphql", "/readyz"), termAt, 400);
      alive = gateway.child.exitCode === null && gateway.child.signalCode === null;
    } finally {
      programs.child.kill("SIGCONT");
    }
    const exit = await exited;
    await delay(100);
    const shots = await l.stop();

    assert.equal(inFlight, 8, "every loop had a request in flight at SIGTERM");
    const ready = assertUnreadyAfterSigterm(readiness);
    assert.ok(alive, "the in-flight requests keep the gateway alive");
    const accepted = shots.filter((s) => s.sentAt < termAt);
    const later = shots.filter((s) => s.sentAt >= termAt);
    assert.deepEqual(
      accepted.filter((s) => s.outcome !== "full"),
      [],
      "every request sent before SIGTERM gets a whole 200",
    );
    assert.deepEqual(
      later.filter((s) => s.outcome === "other" || s.outcome === "partial"),
      [],
      "after SIGTERM: a whole answer, 503 SERVICE_UNAVAILABLE, or no connection",
    );
    assert.ok(later.length >= 8, "the loops kept sending after SIGTERM");
    assert.equal(exit.code, 0);
    assert.ok(exit.at - termAt < GATEWAY_GRACE_MS, `exited ${Math.round(exit.at - termAt)} ms after SIGTERM`);
    t.diagnostic(
      `faults/gateway-sigterm-held: sent ${shots.length} / before SIGTERM ${accepted.length}, all whole 200 (in flight at SIGTERM ${inFlight}) / after SIGTERM ${later.length}: whole 200 ${count(later, "full")}, 503 ${count(later, "503")}, refused at connection ${count(later, "refused")}, closed before any answer ${count(later, "reset")} / accepted-but-failed 0 / ${ready} / exit ${exit.code} after ${Math.round(exit.at - termAt)} ms (grace ${GATEWAY_GRACE_MS} ms)`,
    );
  });
});
