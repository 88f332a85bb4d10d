import { freePort, waitForReady, type ServiceProcess } from "@danvan/kit";
import {
  queryAt,
  signToken,
  spawnGatewayProcess,
  startFederation,
  type Federation,
  type Secrets,
} from "./federation.js";

/**
 * The variable through which the test runner hands the files that only read one federation,
 * started once per run over copies of the seeded small dataset: its URLs, secrets, databases and
 * gateway settings (JSON). Such a file calls `readOnlyFederation()`; run alone, it starts its own.
 */
export const SHARED_FEDERATION_VARIABLE = "DANVAN_TEST_SHARED_FEDERATION";

export interface SharedFederationSettings {
  gatewayUrl: string;
  subgraphUrls: Record<string, string>;
  secrets: Secrets;
  databases: Federation["databases"];
  gatewayEnv: NodeJS.ProcessEnv;
}

/** What a file needs to use a federation started elsewhere (the runner's). */
export function sharedFederationSettings(f: Federation): SharedFederationSettings {
  return {
    gatewayUrl: f.gatewayUrl,
    subgraphUrls: f.subgraphUrls,
    secrets: f.secrets,
    databases: f.databases,
    gatewayEnv: f.gatewayEnv,
  };
}

const notHere = (what: string) => () => {
  throw new Error(`${what}: the shared federation's processes belong to the test runner (use startFederation)`);
};

/**
 * A federation for a file that only reads and does not touch the processes: the runner's shared
 * one when it handed one over, else a fresh one of its own. Its `stop()` stops only the replicas
 * this file started.
 */
export async function readOnlyFederation(env: NodeJS.ProcessEnv = process.env): Promise<Federation> {
  const raw = env[SHARED_FEDERATION_VARIABLE];
  if (!raw) return startFederation();
  const s = JSON.parse(raw) as SharedFederationSettings;
  const replicas: ServiceProcess[] = [];
  const startReplicaProcess = async (extraEnv: NodeJS.ProcessEnv = {}) => {
    const port = await freePort();
    const replica = spawnGatewayProcess({ ...s.gatewayEnv, ...extraEnv }, port);
    replicas.push(replica);
    await waitForReady(`http://127.0.0.1:${port}/readyz`, replica);
    return { url: `http://127.0.0.1:${port}/graphql`, process: replica };
  };
  return {
    gatewayUrl: s.gatewayUrl,
    organisationsUrl: s.subgraphUrls.organisations!,
    secrets: s.secrets,
    get gateway(): ServiceProcess {
      return notHere("gateway")();
    },
    get organisations(): ServiceProcess {
      return notHere("organisations")();
    },
    subgraph: notHere("subgraph"),
    restartSubgraph: notHere("restartSubgraph"),
    subgraphUrls: s.subgraphUrls,
    gatewayEnv: s.gatewayEnv,
    databases: s.databases,
    subgraphOutput: notHere("subgraphOutput"),
    seedOutput: () => "",
    token: (identity, o) => signToken(s.secrets, identity, o),
    query: (query, o) => queryAt(s.gatewayUrl, query, o),
    startReplica: async (extraEnv) => (await startReplicaProcess(extraEnv)).url,
    startReplicaProcess,
    async stop() {
      for (const r of replicas) await r.stop();
    },
  };
}
