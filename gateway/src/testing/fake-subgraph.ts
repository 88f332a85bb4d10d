/**
 * Test helpers: a tiny federated subgraph over plain node:http that checks the gateway's
 * signed identity exactly as the real subgraphs do (kit's verifyIdentity on the parsed body,
 * with a replay guard), and a composer for a throw-away supergraph.
 */
import { mkdtemp, writeFile } from "node:fs/promises";
import http from "node:http";
import type { AddressInfo } from "node:net";
import os from "node:os";
import path from "node:path";
import { composeServices } from "@apollo/composition";
import { buildSubgraphSchema } from "@apollo/subgraph";
import { ReplayGuard, verifyIdentity, IDENTITY_HEADER, type VerifiedIdentity } from "@danvan/kit/identity";
import { graphql, parse, type GraphQLFieldResolver } from "graphql";

export interface CapturedRequest {
  headers: http.IncomingHttpHeaders;
  rawBody: string;
  body: { query?: string; variables?: Record<string, unknown>; operationName?: string };
  verified?: VerifiedIdentity;
  rejection?: string;
}

/** Resolvers by type and field; the context is the identity the gateway signed. */
type Resolvers = Record<string, Record<string, GraphQLFieldResolver<never, VerifiedIdentity> | unknown>>;

export interface FakeSubgraph {
  name: string;
  typeDefs: string;
  url: string;
  requests: CapturedRequest[];
  close: () => Promise<void>;
}

function readBody(req: http.IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => resolve(Buffer.concat(chunks).toString("utf8")));
    req.on("error", reject);
  });
}

/** Starts a subgraph on a free port. `delayMs(body)` lets a test make some answers slow. */
export async function startFakeSubgraph(opts: {
  name: string;
  typeDefs: string;
  resolvers: Resolvers;
  identitySecret: string;
  delayMs?: (body: CapturedRequest["body"]) => number;
}): Promise<FakeSubgraph> {
  const schema = buildSubgraphSchema([{ typeDefs: parse(opts.typeDefs), resolvers: opts.resolvers as never }]);
  const replayGuard = new ReplayGuard();
  const requests: CapturedRequest[] = [];
  const server = http.createServer(async (req, res) => {
    const rawBody = await readBody(req);
    const captured: CapturedRequest = { headers: req.headers, rawBody, body: {} };
    requests.push(captured);
    const send = (status: number, payload: unknown) => {
      res.writeHead(status, { "content-type": "application/json" }).end(JSON.stringify(payload));
    };
    try {
      captured.body = JSON.parse(rawBody) as CapturedRequest["body"];
      captured.verified = await verifyIdentity(req.headers[IDENTITY_HEADER] as string | undefined, {
        secret: opts.identitySecret,
        body: captured.body,
        replayGuard,
      });
    } catch (err) {
      captured.rejection = (err as Error).message;
      return send(401, {
        errors: [{ message: "Requests must come through the gateway", extensions: { code: "UNAUTHENTICATED" } }],
      });
    }
    const delay = opts.delayMs?.(captured.body) ?? 0;
    // Unreferenced: a test that gave up on a slow answer must not wait for it before exiting.
    if (delay > 0) await new Promise((r) => setTimeout(r, delay).unref());
    const result = await graphql({
      schema,
      source: captured.body.query ?? "",
      variableValues: captured.body.variables ?? null,
      operationName: captured.body.operationName ?? null,
      contextValue: captured.verified,
    });
    if (!res.destroyed) send(200, result);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    name: opts.name,
    typeDefs: opts.typeDefs,
    url: `http://127.0.0.1:${port}/graphql`,
    requests,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** Composes the subgraphs into a supergraph file in a fresh temporary folder; returns its path. */
export async function writeSupergraph(
  subgraphs: readonly { name: string; typeDefs: string; url: string }[],
): Promise<string> {
  const result = composeServices(subgraphs.map((s) => ({ name: s.name, typeDefs: parse(s.typeDefs), url: s.url })));
  if (result.errors) throw new Error(`composition failed: ${result.errors.map((e) => e.message).join("; ")}`);
  const dir = await mkdtemp(path.join(os.tmpdir(), "danvan-gateway-test-"));
  const file = path.join(dir, "supergraph.graphql");
  await writeFile(file, result.supergraphSdl);
  return file;
}

/** Secrets for tests: fixed, long enough, different from each other; never the dev secrets. */
export const TEST_IDENTITY_SECRET = "test-identity-secret-0123456789-abcdefghij";
export const TEST_TOKEN_SECRET = "test-token-secret-0123456789-abcdefghijklmn";
