import { after, before, describe, it } from "node:test";
import assert from "node:assert/strict";
import { randomBytes } from "node:crypto";
import http from "node:http";
import type { AddressInfo } from "node:net";
import { gunzipSync } from "node:zlib";
import { setTimeout as delay } from "node:timers/promises";
import { startFederation, type Federation, type GraphQLResponse } from "./support/federation.js";

/** One span as the collector received it, with its process's service.name. */
interface ReceivedSpan {
  service: string;
  traceId: string;
  spanId: string;
  parentSpanId?: string;
  name: string;
  attributes: Record<string, unknown>;
}

type OtlpValue = {
  stringValue?: string;
  intValue?: number | string;
  boolValue?: boolean;
  doubleValue?: number;
  arrayValue?: { values?: OtlpValue[] };
};
type OtlpAttributes = { key: string; value: OtlpValue }[] | undefined;
interface OtlpBody {
  resourceSpans?: {
    resource?: { attributes?: OtlpAttributes };
    scopeSpans?: {
      spans?: {
        traceId: string;
        spanId: string;
        parentSpanId?: string;
        name: string;
        attributes?: OtlpAttributes;
      }[];
    }[];
  }[];
}

const valueOf = (v: OtlpValue): unknown =>
  v.arrayValue
    ? (v.arrayValue.values ?? []).map(valueOf)
    : (v.stringValue ?? v.intValue ?? v.boolValue ?? v.doubleValue);
const attributesOf = (list: OtlpAttributes) => Object.fromEntries((list ?? []).map((a) => [a.key, valueOf(a.value)]));

/** A stand-in OpenTelemetry collector: keeps every OTLP/HTTP JSON body POSTed to /v1/traces. */
async function startCollector() {
  const bodies: string[] = [];
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      const raw = Buffer.concat(chunks);
      if (req.method === "POST" && req.url === "/v1/traces") {
        bodies.push((req.headers["content-encoding"] === "gzip" ? gunzipSync(raw) : raw).toString("utf8"));
      }
      res.writeHead(200, { "content-type": "application/json" }).end("{}");
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const spans = (): ReceivedSpan[] =>
    bodies.flatMap((text) =>
      ((JSON.parse(text) as OtlpBody).resourceSpans ?? []).flatMap((rs) => {
        const service = String(attributesOf(rs.resource?.attributes)["service.name"]);
        return (rs.scopeSpans ?? []).flatMap((ss) =>
          (ss.spans ?? []).map((s) => ({
            service,
            traceId: s.traceId,
            spanId: s.spanId,
            ...(s.parentSpanId ? { parentSpanId: s.parentSpanId } : {}),
            name: s.name,
            attributes: attributesOf(s.attributes),
          })),
        );
      }),
    );
  return {
    endpoint: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    /** Everything received, as sent (for the checks on what must never be there). */
    raw: () => bodies.join("\n"),
    spans,
    /** Waits until `done` holds for the spans received (the processes batch them every 50 ms). */
    async until(done: (spans: ReceivedSpan[]) => boolean, what: string): Promise<ReceivedSpan[]> {
      for (const deadline = Date.now() + 10_000; Date.now() < deadline; await delay(50)) {
        const all = spans();
        if (done(all)) return all;
      }
      assert.fail(`${what}: not received in 10 s; got ${JSON.stringify(spans().map((s) => [s.service, s.name]))}`);
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

const PROBE = `query TracingProbe($code: ID!, $year: Int!) {
  administrativeUnit(code: $code) { name children { code povertyStatistics(year: $year) { poor } } }
}`;
const REGISTER = `mutation TracingRegister($input: RegisterHouseholdInput!) {
  registerHousehold(input: $input) { id headName address unit { name } }
}`;
/** A client's own trace context, which the gateway ignores unless TRACING_TRUST_INCOMING. */
const CLIENT_TRACE = "4bf92f3577b34da6a3ce929d0e0e4736";
const CLIENT_PARENT = `00-${CLIENT_TRACE}-00f067aa0ba902b7-01`;

/**
 * OpenTelemetry across real processes: the gateway and every subgraph send spans (OTLP/HTTP
 * JSON) to a collector run by this test; one client request is one trace, gateway and
 * subgraph spans joined through the traceparent the gateway sends with each fetch.
 */
describe("tracing across the services", () => {
  const tracingEnv = (endpoint: string) => ({
    TRACING: "otlp",
    OTEL_EXPORTER_OTLP_ENDPOINT: endpoint,
    OTEL_BSP_SCHEDULE_DELAY: "50",
  });
  let collector: Awaited<ReturnType<typeof startCollector>>;
  let f: Federation;
  let analyst: string;
  let officer: string;
  let untraced: string; // a gateway replica with tracing off, its endpoint set as a trap
  let trusting: string; // a replica continuing callers' traces
  before(async () => {
    collector = await startCollector();
    const env = tracingEnv(collector.endpoint);
    f = await startFederation({ extraEnv: env, subgraphEnv: env });
    [analyst, officer, untraced, trusting] = await Promise.all([
      f.token({ sub: "analyst-tracing", roles: ["ANALYST"] }),
      f.token({ sub: "officer-tracing", roles: ["OFFICER"], unitCode: "30280" }),
      f.startReplica({ OTEL_EXPORTER_OTLP_ENDPOINT: collector.endpoint, OTEL_BSP_SCHEDULE_DELAY: "50" }),
      f.startReplica({ ...env, TRACING_TRUST_INCOMING: "true" }),
    ]);
  });
  after(async () => {
    await f?.stop();
    await collector?.close();
  });

  let n = 0;
  /** Sends one request with its own request id; the spans of its trace once every service has sent them. */
  async function traced(
    query: string,
    opts: { token?: string; variables?: Record<string, unknown>; url?: string; headers?: Record<string, string> },
    subgraphs: string[],
  ): Promise<{ r: GraphQLResponse; requestId: string; spans: ReceivedSpan[] }> {
    const requestId = `tracing-probe-${Date.now()}-${n++}`;
    const r = await f.query(query, { ...opts, headers: { ...opts.headers, "x-request-id": requestId } });
    const mine = (all: ReceivedSpan[]) => all.filter((s) => s.attributes["danvan.request_id"] === requestId);
    const all = await collector.until(
      (spans) => {
        const services = new Set(mine(spans).map((s) => s.service));
        return ["gateway", ...subgraphs].every((s) => services.has(s));
      },
      `spans of ${requestId} (answer: ${r.text.slice(0, 300)})`,
    );
    const root = mine(all).find((s) => s.service === "gateway")!;
    // Each process sends its spans in the order they end, the request's own last: a moment's margin.
    await delay(100);
    // Whatever any service did for this request id is in that one trace.
    for (const s of mine(collector.spans())) assert.equal(s.traceId, root.traceId, `${s.service} ${s.name}`);
    return { r, requestId, spans: collector.spans().filter((s) => s.traceId === root.traceId) };
  }

  /** A trace's spans: one root (the gateway's), and each subgraph operation under a gateway fetch to it. */
  function assertOneTrace(spans: ReceivedSpan[], subgraphs: string[]) {
    const byId = new Map(spans.map((s) => [s.spanId, s]));
    const gateway = spans.filter((s) => s.service === "gateway");
    const names = new Set(gateway.map((s) => s.name));
    for (const name of ["POST /graphql", "gateway.request", "gateway.execute", "gateway.fetch"])
      assert.ok(names.has(name), `${name} missing from ${[...names].join(", ")}`);
    const roots = spans.filter((s) => !s.parentSpanId);
    assert.deepEqual(
      roots.map((s) => [s.service, s.name]),
      [["gateway", "POST /graphql"]],
    );
    for (const s of spans) if (s.parentSpanId) assert.ok(byId.has(s.parentSpanId), `${s.name}: parent not received`);
    const operations = spans.filter((s) => s.service !== "gateway");
    assert.deepEqual([...new Set(operations.map((s) => s.service))].sort(), [...subgraphs].sort());
    for (const s of operations) {
      const parent = byId.get(s.parentSpanId!)!;
      assert.equal(parent.service, "gateway", `${s.service}'s parent`);
      assert.equal(parent.name, "gateway.fetch");
      assert.equal(parent.attributes.service, s.service, "the fetch to that subgraph");
      assert.equal(s.attributes["danvan.subgraph"], s.service);
    }
    return operations;
  }

  it("makes one trace of a request across the gateway and each subgraph it reaches", async () => {
    const { r, requestId, spans } = await traced(PROBE, { token: analyst, variables: { code: "883", year: 2019 } }, [
      "organisations",
      "programs",
    ]);
    assert.equal(r.body.errors, undefined, r.text);
    const operations = assertOneTrace(spans, ["organisations", "programs"]);
    for (const s of operations) {
      assert.match(s.name, /^graphql\.operation TracingProbe__\w+$/);
      assert.equal(s.attributes["graphql.operation.type"], "query");
      assert.equal(s.attributes["graphql.operation.name"], s.name.slice("graphql.operation ".length));
      assert.equal(s.attributes["danvan.request_id"], requestId);
      assert.equal(s.attributes["http.response.status_code"], 200);
    }
    const request = spans.find((s) => s.name === "gateway.request")!;
    assert.equal(request.attributes["graphql.operation.name"], "TracingProbe");
    assert.equal(request.attributes["graphql.operation.type"], "query");
  });

  it("records no variable, document, token or identity, and notes error codes", async () => {
    // Letters (a name), none hexadecimal: no trace or span id can contain it by chance.
    const secret = `Zq${[...randomBytes(8)].map((b) => "ghijklmnopqrstuvwxyz"[b % 20]).join("")}`;
    const input = {
      communeCode: "30280",
      headName: `Trần Thị Dấu Vết ${secret}`,
      address: `Số ${secret} đường Riêng Tư`,
      memberCount: 4,
      area: "URBAN",
      registeredOn: "2021-01-01",
      idempotencyKey: `tracing-${secret}`,
    };
    const { r, spans } = await traced(REGISTER, { token: officer, variables: { input } }, [
      "programs",
      "organisations",
    ]);
    assert.equal(r.body.errors, undefined, r.text);
    const operations = assertOneTrace(spans, ["organisations", "programs"]);
    assert.ok(operations.some((s) => s.attributes["graphql.operation.type"] === "mutation"));

    const missing = await traced(`query TracingMissing { administrativeUnit(code: "99999") { name } }`, {}, [
      "organisations",
    ]);
    const code = missing.r.body.errors?.[0]?.extensions?.code as string;
    assert.ok(code, missing.r.text);
    const failed = missing.spans.find((s) => s.service === "organisations")!;
    assert.deepEqual(failed.attributes["danvan.error_codes"], [code]);

    const sent = collector.raw();
    for (const value of [secret, input.headName, officer, analyst, "eyJ", "x-danvan-identity", "authorization"])
      assert.ok(!sent.includes(value), `a span carries ${value.slice(0, 20)}`);
    for (const piece of ["registerHousehold(", "headName", "povertyStatistics", "_entities", "representations"])
      assert.ok(!sent.includes(piece), `a span carries the document (${piece})`);
    for (const s of collector.spans())
      assert.equal(s.attributes["graphql.document"], undefined, `${s.service} ${s.name} has the document`);
  });

  it("starts a new trace whatever traceparent a caller sends (unless TRACING_TRUST_INCOMING)", async () => {
    const headers = { traceparent: CLIENT_PARENT };
    const ignored = await traced(PROBE, { token: analyst, variables: { code: "883", year: 2019 }, headers }, [
      "organisations",
      "programs",
    ]);
    assertOneTrace(ignored.spans, ["organisations", "programs"]);
    assert.notEqual(ignored.spans[0]!.traceId, CLIENT_TRACE);
    assert.ok(!collector.spans().some((s) => s.traceId === CLIENT_TRACE));

    const continued = await traced(
      `query TracingTrusted { administrativeUnit(code: "883") { name } }`,
      {
        url: trusting,
        headers,
      },
      ["organisations"],
    );
    assert.equal(continued.spans[0]!.traceId, CLIENT_TRACE);
    const root = continued.spans.find((s) => s.name === "POST /graphql")!;
    assert.equal(root.parentSpanId, "00f067aa0ba902b7", "the caller's span is the gateway's parent");
  });

  it("sends nothing from a gateway with tracing off, nor any trace context to the subgraphs", async () => {
    const requestId = `tracing-off-${Date.now()}`;
    const r = await f.query(PROBE, {
      url: untraced,
      token: analyst,
      variables: { code: "883", year: 2019 },
      headers: { "x-request-id": requestId, traceparent: CLIENT_PARENT },
    });
    assert.equal(r.body.errors, undefined, r.text);
    // The subgraphs still trace (they are on), each operation a trace of its own: no traceparent came.
    const mine = (all: ReceivedSpan[]) => all.filter((s) => s.attributes["danvan.request_id"] === requestId);
    await collector.until((all) => new Set(mine(all).map((s) => s.service)).size === 2, "the subgraphs' spans");
    await delay(300);
    const spans = mine(collector.spans());
    assert.deepEqual([...new Set(spans.map((s) => s.service))].sort(), ["organisations", "programs"]);
    for (const s of spans) assert.equal(s.parentSpanId, undefined, `${s.service}: a parent from an untraced gateway`);
  });
});
