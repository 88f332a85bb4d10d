import http from "node:http";
import type { AddressInfo } from "node:net";
import { ApolloServer } from "@apollo/server";
import { ApolloServerPluginDrainHttpServer } from "@apollo/server/plugin/drainHttpServer";
import {
  ApolloServerPluginInlineTraceDisabled,
  ApolloServerPluginLandingPageDisabled,
} from "@apollo/server/plugin/disabled";
import { expressMiddleware } from "@as-integrations/express5";
import express, { type Request, type Response, type NextFunction } from "express";
import type { GraphQLSchema } from "graphql";
import type { DataSource } from "typeorm";
import type { Logger } from "pino";
import { createErrorFormatter } from "../errors.js";
import { inputChecksPlugin, inputValidationRules } from "../input/input-checks.js";
import { translate } from "../i18n/catalogue.js";
import { inLanguage, languageFromHeader } from "../i18n/language.js";
import { kitMessage } from "../i18n/messages.js";
import {
  IDENTITY_HEADER,
  IdentityRejectedError,
  REQUEST_ID_HEADER,
  ReplayGuard,
  verifyIdentity,
  type VerifiedIdentity,
} from "../identity/signed-identity.js";
import { publicCacheHintsPlugin } from "./cache-hints.js";
import { Drain } from "./drain.js";
import { SubgraphMetrics } from "./metrics.js";
import { migrationsApplied } from "../database/data-source.js";
import { onReadReplica } from "../database/read-routing.js";
import { READ_PRIMARY_HEADER, mayReadFromReplica } from "./read-consistency.js";
import type { SubgraphContext } from "../context.js";
import { TRACING_OFF, type TracingSettings } from "../tracing/settings.js";
import { operationSpanPlugin, serverSpans } from "../tracing/spans.js";
import { startTracing } from "../tracing/start.js";

export interface SubgraphServerOptions<C extends SubgraphContext> {
  name: string;
  schema: GraphQLSchema;
  dataSource: DataSource;
  logger: Logger;
  identitySecret: string;
  host: string;
  port: number;
  bodyLimit: string;
  shutdownGraceMs: number;
  /** After SIGTERM, keep answering (unready, Connection: close) until no request came for this long. */
  shutdownQuietMs?: number;
  /** Seconds the gateway may cache what anonymous callers read (PUBLIC_CACHE_MAX_AGE); 0: never. */
  publicCacheMaxAge?: number;
  /** DB_POOL_SIZE, reported beside the pool's use at /metrics. */
  poolSize?: number;
  /** DATABASE_REPLICA_URLS is set: read-only requests read from a replica (read-routing.ts). */
  readReplicas?: boolean;
  /** Builds the per-request context (fresh DataLoaders) from the verified identity. */
  createContext: (base: SubgraphContext) => C;
  /** OpenTelemetry tracing (runSubgraph reads TRACING, ...); off when not given. */
  tracing?: TracingSettings;
}

export interface RunningSubgraph {
  url: string;
  port: number;
  /** Stops accepting, finishes in-flight requests, closes the pool. */
  stop: () => Promise<void>;
}

type VerifiedRequest = Request & { verified?: VerifiedIdentity };

/**
 * Apollo Server 5 inside Express 5: a body-size limit, `/livez` and `/readyz`, the gateway's
 * signed identity required on `/graphql` (401 otherwise, `_entities` and `_service` included),
 * masked errors, and graceful shutdown.
 */
export async function startSubgraphServer<C extends SubgraphContext>(
  opts: SubgraphServerOptions<C>,
): Promise<RunningSubgraph> {
  // First, so that the spans of the first requests are recorded.
  const tracing = await startTracing({
    service: opts.name,
    settings: opts.tracing ?? TRACING_OFF,
    logger: opts.logger,
  });
  const app = express();
  app.disable("x-powered-by");
  const httpServer = http.createServer(app);
  const replayGuard = new ReplayGuard();
  const drain = new Drain();

  const metrics = new SubgraphMetrics(opts.name, opts.dataSource, opts.poolSize ?? 10);
  const apollo = new ApolloServer<C>({
    schema: opts.schema,
    formatError: createErrorFormatter(opts.logger),
    // The gateway checks inputs first; these say the same here, by path, if anything gets past it.
    validationRules: inputValidationRules,
    includeStacktraceInErrorResponses: false,
    // Only the gateway can reach this server (signed identity), and composition needs `_service`.
    introspection: true,
    // stopOnSignals owns SIGTERM/SIGINT: readiness first, then drain, close the pool, exit 0.
    stopOnTerminationSignals: false,
    plugins: [
      ApolloServerPluginDrainHttpServer({ httpServer, stopGracePeriodMillis: opts.shutdownGraceMs }),
      ApolloServerPluginLandingPageDisabled(),
      // Inline traces (ftv1) only feed Apollo's cloud reporting, which this project never uses.
      ApolloServerPluginInlineTraceDisabled(),
      inputChecksPlugin<C>(),
      publicCacheHintsPlugin<C>(opts.publicCacheMaxAge ?? 0),
      metrics.plugin<C>(),
      ...(tracing.enabled ? [operationSpanPlugin<C>()] : []),
    ],
    logger: opts.logger,
  });
  await apollo.start();

  app.use(drain.middleware);
  app.get("/livez", (_req, res) => {
    res.json({ status: "ok" });
  });
  app.get("/readyz", async (_req, res) => {
    if (drain.isDraining) return void res.status(503).json({ status: "stopping" });
    try {
      await opts.dataSource.query("SELECT 1");
      const migrated = await migrationsApplied(opts.dataSource);
      if (!migrated) return void res.status(503).json({ status: "migrations pending" });
      res.json({ status: "ready" });
    } catch {
      // The primary is down but a replica answers: reads can still be served (writes fail, coded).
      const replica =
        opts.readReplicas &&
        (await onReadReplica(() => opts.dataSource.query("SELECT 1")).then(
          () => true,
          () => false,
        ));
      if (replica) return void res.json({ status: "ready", degraded: "primary unreachable: reads only" });
      res.status(503).json({ status: "database unreachable" });
    }
  });

  // Prometheus scrapes each subgraph here, on the private network (docker/ publishes none of it).
  app.get("/metrics", metrics.handler());

  app.use(
    "/graphql",
    express.json({ limit: opts.bodyLimit }),
    async (req: VerifiedRequest, res: Response, next: NextFunction) => {
      try {
        req.verified = await verifyIdentity(req.header(IDENTITY_HEADER), {
          secret: opts.identitySecret,
          body: (req.body ?? {}) as object,
          replayGuard,
        });
        next();
      } catch (err) {
        const reason = err instanceof IdentityRejectedError ? err.reason : "invalid";
        opts.logger.warn(
          { reason, requestId: req.header(REQUEST_ID_HEADER) },
          "request refused: no valid gateway identity",
        );
        res.status(401).json({
          errors: [
            {
              message: translate(kitMessage("gatewayOnly"), languageFromHeader(req.header("accept-language"))),
              extensions: { code: "UNAUTHENTICATED", reason },
            },
          ],
        });
      }
    },
    // One span per operation, only for the gateway's requests, in the gateway's trace (its traceparent).
    ...(tracing.enabled
      ? [
          serverSpans({
            name: "graphql.operation",
            trustIncoming: true,
            attributes: (req) => ({
              "danvan.subgraph": opts.name,
              "danvan.request_id": (req as VerifiedRequest).verified!.requestId,
            }),
          }),
        ]
      : []),
    // Messages for people in the caller's language (the gateway forwards Accept-Language); after
    // the body is read, as stream events would lose the context.
    (req: Request, _res: Response, next: NextFunction) =>
      inLanguage(languageFromHeader(req.header("accept-language")), next),
    // The rest of a read-only request, DataLoaders included, reads from a replica when there are any.
    (req: Request, _res: Response, next: NextFunction) =>
      opts.readReplicas && mayReadFromReplica(req.body, req.header(READ_PRIMARY_HEADER)) ? onReadReplica(next) : next(),
    expressMiddleware(apollo, {
      context: async ({ req }) => {
        const verified = (req as VerifiedRequest).verified!;
        return opts.createContext({
          identity: verified.identity,
          requestId: verified.requestId,
          logger: opts.logger.child({ requestId: verified.requestId }),
        });
      },
    }),
  );

  // Malformed JSON or a body over the limit: a coded JSON answer, never an HTML stack page.
  // The parser's own message is never sent: it may quote the body.
  app.use((err: Error & { status?: number; type?: string }, req: Request, res: Response, _next: NextFunction) => {
    const status = err.status && err.status >= 400 && err.status < 500 ? err.status : 500;
    const code = status === 413 ? "PAYLOAD_TOO_LARGE" : status < 500 ? "BAD_REQUEST" : "INTERNAL_SERVER_ERROR";
    if (status >= 500) opts.logger.error({ err: err.message }, "unhandled http error");
    const key = status === 413 ? "payloadTooLarge" : status < 500 ? "badRequest" : "internal";
    const message = translate(kitMessage(key), languageFromHeader(req.header("accept-language")));
    res.status(status).json({ errors: [{ message, extensions: { code } }] });
  });

  await new Promise<void>((resolve) => httpServer.listen(opts.port, opts.host, resolve));
  const port = (httpServer.address() as AddressInfo).port;
  const url = `http://${opts.host}:${port}/graphql`;
  opts.logger.info({ url }, `${opts.name} subgraph ready`);

  let stopped: Promise<void> | undefined;
  const stop = () =>
    (stopped ??= (async () => {
      drain.begin();
      const quietMs = opts.shutdownQuietMs ?? 250;
      await drain.settle(quietMs, Math.min(opts.shutdownGraceMs, quietMs * 4));
      await apollo.stop();
      if (opts.dataSource.isInitialized) await opts.dataSource.destroy();
      await tracing.shutdown(); // the last spans, those of the requests just drained
    })());
  return { url, port, stop };
}

/** Stops the server on SIGTERM/SIGINT: unready at once, then drain, then exit. */
export function stopOnSignals(server: RunningSubgraph, logger: Logger): void {
  const handler = (signal: string) => {
    logger.info({ signal }, "shutting down");
    server.stop().then(
      () => process.exit(0),
      (err: unknown) => {
        logger.error({ err: String(err) }, "shutdown failed");
        process.exit(1);
      },
    );
  };
  process.once("SIGTERM", handler);
  process.once("SIGINT", handler);
}
