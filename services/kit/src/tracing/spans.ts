import type { ApolloServerPlugin, BaseContext } from "@apollo/server";
import {
  context,
  propagation,
  ROOT_CONTEXT,
  SpanKind,
  SpanStatusCode,
  trace,
  type Attributes,
  type Span,
} from "@opentelemetry/api";
import type { Request, RequestHandler, Response } from "express";
import { errorCodes } from "../http/metrics.js";

/**
 * What a span may say: the HTTP method, route and status, the operation's type and name, the
 * subgraph, the request id and error codes. Never a header's value (the caller's token, the
 * signed identity), the document, variables or anything read from the database: they may
 * carry personal data.
 */
export const TRACER_NAME = "@danvan/kit";

/** Codes that mean the service failed, not the caller: their spans are marked as errors. */
const SERVER_FAULTS = new Set(["INTERNAL_SERVER_ERROR", "SUBGRAPH_UNAVAILABLE"]);

/** An operation name as a span may carry it: a well-formed GraphQL name of reasonable length. */
export function spanOperationName(name: string | null | undefined): string | undefined {
  return name && /^[A-Za-z_][A-Za-z0-9_]{0,99}$/.test(name) ? name : undefined;
}

export interface ServerSpanOptions {
  /** The span's name until something better is known (a plugin may rename it). */
  name: string | ((req: Request) => string);
  /**
   * Continue the trace named by the request's traceparent header; otherwise every request
   * starts a new trace, whatever the caller sent.
   */
  trustIncoming: boolean;
  /** Attributes known when the request arrives (see TRACER_NAME for what may be recorded). */
  attributes?: (req: Request, res: Response) => Attributes;
}

/**
 * Express middleware: one SERVER span per request, ended when the answer is sent, and active
 * (the current context) for every later middleware and handler, so that spans made while
 * answering are its children. Place it after body parsing: stream events lose the context.
 */
export function serverSpans(opts: ServerSpanOptions): RequestHandler {
  const tracer = trace.getTracer(TRACER_NAME);
  return (req, res, next) => {
    const parent = opts.trustIncoming ? propagation.extract(ROOT_CONTEXT, req.headers) : ROOT_CONTEXT;
    const span = tracer.startSpan(
      typeof opts.name === "string" ? opts.name : opts.name(req),
      {
        kind: SpanKind.SERVER,
        attributes: { "http.request.method": req.method, "http.route": req.baseUrl, ...opts.attributes?.(req, res) },
      },
      parent,
    );
    let open = true;
    const end = () => {
      if (!open) return;
      open = false;
      span.setAttribute("http.response.status_code", res.statusCode);
      if (res.statusCode >= 500 || !res.writableFinished) span.setStatus({ code: SpanStatusCode.ERROR });
      span.end();
    };
    res.once("finish", end);
    res.once("close", end);
    context.with(trace.setSpan(parent, span), next);
  };
}

/** Writes the current trace context (traceparent, tracestate) into an outgoing request's headers. */
export function injectTraceContext(headers: { set(name: string, value: string): void }): void {
  propagation.inject(context.active(), headers, { set: (carrier, key, value) => carrier.set(key, value) });
}

/**
 * Names the current server span after the GraphQL operation it answers and records the
 * operation's type and name and the answer's error codes (Apollo Server plugin; with
 * serverSpans before Apollo's middleware).
 */
export function operationSpanPlugin<C extends BaseContext>(): ApolloServerPlugin<C> {
  return {
    async requestDidStart() {
      const span: Span | undefined = trace.getActiveSpan();
      if (!span?.isRecording()) return;
      return {
        async didResolveOperation({ operation, operationName }) {
          const name = spanOperationName(operationName);
          span.updateName(name ? `graphql.operation ${name}` : "graphql.operation");
          if (operation) span.setAttribute("graphql.operation.type", operation.operation);
          if (name) span.setAttribute("graphql.operation.name", name);
        },
        async willSendResponse({ response, errors }) {
          const sent = response.body.kind === "single" ? response.body.singleResult.errors : undefined;
          const codes = [...new Set(errorCodes(sent ?? errors))];
          if (codes.length === 0) return;
          span.setAttribute("danvan.error_codes", codes);
          if (codes.some((c) => SERVER_FAULTS.has(c))) span.setStatus({ code: SpanStatusCode.ERROR });
        },
      };
    },
  };
}
