import "./telemetry.js";
import { randomUUID } from "node:crypto";
import { RemoteGraphQLDataSource, type GraphQLDataSourceProcessOptions } from "@apollo/gateway";
import { ANONYMOUS, IDENTITY_HEADER, REQUEST_ID_HEADER, signIdentity, type Identity } from "@danvan/kit/identity";
import { GraphQLError, type GraphQLFormattedError } from "graphql";
import { SUBGRAPH_UNAVAILABLE } from "./error-masking.js";
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
  const cause = err instanceof Error ? (err as Error & { cause?: { code?: unknown } }).cause : undefined;
  if (cause && typeof cause.code === "string") return cause.code; // ECONNREFUSED, ENOTFOUND, ...
  return err instanceof Error ? err.message : "unknown error";
}

/**
 * Node's own fetch (undici), which keeps connections to a subgraph alive between requests,
 * with a deadline covering the whole exchange: headers and body. A subgraph that hangs costs
 * one timeout, not a stuck request.
 */
export function timeoutFetcher(timeoutMs: number): Fetcher {
  return async (url, init) => {
    const response = await fetch(url, { ...init, signal: AbortSignal.timeout(timeoutMs) });
    return response as unknown as FetcherResponse;
  };
}

/** Queries only (the planner names its fetches `query ...` or sends `{ ... }`), per caller. */
function deduplicationKey(options: ProcessOptions): string | undefined {
  const { query, variables, operationName } = options.request;
  if (!query || !/^\s*(query\b|\{)/.test(query)) return undefined;
  const identity: Identity = (options.context as Partial<GatewayContext>).identity ?? ANONYMOUS;
  return JSON.stringify([
    identity.sub,
    identity.roles,
    identity.unitCode ?? null,
    identity.organisationId ?? null,
    operationName ?? null,
    query,
    variables ?? null,
  ]);
}

export interface SubgraphDataSourceOptions {
  name: string;
  url: string;
  identitySecret: string;
  timeoutMs: number;
}

/**
 * Sends the gateway's query plan fetches to one subgraph, each with the caller's identity
 * signed into `x-danvan-identity` (bound to the hash of the exact query, variables and
 * operation name sent) and the request id in `x-request-id`.
 */
export class SignedIdentityDataSource extends RemoteGraphQLDataSource<GatewayContext> {
  readonly name: string;
  private readonly identitySecret: string;

  constructor(opts: SubgraphDataSourceOptions) {
    super({ url: opts.url, fetcher: timeoutFetcher(opts.timeoutMs) });
    this.name = opts.name;
    this.identitySecret = opts.identitySecret;
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
  }

  /** Query fetches on their way, by subgraph request and caller: identical ones share one. */
  private readonly inFlight = new Map<string, { result: Promise<ProcessResult>; consumers: number }>();

  /**
   * Identical query fetches for the same caller while one is on its way (a page many clients
   * open at once) share its answer instead of each asking the subgraph: each gets its own
   * copy. Keyed by the caller's whole identity, so no one sees an answer computed for someone
   * else; mutations always go out on their own.
   */
  override async process(options: ProcessOptions): Promise<ProcessResult> {
    const key = deduplicationKey(options);
    if (!key) return this.processOnce(options);
    let entry = this.inFlight.get(key);
    if (entry) entry.consumers++;
    else {
      entry = { result: this.processOnce(options), consumers: 1 };
      this.inFlight.set(key, entry);
      const settled = entry;
      void settled.result.then(
        () => this.inFlight.get(key) === settled && this.inFlight.delete(key),
        () => this.inFlight.get(key) === settled && this.inFlight.delete(key),
      );
    }
    const result = await entry.result;
    return entry.consumers > 1 ? structuredClone(result) : result;
  }

  private async processOnce(options: ProcessOptions): Promise<ProcessResult> {
    try {
      return await super.process(options);
    } catch (err) {
      if (err instanceof SubgraphRejectedOperation) return { errors: err.errors };
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
