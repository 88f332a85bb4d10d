import http from "node:http";
import { createRequire } from "node:module";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { randomUUID } from "node:crypto";
import { createCallerTokenVerifier, loadConfig } from "@danvan/gateway";
import { repoRoot } from "@danvan/kit";
import { ANONYMOUS, IDENTITY_HEADER, REQUEST_ID_HEADER, signIdentity, type Identity } from "@danvan/kit/identity";

/**
 * The benchmark's peer: Hive Gateway (installed in bench/peer, never a dependency of the
 * project) serving the same supergraph over the same subgraphs, doing the same per-request
 * work as ours: verify the caller's JWT with the same settings, sign the identity into every
 * subgraph fetch. Run as its own process by the bench: PORT, PEER_SUPERGRAPH_PATH and the
 * gateway's own variables (JWT_*, IDENTITY_SECRET).
 */
interface FetchPayload {
  url: string;
  options: { body?: unknown; headers?: Record<string, string> };
  setOptions(options: unknown): void;
  context?: { request?: Request };
}
interface RequestPayload {
  request: Request;
  fetchAPI: { Response: typeof Response };
  endResponse(response: Response): void;
}
interface HiveGateway {
  createGatewayRuntime(config: Record<string, unknown>): http.RequestListener & { dispose?: () => Promise<void> };
}

const require = createRequire(path.join(repoRoot, "bench/peer/package.json"));
const hive = (await import(pathToFileURL(require.resolve("@graphql-hive/gateway")).href)) as HiveGateway;
const config = loadConfig(process.env);
const verify = createCallerTokenVerifier(config.token);
const callers = new WeakMap<Request, { identity: Identity; requestId: string }>();

const runtime = hive.createGatewayRuntime({
  supergraph: process.env.PEER_SUPERGRAPH_PATH,
  graphqlEndpoint: "/graphql",
  logging: false,
  landingPage: false,
  graphiql: false,
  plugins: () => [
    {
      async onRequest({ request, fetchAPI, endResponse }: RequestPayload) {
        if (!new URL(request.url).pathname.startsWith("/graphql")) return;
        try {
          const identity = await verify(request.headers.get("authorization") ?? undefined);
          callers.set(request, { identity, requestId: randomUUID() });
        } catch {
          endResponse(
            new fetchAPI.Response(JSON.stringify({ errors: [{ message: "Unauthenticated" }] }), {
              status: 401,
              headers: { "content-type": "application/json" },
            }),
          );
        }
      },
      async onFetch({ options, setOptions, context }: FetchPayload) {
        const caller = (context?.request && callers.get(context.request)) || {
          identity: ANONYMOUS,
          requestId: randomUUID(),
        };
        const body = JSON.parse(String(options.body ?? "{}")) as {
          query?: string;
          variables?: Record<string, unknown>;
          operationName?: string;
        };
        const token = await signIdentity(caller.identity, {
          secret: config.identitySecret,
          body: { query: body.query ?? "", variables: body.variables, operationName: body.operationName },
          requestId: caller.requestId,
        });
        setOptions({
          ...options,
          headers: { ...options.headers, [IDENTITY_HEADER]: token, [REQUEST_ID_HEADER]: caller.requestId },
        });
      },
    },
  ],
});

const server = http.createServer(runtime);
server.keepAliveTimeout = 65_000;
server.listen(Number(process.env.PORT), "127.0.0.1", () => {
  console.log(`hive peer listening on ${process.env.PORT}`);
});
process.on("SIGTERM", () => {
  server.close(() => process.exit(0));
  setTimeout(() => process.exit(0), 2000).unref();
});
