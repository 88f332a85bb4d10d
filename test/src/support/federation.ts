import { randomBytes } from "node:crypto";
import path from "node:path";
import { SignJWT } from "jose";
import { freePort, repoRoot, spawnService, waitForReady, type Identity, type ServiceProcess } from "@danvan/kit";
import { createTestDatabase, type TestDatabase } from "@danvan/kit/testing";
import { runNodeCollecting } from "@danvan/scripts/run-node";
import { SUBGRAPHS } from "@danvan/scripts/subgraphs";

/** Secrets made up for one test run; nothing reads the developer's data/ folder. */
export interface Secrets {
  identitySecret: string;
  tokenSecret: string;
}

export interface GraphQLResponse {
  status: number;
  body: {
    data?: Record<string, unknown> | null;
    errors?: { message: string; path?: (string | number)[]; extensions?: Record<string, unknown> }[];
  };
  text: string;
}

export interface Federation {
  gatewayUrl: string;
  organisationsUrl: string;
  secrets: Secrets;
  gateway: ServiceProcess;
  organisations: ServiceProcess;
  subgraphUrls: Record<string, string>;
  /** Each subgraph's database settings (DATABASE_URL or SQLITE_PATH), for independent SQL checks. */
  databases: Record<string, { DATABASE_URL?: string; SQLITE_PATH?: string }>;
  /** Everything the subgraph processes printed (for log-capture assertions). */
  subgraphOutput(): string;
  /** What the seed commands printed (their row counts and load times). */
  seedOutput(): string;
  /** A caller's token, signed as the gateway expects (HS256, issuer danvan-dev, audience danvan-graph). */
  token(
    identity: Omit<Identity, "roles"> & { roles: string[] },
    opts?: { expiresIn?: string; secret?: string; issuer?: string },
  ): Promise<string>;
  query(
    query: string,
    opts?: { token?: string; variables?: Record<string, unknown>; url?: string; headers?: Record<string, string> },
  ): Promise<GraphQLResponse>;
  stop(): Promise<void>;
}

export async function postGraphQL(
  url: string,
  payload: unknown,
  headers: Record<string, string> = {},
): Promise<GraphQLResponse> {
  const res = await fetch(url, {
    method: "POST",
    headers: { "content-type": "application/json", ...headers },
    body: typeof payload === "string" ? payload : JSON.stringify(payload),
  });
  const text = await res.text();
  let body: GraphQLResponse["body"] = {};
  try {
    body = JSON.parse(text) as GraphQLResponse["body"];
  } catch {
    /* not JSON: the assertion on `text` will say so */
  }
  return { status: res.status, body, text };
}

/**
 * The real thing on free ports: a fresh database (SQLite or PostgreSQL) seeded by the seed CLI,
 * the organisations subgraph process and the gateway process.
 */
export async function startFederation(
  opts: {
    supergraphPath?: string;
    extraEnv?: NodeJS.ProcessEnv;
    identitySecret?: string;
    /** The dataset: small (default, seconds) or full (the province, about a minute). */
    scale?: "small" | "full";
    /** Every process's LOG_LEVEL (warn by default; debug logs each SQL statement). */
    logLevel?: string;
  } = {},
): Promise<Federation> {
  const secrets: Secrets = {
    identitySecret: opts.identitySecret ?? randomBytes(32).toString("base64url"),
    tokenSecret: randomBytes(32).toString("base64url"),
  };
  const dbs: TestDatabase[] = [];
  const databases: Record<string, { DATABASE_URL?: string; SQLITE_PATH?: string }> = {};
  const base: NodeJS.ProcessEnv = {
    PATH: process.env.PATH,
    NODE_ENV: "test",
    LOG_LEVEL: opts.logLevel ?? "warn",
    IDENTITY_SECRET: secrets.identitySecret,
  };
  // Every subgraph of the graph, seeded small, each in its own process on a free port.
  const processes: ServiceProcess[] = [];
  const subgraphUrls: Record<string, string> = {};
  const urlEnv: NodeJS.ProcessEnv = {};
  const gwPort = await freePort();
  let seedOutput = "";
  // Each subgraph owns its own database; none reads another's. The seeds run side by side.
  const envs = new Map<string, NodeJS.ProcessEnv>();
  try {
    for (const sg of SUBGRAPHS) {
      const db = await createTestDatabase(`e2e_${sg.name}`);
      dbs.push(db);
      databases[sg.name] = db.env;
      envs.set(sg.name, { ...base, ...db.env });
    }
    const seeded = await Promise.all(
      SUBGRAPHS.map((sg) =>
        runNodeCollecting(
          path.join(repoRoot, sg.folder, "dist/seed/main.js"),
          ["--scale", opts.scale ?? "small", "--no-progress"],
          { ...envs.get(sg.name)!, LOG_LEVEL: "warn" },
          { quiet: true },
        ),
      ),
    );
    seeded.forEach((r, i) => {
      if (r.code !== 0) throw new Error(`seeding ${SUBGRAPHS[i]!.name} exited with ${r.code}\n${r.output}`);
      seedOutput += r.output;
    });
    for (const sg of SUBGRAPHS) {
      const port = await freePort();
      const proc = spawnService({
        name: sg.name,
        script: path.join(repoRoot, sg.folder, "dist/src/main.js"),
        env: { ...envs.get(sg.name)!, PORT: String(port), UNIT_REGISTRY_URL: `http://127.0.0.1:${gwPort}/graphql` },
      });
      processes.push(proc);
      await waitForReady(`http://127.0.0.1:${port}/readyz`, proc);
      subgraphUrls[sg.name] = `http://127.0.0.1:${port}/graphql`;
      urlEnv[`SUBGRAPH_URL_${sg.name.toUpperCase()}`] = subgraphUrls[sg.name];
    }
  } catch (err) {
    // A federation that could not start leaves no process or database behind.
    for (const p of processes) await p.stop();
    for (const d of dbs) await d.drop();
    throw err;
  }
  const organisations = processes[0]!;
  const organisationsUrl = subgraphUrls.organisations!;

  const gateway = spawnService({
    name: "gateway",
    script: path.join(repoRoot, "gateway/dist/src/main.js"),
    env: {
      ...base,
      PORT: String(gwPort),
      JWT_SECRET: secrets.tokenSecret,
      ...urlEnv,
      SUBGRAPH_TIMEOUT_MS: "5000",
      ...(opts.supergraphPath ? { SUPERGRAPH_PATH: opts.supergraphPath } : {}),
      ...opts.extraEnv,
    },
  });
  await waitForReady(`http://127.0.0.1:${gwPort}/readyz`, gateway);
  const gatewayUrl = `http://127.0.0.1:${gwPort}/graphql`;

  return {
    gatewayUrl,
    organisationsUrl,
    secrets,
    gateway,
    organisations,
    subgraphUrls,
    databases,
    subgraphOutput: () => processes.map((p) => p.output()).join("\n"),
    seedOutput: () => seedOutput,
    async token(identity, o = {}) {
      return new SignJWT({
        roles: identity.roles,
        ...(identity.unitCode ? { unit: identity.unitCode } : {}),
        ...(identity.organisationId ? { org: identity.organisationId } : {}),
      })
        .setProtectedHeader({ alg: "HS256" })
        .setSubject(identity.sub)
        .setIssuer(o.issuer ?? "danvan-dev")
        .setAudience("danvan-graph")
        .setIssuedAt()
        .setExpirationTime(o.expiresIn ?? "10m")
        .sign(new TextEncoder().encode(o.secret ?? secrets.tokenSecret));
    },
    query(query, { token, variables, url, headers } = {}) {
      return postGraphQL(
        url ?? gatewayUrl,
        { query, variables },
        { ...(token ? { authorization: `Bearer ${token}` } : {}), ...headers },
      );
    },
    async stop() {
      await gateway.stop();
      for (const p of processes) await p.stop();
      for (const d of dbs) await d.drop();
    },
  };
}
