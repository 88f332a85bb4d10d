import "./telemetry.js";
import { readFile } from "node:fs/promises";
import http from "node:http";
import type { AddressInfo } from "node:net";
import { ApolloGateway } from "@apollo/gateway";
import { ApolloServer } from "@apollo/server";
import {
  ApolloServerPluginInlineTraceDisabled,
  ApolloServerPluginLandingPageDisabled,
  ApolloServerPluginSchemaReportingDisabled,
  ApolloServerPluginUsageReportingDisabled,
} from "@apollo/server/plugin/disabled";
import { ApolloServerPluginDrainHttpServer } from "@apollo/server/plugin/drainHttpServer";
import { expressMiddleware } from "@as-integrations/express5";
import { Drain } from "@danvan/kit/http";
import { createLogger, type Logger } from "@danvan/kit/logger";
import { serverSpans } from "@danvan/kit/tracing";
import express, { type RequestHandler } from "express";
import { callerTokenMiddleware, createCallerTokenVerifier } from "./caller-token.js";
import { subgraphUrlVariable, type GatewayConfig } from "./config.js";
import { createErrorFormatter } from "./error-masking.js";
import { jsonErrorHandler, notFound, sendJsonError } from "./http-errors.js";
import { inLanguage, languageFromHeader } from "@danvan/kit/i18n";
import { inputChecksPlugin, inputValidationRules } from "@danvan/kit/input";
import { gatewayMessage } from "./messages.js";
import { analystRouter } from "./analyst-routes.js";
import { ANALYST_PATH } from "./analyst-page.js";
import { ideRouter, sendIdePage, wantsHtml } from "./ide-routes.js";
import { gatewayContextOf, requestIdMiddleware, requestIdOf, type GatewayContext } from "./request-context.js";
import { queryLimitsPlugin, tokenLimitAsTooComplex } from "./limits.js";
import { busyAnswerPlugin } from "./busy-answer.js";
import { GatewayMetrics } from "./metrics.js";
import { loadManifest, manifestCache, safelistPlugin } from "./safelist.js";
import { redisPersistedQueryCache } from "./persisted-query-cache.js";
import {
  deploymentTag,
  memoryResponseCacheStore,
  redisResponseCacheStore,
  responseCachePlugins,
} from "./response-cache.js";
import { SignedIdentityDataSource } from "./subgraph-data-source.js";

export interface RunningGateway {
  /** The GraphQL endpoint, e.g. http://127.0.0.1:4000/graphql. */
  url: string;
  port: number;
  /** Turns unready, drains in-flight requests (up to SHUTDOWN_GRACE_MS), stops. Idempotent. */
  stop: () => Promise<void>;
}

export interface StartGatewayOptions {
  /** Defaults to a pino logger named "gateway" at LOG_LEVEL. */
  logger?: Logger;
}

const GRAPHQL_PATH = "/graphql";

/** The supergraph is composed at build time (npm run schema); the gateway never introspects. */
async function readSupergraph(file: string): Promise<string> {
  try {
    return await readFile(file, "utf8");
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    throw new Error(
      code === "ENOENT"
        ? `supergraph not found at ${file}: run "npm run schema" to compose it, or set SUPERGRAPH_PATH`
        : `cannot read the supergraph at ${file} (${code ?? String(err)})`,
    );
  }
}

/** One data source per subgraph; its URL comes from SUBGRAPH_URL_<NAME>, else from the supergraph. */
function serviceBuilder(config: GatewayConfig, seen: Set<string>, metrics: GatewayMetrics) {
  return ({ name, url }: { name: string; url?: string }) => {
    const variable = subgraphUrlVariable(name);
    seen.add(variable);
    const target = config.subgraphUrls.get(variable.slice("SUBGRAPH_URL_".length)) ?? url;
    if (!target) throw new Error(`subgraph ${name} has no URL in the supergraph: set ${variable}`);
    return new SignedIdentityDataSource({
      name,
      url: target,
      identitySecret: config.identitySecret,
      timeoutMs: config.subgraphTimeoutMs,
      metrics,
    });
  };
}

/** One line per request, without the query string (GET operations carry variables there). */
function accessLog(logger: Logger): RequestHandler {
  return (req, res, next) => {
    const started = process.hrtime.bigint();
    res.on("finish", () => {
      const health = req.path === "/livez" || req.path === "/readyz";
      logger[health ? "debug" : "info"](
        {
          requestId: requestIdOf(res),
          method: req.method,
          path: req.path,
          status: res.statusCode,
          ms: Number((process.hrtime.bigint() - started) / 1000n) / 1000,
        },
        "request",
      );
    });
    next();
  };
}

function displayHost(host: string): string {
  if (host === "0.0.0.0" || host === "::") return "localhost";
  return host.includes(":") ? `[${host}]` : host;
}

/**
 * Starts the gateway: Express 5 + Apollo Server 5 + ApolloGateway over the composed
 * supergraph file, with settings read and checked once by `loadConfig` (config.ts), which the
 * caller runs: main.ts on the environment, tests on their own. Resolves once the supergraph is
 * loaded and /readyz answers 200.
 */
export async function startGateway(config: GatewayConfig, options: StartGatewayOptions = {}): Promise<RunningGateway> {
  const logger = options.logger ?? createLogger("gateway", config.logLevel);
  const supergraphSdl = await readSupergraph(config.supergraphPath);

  const app = express();
  app.disable("x-powered-by");
  const httpServer = http.createServer(app);
  let state: "loading" | "ready" | "stopping" = "loading";
  let graphqlHandler: RequestHandler | undefined = undefined; // set once the supergraph is loaded

  const subgraphVariables = new Set<string>();
  const metrics = new GatewayMetrics();
  const gateway = new ApolloGateway({
    supergraphSdl,
    buildService: serviceBuilder(config, subgraphVariables, metrics),
    logger,
    // A client must not obtain query plans: they name subgraphs and their fields.
    __exposeQueryPlanExperimental: false,
    // Apollo's own spans (when tracing is on) never carry the document or exceptions' text: both
    // may hold personal data (a name written into a query, an error quoting a value).
    telemetry: { includeDocument: false, recordExceptions: false },
  });

  const formatErrors = createErrorFormatter(logger);
  const manifest = config.safelistManifest ? loadManifest(config.safelistManifest) : undefined;
  // Automatic persisted queries: the manifest's operations when safelisting, else what clients
  // register, in Redis when REDIS_URL is set (shared by replicas), else in this process's memory.
  const sharedApq = !manifest && config.redisUrl ? redisPersistedQueryCache(config.redisUrl, logger) : undefined;
  // Anonymous callers' answers, shared through Redis when set; any mutation retires them all.
  const responseCache = !config.responseCache
    ? undefined
    : config.redisUrl
      ? redisResponseCacheStore(config.redisUrl, logger, deploymentTag(config.identitySecret, supergraphSdl))
      : memoryResponseCacheStore();
  const apollo = new ApolloServer<GatewayContext>({
    gateway,
    formatError: (formatted, error) => formatErrors(tokenLimitAsTooComplex(formatted), error),
    parseOptions: { maxTokens: config.maxTokens },
    // Literal argument values checked by path with the graph's scalars (input-faults.ts).
    validationRules: inputValidationRules,
    // With a safelist, apps may send an operation's id alone: the manifest preloads the APQ cache.
    ...(manifest ? { persistedQueries: { cache: manifestCache(manifest) } } : {}),
    ...(sharedApq ? { persistedQueries: { cache: sharedApq.cache, ttl: sharedApq.ttl } } : {}),
    includeStacktraceInErrorResponses: false,
    introspection: config.introspection,
    // Without introspection, "Did you mean ...?" hints would leak the schema bit by bit.
    hideSchemaDetailsFromClientErrors: !config.introspection,
    nodeEnv: config.nodeEnv,
    logger,
    // main.ts owns the signals, so that readiness flips before anything else happens.
    stopOnTerminationSignals: false,
    plugins: [
      ApolloServerPluginDrainHttpServer({ httpServer, stopGracePeriodMillis: config.shutdownGraceMs }),
      // Nothing leaves this machine: no usage or schema reports, whatever APOLLO_KEY says.
      ApolloServerPluginUsageReportingDisabled(),
      ApolloServerPluginSchemaReportingDisabled(),
      ApolloServerPluginInlineTraceDisabled(),
      // Apollo's default landing page loads from a CDN; our IDE page is served locally.
      ApolloServerPluginLandingPageDisabled(),
      // Depth, aliases, directives and cost against the caller's budget, before any planning.
      // Input faults by path, never quoting a value; before the limits, which read the variables.
      inputChecksPlugin<GatewayContext>(),
      ...(manifest ? [safelistPlugin(manifest, logger, metrics)] : []),
      queryLimitsPlugin(config.budgets, logger, metrics),
      metrics.plugin<GatewayContext>(),
      ...(responseCache ? responseCachePlugins(responseCache, metrics) : []),
      // Last: a whole answer lost to busy databases becomes 503 with Retry-After.
      busyAnswerPlugin(),
    ],
  });

  const drain = new Drain();
  app.use(drain.middleware);
  app.use(requestIdMiddleware);
  app.use(accessLog(logger));
  app.get("/livez", (_req, res) => {
    res.json({ status: "ok" });
  });
  app.get("/readyz", (_req, res) => {
    if (state === "ready") res.json({ status: "ready" });
    else res.status(503).json({ status: state });
  });

  // Prometheus scrapes the gateway here; the Ingress publishes /graphql only (docker/).
  app.get("/metrics", metrics.handler());

  if (config.ideEnabled) {
    app.use("/ide", ideRouter(config));
    // The page's language (?lang=en) survives the redirect.
    app.get("/", (req, res) =>
      res.redirect(GRAPHQL_PATH + (req.url.includes("?") ? req.url.slice(req.url.indexOf("?")) : "")),
    );
    app.get(GRAPHQL_PATH, (req, res, next) => (wantsHtml(req) ? sendIdePage(res, config, GRAPHQL_PATH) : next()));
  }
  // The analyst page (ANALYST_PAGE_ENABLED): its HTML, scripts and Chart.js under /analyst; it asks /graphql.
  if (config.analystPageEnabled) app.use(ANALYST_PATH, analystRouter(config, GRAPHQL_PATH));
  app.use(
    GRAPHQL_PATH,
    callerTokenMiddleware(createCallerTokenVerifier(config.token), logger, metrics),
    express.json({ limit: config.bodyLimit }),
    // One span per request (TRACING=otlp), the parent of Apollo's; a caller's traceparent is
    // ignored unless TRACING_TRUST_INCOMING. After the body is read: stream events lose the context.
    ...(config.tracing.enabled
      ? [
          serverSpans({
            name: (req) => `${req.method} ${GRAPHQL_PATH}`,
            trustIncoming: config.tracingTrustIncoming,
            attributes: (_req, res) => ({ "danvan.request_id": requestIdOf(res) ?? "" }),
          }),
        ]
      : []),
    (req, res, next) => {
      // Draining still answers: a request that reached us before we closed is served. Messages
      // for people are in the caller's language from here on (after the body is read: stream
      // events would lose the context).
      if (graphqlHandler && state !== "loading")
        return inLanguage(languageFromHeader(req.header("accept-language")), () => graphqlHandler!(req, res, next));
      res.setHeader("Retry-After", "1");
      sendJsonError(res, 503, "SERVICE_UNAVAILABLE", gatewayMessage(state === "stopping" ? "stopping" : "starting"));
    },
  );
  app.use(notFound);
  app.use(jsonErrorHandler(logger, metrics));

  await new Promise<void>((resolve, reject) => {
    httpServer.once("error", reject);
    httpServer.listen(config.port, config.host, () => {
      httpServer.off("error", reject);
      resolve();
    });
  });
  const port = (httpServer.address() as AddressInfo).port;
  const url = `http://${displayHost(config.host)}:${port}${GRAPHQL_PATH}`;

  let started = false;
  let stopped: Promise<void> | undefined;
  const stop = () =>
    (stopped ??= (async () => {
      state = "stopping";
      logger.info("gateway stopping");
      drain.begin();
      await drain.settle(config.shutdownQuietMs, Math.min(config.shutdownGraceMs, config.shutdownQuietMs * 4));
      if (started) {
        await apollo.stop(); // drains the HTTP server (in-flight requests finish), then stops the gateway
        await Promise.all([sharedApq?.close(), responseCache?.close()]);
      } else {
        await new Promise<void>((resolve) => httpServer.close(() => resolve()));
      }
      logger.info("gateway stopped");
    })());

  try {
    await apollo.start();
    started = true;
  } catch (err) {
    await stop();
    throw err;
  }
  graphqlHandler = expressMiddleware(apollo, { context: async ({ res }) => gatewayContextOf(res) });
  if (state === "loading") state = "ready";

  for (const [name] of config.subgraphUrls) {
    if (!subgraphVariables.has(`SUBGRAPH_URL_${name}`)) {
      logger.warn({ variable: `SUBGRAPH_URL_${name}` }, "this override names no subgraph of the supergraph");
    }
  }
  logger.info(
    { url, ide: config.ideEnabled, analystPage: config.analystPageEnabled, introspection: config.introspection },
    "gateway ready",
  );
  return { url, port, stop };
}
