import "./telemetry.js";
import { randomUUID } from "node:crypto";
import { RemoteGraphQLDataSource, type GraphQLDataSourceProcessOptions } from "@apollo/gateway";
import { currentLanguage } from "@danvan/kit/i18n";
import { READ_PRIMARY_HEADER } from "@danvan/kit/http";
import { ANONYMOUS, IDENTITY_HEADER, REQUEST_ID_HEADER, signIdentity, type Identity } from "@danvan/kit/identity";
import { injectTraceContext } from "@danvan/kit/tracing";
import { GraphQLError, type GraphQLFormattedError } from "graphql";
import { Agent, request, type Dispatcher } from "undici";
import { SUBGRAPH_UNAVAILABLE } from "./error-masking.js";
import { collapseRepresentations } from "./representations.js";
import type { GatewayMetrics } from "./metrics.js";
import type { GatewayContext } from "./request-context.js";

type Fetcher = RemoteGraphQLDataSource["fetcher"];
type FetcherResponse = Parameters<RemoteGraphQLDataSource["errorFromResponse"]>[0];
type ProcessOptions = GraphQLDataSourceProcessOptions<GatewayContext>;
type ProcessResult = Awaited<ReturnType<RemoteGraphQLDataSource["process"]>>;

/**
 * A subgraph fetch failed. The message and `reason` are for the log only: the error
 * formatter replaces them with "Subgraph <name> is unavailable" and never shows the cause,
 * which may hold a hostname, a port or a status page.
 */
export class SubgraphUnavailableError extends GraphQLError {
  constructor(
    readonly serviceName: string,
    readonly reason: string,
    cause?: unknown,
  ) {
    super(`Subgraph ${serviceName} is unavailable (${reason})`, {
      extensions: { code: SUBGRAPH_UNAVAILABLE, serviceName },
      ...(cause instanceof Error ? { originalError: cause } : {}),
    });
    this.name = "SubgraphUnavailableError";
  }
}

/**
 * A subgraph answered HTTP 400 with GraphQL errors (a custom scalar refusing a variable, say):
 * the caller's fault, not an outage, so its errors go back to the gateway as a response.
 */
class SubgraphRejectedOperation extends GraphQLError {
  constructor(readonly errors: readonly GraphQLFormattedError[]) {
    super("subgraph rejected the operation");
  }
}

function isGraphQLErrorBody(body: unknown): body is { errors: GraphQLFormattedError[] } {
  if (typeof body !== "object" || body === null || !("errors" in body)) return false;
  const errors = (body as { errors: unknown }).errors;
  return Array.isArray(errors) && errors.length > 0 && errors.every((e) => typeof e?.message === "string");
}

function reasonOf(err: unknown): string {
  if (err instanceof Error && (err.name === "TimeoutError" || err.name === "AbortError")) return "timeout";
  const own = err instanceof Error ? (err as Error & { code?: unknown }).code : undefined;
  if (typeof own === "string" && /^E[A-Z]+$/.test(own)) return own; // ECONNREFUSED, ENOTFOUND, ... (undici)
  const cause = err instanceof Error ? (err as Error & { cause?: { code?: unknown } }).cause : undefined;
  if (cause && typeof cause.code === "string") return cause.code; // the same, wrapped by fetch
  return err instanceof Error ? err.message : "unknown error";
}

/**
 * undici's request API on a keep-alive pool per subgraph (much lighter than fetch: no WHATWG
 * streams), with a deadline covering the whole exchange: headers and body. A subgraph that
 * hangs costs one timeout, not a stuck request. Answers look like the fetch Response that
 * RemoteGraphQLDataSource reads: ok, status, headers.get, json, text.
 */
export function timeoutFetcher(
  timeoutMs: number,
  dispatcher: Dispatcher = new Agent({ keepAliveTimeout: 30_000 }),
): Fetcher {
  return async (url, init) => {
    const signal = AbortSignal.timeout(timeoutMs);
    const res = await request(url, {
      method: (init?.method ?? "POST") as Dispatcher.HttpMethod,
      headers: init?.headers as Record<string, string> | undefined,
      body: init?.body as string | undefined,
      dispatcher,
      signal,
    });
    const text = await res.body.text();
    const header = (name: string) => {
      const v = res.headers[name.toLowerCase()];
      return Array.isArray(v) ? v.join(", ") : (v ?? null);
    };
    const response = {
      ok: res.statusCode >= 200 && res.statusCode < 300,
      status: res.statusCode,
      statusText: "",
      url,
      headers: { get: header, has: (name: string) => header(name) !== null },
      text: async () => text,
      json: async () => JSON.parse(text) as unknown,
    };
    return response as unknown as FetcherResponse;
  };
}

/**
 * The caller a fetch is made for, read back from the signed identity header the data source
 * has just set (its payload; the signature is the subgraph's business).
 */
function callerOf(headers: Record<string, string> | undefined): string | undefined {
  const token = headers?.[IDENTITY_HEADER];
  const payload = token?.split(".")[1];
  if (!payload) return undefined;
  try {
    const claims = JSON.parse(Buffer.from(payload, "base64url").toString("utf8")) as Record<string, unknown>;
    return JSON.stringify([claims.sub, claims.roles, claims.unit ?? null, claims.org ?? null]);
  } catch {
    return undefined;
  }
}

/** The connection closed before any answer came: the subgraph was closing it (a restart, say). */
function closedBeforeAnswer(err: unknown): boolean {
  const code = (err as { code?: unknown }).code;
  return code === "ECONNRESET" || code === "UND_ERR_SOCKET" || code === "EPIPE";
}

/**
 * A query fetch whose connection the subgraph closed before answering is sent once more, on a
 * fresh connection (a query changes nothing, so asking twice is safe); a mutation never is.
 */
export function retryingFetcher(inner: Fetcher): Fetcher {
  return async (url, init) => {
    try {
      return await inner(url, init);
    } catch (err) {
      const body = typeof init?.body === "string" ? init.body : "";
      if (!closedBeforeAnswer(err) || !isQueryBody(body)) throw err;
      return inner(url, init);
    }
  };
}

const isQueryBody = (body: string) => /^\{"query":"(query\b|\{)/.test(body);

/**
 * Identical query fetches for the same caller while one is on its way (a page many clients
 * open at once) share its answer instead of each asking the subgraph. Keyed by the exact body
 * sent and the caller's whole identity, so no one gets an answer computed for someone else;
 * mutations always go out on their own, and a read made for a mutation (which must
 * read the primary) never shares with one that may read a replica. The answer's text is shared and each reader parses
 * its own copy (the gateway's executor writes into what it reads).
 */
export function sharingFetcher(inner: Fetcher): Fetcher {
  const inFlight = new Map<string, Promise<FetcherResponse>>();
  return (url, init) => {
    const body = typeof init?.body === "string" ? init.body : undefined;
    const isQuery = body !== undefined && isQueryBody(body);
    const caller = isQuery ? callerOf(init?.headers as Record<string, string> | undefined) : undefined;
    if (!caller) return inner(url, init);
    const headers = init?.headers as Record<string, string> | undefined;
    const primary = headers?.[READ_PRIMARY_HEADER] ?? "";
    // The answer's messages are in the caller's language: callers of another language do not share it.
    const language = headers?.["accept-language"] ?? "";
    const key = `${url}\n${caller}\n${primary}\n${language}\n${body}`;
    const running = inFlight.get(key);
    if (running) return running;
    const answer = inner(url, init);
    inFlight.set(key, answer);
    const done = () => {
      if (inFlight.get(key) === answer) inFlight.delete(key);
    };
    answer.then(done, done);
    return answer;
  };
}

export interface SubgraphDataSourceOptions {
  name: string;
  url: string;
  identitySecret: string;
  timeoutMs: number;
  /** Where each fetch's latency and failure are counted. */
  metrics?: GatewayMetrics;
}

/**
 * Sends the gateway's query plan fetches to one subgraph, each with the caller's identity
 * signed into `x-danvan-identity` (bound to the hash of the exact query, variables and
 * operation name sent), the request id in `x-request-id` and, when tracing, the trace context.
 */
export class SignedIdentityDataSource extends RemoteGraphQLDataSource<GatewayContext> {
  readonly name: string;
  private readonly identitySecret: string;
  private readonly metrics: GatewayMetrics | undefined;

  constructor(opts: SubgraphDataSourceOptions) {
    super({ url: opts.url, fetcher: sharingFetcher(retryingFetcher(timeoutFetcher(opts.timeoutMs))) });
    this.name = opts.name;
    this.identitySecret = opts.identitySecret;
    this.metrics = opts.metrics;
  }

  override async willSendRequest(options: ProcessOptions): Promise<void> {
    const { request } = options;
    // Health checks and schema loading have no caller: they go out as the public.
    const context = options.context as Partial<GatewayContext>;
    const identity: Identity = context.identity ?? ANONYMOUS;
    const requestId = context.requestId ?? randomUUID();
    // RemoteGraphQLDataSource sends JSON.stringify({query, variables, operationName}) and the
    // subgraph hashes the parsed body: JSON round trips leave these three unchanged, so the
    // hash of what is here equals the hash of what the subgraph reads (see the test).
    const token = await signIdentity(identity, {
      secret: this.identitySecret,
      body: { query: request.query, variables: request.variables, operationName: request.operationName },
      requestId,
    });
    request.http?.headers.set(IDENTITY_HEADER, token);
    request.http?.headers.set(REQUEST_ID_HEADER, requestId);
    // The subgraph writes its messages for people in the caller's language (already chosen: vi or en).
    request.http?.headers.set("accept-language", currentLanguage());
    // The current span's traceparent (Apollo's gateway.fetch): the subgraph's span joins this
    // trace. Without tracing the propagator is a no-op and nothing is added.
    if (request.http) injectTraceContext(request.http.headers);
    // Every fetch for a client's mutation, the reads after the write included, uses the subgraph's primary.
    if ("incomingRequestContext" in options && options.incomingRequestContext.operation?.operation === "mutation") {
      request.http?.headers.set(READ_PRIMARY_HEADER, "1");
    }
  }

  override async process(options: ProcessOptions): Promise<ProcessResult> {
    const started = process.hrtime.bigint();
    const elapsed = () => Number(process.hrtime.bigint() - started) / 1e9;
    try {
      // An entity fetch sends each distinct representation once (see collapseRepresentations).
      const collapsed = collapseRepresentations(options.request.variables);
      const result = collapsed
        ? collapsed.expand(
            await super.process({ ...options, request: { ...options.request, variables: collapsed.variables } }),
          )
        : await super.process(options);
      this.metrics?.fetched(this.name, elapsed());
      return result;
    } catch (err) {
      const rejected = err instanceof SubgraphRejectedOperation;
      this.metrics?.fetched(
        this.name,
        elapsed(),
        rejected ? "rejected" : err instanceof SubgraphUnavailableError ? err.reason : "other",
      );
      if (rejected) return { errors: err.errors };
      throw err;
    }
  }

  override async errorFromResponse(response: FetcherResponse): Promise<GraphQLError> {
    let body: unknown;
    try {
      body = await this.parseBody(response);
    } catch {
      body = undefined;
    }
    if (response.status === 400 && isGraphQLErrorBody(body)) return new SubgraphRejectedOperation(body.errors);
    // 401 here means the subgraph refused our signed identity: a secret mismatch, an outage for the caller.
    return new SubgraphUnavailableError(this.name, `HTTP ${response.status}`);
  }

  override didEncounterError(error: Error): void {
    if (error instanceof SubgraphRejectedOperation || error instanceof SubgraphUnavailableError) throw error;
    throw new SubgraphUnavailableError(this.name, reasonOf(error), error);
  }
}
