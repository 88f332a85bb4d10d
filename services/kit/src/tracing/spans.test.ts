import { after, before, describe, it } from "node:test";
import assert from "node:assert/strict";
import http from "node:http";
import type { AddressInfo } from "node:net";
import { W3CTraceContextPropagator } from "@opentelemetry/core";
import { InMemorySpanExporter, NodeTracerProvider, SimpleSpanProcessor } from "@opentelemetry/sdk-trace-node";
import express from "express";
import { injectTraceContext, serverSpans } from "./spans.js";

const CLIENT_TRACE = "0af7651916cd43dd8448eb211c80319c";
const CLIENT_PARENT = `00-${CLIENT_TRACE}-b7ad6b7169203331-01`;

describe("server spans and trace-context propagation", () => {
  const exporter = new InMemorySpanExporter();
  let server: http.Server;
  let base: string;
  before(async () => {
    const provider = new NodeTracerProvider({ spanProcessors: [new SimpleSpanProcessor(exporter)] });
    provider.register({ propagator: new W3CTraceContextPropagator() });
    const app = express();
    // What a handler sends on: the traceparent of the span it runs in.
    const echo: express.RequestHandler = (_req, res) => {
      const headers = new Map<string, string>();
      injectTraceContext(headers);
      res.json({ traceparent: headers.get("traceparent") ?? null });
    };
    app.use("/new", serverSpans({ name: "new", trustIncoming: false, attributes: () => ({ "t.a": "x" }) }), echo);
    app.use("/trusted", serverSpans({ name: (req) => `${req.method} trusted`, trustIncoming: true }), echo);
    server = http.createServer(app);
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  after(() => new Promise<void>((resolve) => server.close(() => resolve())));

  const call = async (path: string) => {
    exporter.reset();
    const res = await fetch(`${base}${path}`, { method: "POST", headers: { traceparent: CLIENT_PARENT } });
    const body = (await res.json()) as { traceparent: string | null };
    for (let i = 0; i < 50 && exporter.getFinishedSpans().length === 0; i++) await new Promise((r) => setTimeout(r, 5));
    const [span, ...more] = exporter.getFinishedSpans();
    assert.ok(span && more.length === 0);
    return { span, sent: body.traceparent };
  };

  it("starts a new trace whatever the caller sent, unless trusted", async () => {
    const { span, sent } = await call("/new");
    assert.notEqual(span.spanContext().traceId, CLIENT_TRACE);
    assert.equal(span.parentSpanContext, undefined);
    assert.equal(span.name, "new");
    assert.deepEqual(span.attributes, {
      "http.request.method": "POST",
      "http.route": "/new",
      "t.a": "x",
      "http.response.status_code": 200,
    });
    // What the handler forwards names this span, in its trace.
    assert.equal(sent, `00-${span.spanContext().traceId}-${span.spanContext().spanId}-01`);
  });

  it("continues the caller's trace when trusted", async () => {
    const { span, sent } = await call("/trusted");
    assert.equal(span.name, "POST trusted");
    assert.equal(span.spanContext().traceId, CLIENT_TRACE);
    assert.equal(span.parentSpanContext?.spanId, "b7ad6b7169203331");
    assert.equal(sent, `00-${CLIENT_TRACE}-${span.spanContext().spanId}-01`);
  });
});
