import { randomBytes } from "node:crypto";
import path from "node:path";
import { SignJWT } from "jose";
import {
  freePort,
  repoRoot,
  spawnService,
  SUBGRAPH_NODE_ARGS,
  waitForReady,
  type Identity,
  type ServiceProcess,
} from "@danvan/kit";
import { createTestDatabase, type TestDatabase } from "@danvan/kit/testing";
import { seededDatabasesFromEnv, seedTestDatabases } from "@danvan/scripts/seeded-databases";
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
  /** The answer's HTTP headers (cache-control, age, x-request-id, ...). */
  headers: Headers;
}

export interface Federation {
  gatewayUrl: string;
  organisationsUrl: string;
  secrets: Secrets;
  gateway: ServiceProcess;
  /** The organisations subgraph's current process (a new one after `restartSubgraph`). */
  organisations: ServiceProcess;
  /** A subgraph's current process, by name. */
  subgraph(name: string): ServiceProcess;
  /**
   * Stops the subgraph's process if it still runs (SIGTERM), then starts a fresh one on the same
   * port with the same environment plus `extraEnv`, and waits until its /readyz answers 200.
   */
  restartSubgraph(name: string, extraEnv?: NodeJS.ProcessEnv): Promise<ServiceProcess>;
  subgraphUrls: Record<string, string>;
  /** The gateway's settings (all but its PORT): a replica or a shared federation's user starts from them. */
  gatewayEnv: NodeJS.ProcessEnv;
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
  /** Another gateway over the same subgraphs (a replica), with these settings on top; its /graphql URL. */
  startReplica(extraEnv?: NodeJS.ProcessEnv): Promise<string>;
  /** The same, with the replica's process (to signal it); `stop()` stops it if it still runs. */
  startReplicaProcess(extraEnv?: NodeJS.ProcessEnv): Promise<{ url: string; process: ServiceProcess }>;
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
  return { status: res.status, body, text, headers: res.headers };
}

/** A gateway process with these settings on this port. */
export function spawnGatewayProcess(env: NodeJS.ProcessEnv, port: number): ServiceProcess {
  return spawnService({
    name: "gateway",
    script: path.join(repoRoot, "gateway/dist/src/main.js"),
    env: { ...env, PORT: String(port) },
  });
}

/** A caller's token, signed with the federation's secret (or another). */
export function signToken(
  secrets: Secrets,
  identity: Parameters<Federation["token"]>[0],
  o: Parameters<Federation["token"]>[1] = {},
): Promise<string> {
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
}

/** A query to a gateway, with a caller's token and headers. */
export function queryAt(
  gatewayUrl: string,
  query: string,
  { token, variables, url, headers }: Parameters<Federation["query"]>[1] = {},
): Promise<GraphQLResponse> {
  return postGraphQL(
    url ?? gatewayUrl,
    { query, variables },
    { ...(token ? { authorization: `Bearer ${token}` } : {}), ...headers },
  );
}

/**
 * The real thing on free ports: a fresh database (SQLite or PostgreSQL) seeded by the seed CLI,
 * the organisations subgraph process and the gateway process.
 */
export async function startFederation(
  opts: {
    supergraphPath?: string;
    /** Settings on top for the gateway. */
    extraEnv?: NodeJS.ProcessEnv;
    /** Settings on top for every subgraph. */
    subgraphEnv?: NodeJS.ProcessEnv;
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
  const gatewayEnv = (extraEnv: NodeJS.ProcessEnv = {}): NodeJS.ProcessEnv => ({
    ...base,
    JWT_SECRET: secrets.tokenSecret,
    ...urlEnv,
    SUBGRAPH_TIMEOUT_MS: "5000",
    ...(opts.supergraphPath ? { SUPERGRAPH_PATH: opts.supergraphPath } : {}),
    ...extraEnv,
  });
  const spawnGateway = (port: number, extraEnv: NodeJS.ProcessEnv = {}) =>
    spawnGatewayProcess(gatewayEnv(extraEnv), port);
  const replicas: ServiceProcess[] = [];
  // Every subgraph of the graph, seeded small, each in its own process on a free port.
  const processes: ServiceProcess[] = [];
  // Each subgraph's spawn settings, for restarts on the same port; replaced processes stay listed
  // in `retired` for their output.
  const spawnSettings = new Map<string, { script: string; env: NodeJS.ProcessEnv; port: number }>();
  /** A subgraph process as the deployments start one: its settings, the subgraphs' Node options. */
  const spawnSubgraph = (name: string, extraEnv: NodeJS.ProcessEnv = {}) => {
    const settings = spawnSettings.get(name)!;
    return spawnService({
      name,
      script: settings.script,
      nodeArgs: SUBGRAPH_NODE_ARGS,
      env: { ...settings.env, ...extraEnv },
    });
  };
  const retired: ServiceProcess[] = [];
  const subgraphUrls: Record<string, string> = {};
  const urlEnv: NodeJS.ProcessEnv = {};
  const gwPort = await freePort();
  let seedOutput = "";
  let gateway: ServiceProcess | undefined;
  // Each subgraph owns its own database; none reads another's. The test runner seeds the small
  // dataset once per run and each federation starts from a copy; otherwise the seeds run here.
  const envs = new Map<string, NodeJS.ProcessEnv>();
  try {
    const seeded = (opts.scale ?? "small") === "small" ? seededDatabasesFromEnv() : undefined;
    if (seeded) {
      dbs.push(
        ...(await Promise.all(SUBGRAPHS.map((sg) => createTestDatabase(`e2e_${sg.name}`, { from: seeded[sg.name] })))),
      );
    } else {
      const fresh = await seedTestDatabases(opts.scale ?? "small", "e2e");
      dbs.push(...fresh.databases);
      seedOutput = fresh.output;
    }
    SUBGRAPHS.forEach((sg, i) => {
      databases[sg.name] = dbs[i]!.env;
      envs.set(sg.name, { ...base, ...dbs[i]!.env });
    });
    // The subgraphs and the gateway start side by side: the gateway plans from the composed
    // supergraph file and calls a subgraph only when a request needs it.
    const ready: Promise<void>[] = [];
    for (const sg of SUBGRAPHS) {
      const port = await freePort();
      const settings = {
        script: path.join(repoRoot, sg.folder, "dist/src/main.js"),
        env: {
          ...envs.get(sg.name)!,
          PORT: String(port),
          UNIT_REGISTRY_URL: `http://127.0.0.1:${gwPort}/graphql`,
          ...opts.subgraphEnv,
        },
        port,
      };
      spawnSettings.set(sg.name, settings);
      const proc = spawnSubgraph(sg.name);
      processes.push(proc);
      ready.push(waitForReady(`http://127.0.0.1:${port}/readyz`, proc));
      subgraphUrls[sg.name] = `http://127.0.0.1:${port}/graphql`;
      urlEnv[`SUBGRAPH_URL_${sg.name.toUpperCase()}`] = subgraphUrls[sg.name];
    }
    gateway = spawnGateway(gwPort, opts.extraEnv);
    ready.push(waitForReady(`http://127.0.0.1:${gwPort}/readyz`, gateway));
    const started = await Promise.allSettled(ready);
    const failed = started.find((r): r is PromiseRejectedResult => r.status === "rejected");
    if (failed) throw failed.reason;
  } catch (err) {
    // A federation that could not start leaves no process or database behind.
    await gateway?.stop();
    for (const p of processes) await p.stop();
    for (const d of dbs) await d.drop();
    throw err;
  }
  const indexOf = (name: string) => {
    const i = SUBGRAPHS.findIndex((sg) => sg.name === name);
    if (i < 0) throw new Error(`no subgraph named ${name}`);
    return i;
  };
  const organisationsUrl = subgraphUrls.organisations!;
  const gatewayProcess = gateway;
  const gatewayUrl = `http://127.0.0.1:${gwPort}/graphql`;
  const startReplicaProcess = async (extraEnv?: NodeJS.ProcessEnv) => {
    const port = await freePort();
    const replica = spawnGateway(port, extraEnv);
    replicas.push(replica);
    await waitForReady(`http://127.0.0.1:${port}/readyz`, replica);
    return { url: `http://127.0.0.1:${port}/graphql`, process: replica };
  };

  return {
    gatewayUrl,
    organisationsUrl,
    secrets,
    gateway: gatewayProcess,
    get organisations() {
      return processes[indexOf("organisations")]!;
    },
    subgraph: (name) => processes[indexOf(name)]!,
    async restartSubgraph(name, extraEnv = {}) {
      const i = indexOf(name);
      const settings = spawnSettings.get(name)!;
      await processes[i]!.stop();
      retired.push(processes[i]!);
      const proc = spawnSubgraph(name, extraEnv);
      processes[i] = proc;
      await waitForReady(`http://127.0.0.1:${settings.port}/readyz`, proc);
      return proc;
    },
    subgraphUrls,
    gatewayEnv: gatewayEnv(opts.extraEnv),
    databases,
    subgraphOutput: () => [...retired, ...processes].map((p) => p.output()).join("\n"),
    seedOutput: () => seedOutput,
    token: (identity, o) => signToken(secrets, identity, o),
    query: (query, o) => queryAt(gatewayUrl, query, o),
    async startReplica(extraEnv) {
      return (await startReplicaProcess(extraEnv)).url;
    },
    startReplicaProcess,
    async stop() {
      for (const r of replicas) await r.stop();
      await gatewayProcess.stop();
      for (const p of processes) await p.stop();
      for (const d of dbs) await d.drop();
    },
  };
}
