import { spawnService, SUBGRAPH_NODE_ARGS, waitForReady, type ServiceProcess } from "@danvan/kit";
import { databaseEnv, gatewayScript, mainScript, SUBGRAPHS } from "./environment.js";

export interface Stack {
  /** Subgraphs in start order, then the gateway. */
  running: ServiceProcess[];
  gatewayUrl: string;
  subgraphUrls: Record<string, string>;
  stop(): Promise<void>;
}

/**
 * Starts every subgraph on the npm scripts' databases, then the gateway over them, each as its
 * own process; resolves when all are ready. The caller has seeded the databases.
 */
export async function startStack(opts: {
  gatewayPort: number;
  subgraphPort: (name: string, defaultPort: number) => number | Promise<number>;
  logLevel: string;
  inheritOutput: boolean;
  onSubgraphReady?: (name: string, url: string) => void;
  /** Settings of one subgraph to override (a copy of its database, say). */
  subgraphEnv?: (name: string) => NodeJS.ProcessEnv;
  /** Settings of the gateway to override. */
  gatewayEnv?: NodeJS.ProcessEnv;
}): Promise<Stack> {
  const running: ServiceProcess[] = [];
  const subgraphUrls: Record<string, string> = {};
  const stop = async () => {
    // The gateway first, so no request reaches a subgraph that is going away.
    for (const p of [...running].reverse()) await p.stop();
  };
  try {
    for (const s of SUBGRAPHS) {
      const port = await opts.subgraphPort(s.name, s.defaultPort);
      const proc = spawnService({
        name: s.name,
        script: mainScript(s),
        nodeArgs: SUBGRAPH_NODE_ARGS,
        env: {
          // Petitions reads remote-area flags from the graph (the gateway starts last, asked later).
          UNIT_REGISTRY_URL: `http://127.0.0.1:${opts.gatewayPort}/graphql`,
          ...process.env,
          ...databaseEnv(s),
          ...opts.subgraphEnv?.(s.name),
          PORT: String(port),
          LOG_LEVEL: opts.logLevel,
        },
        inheritOutput: opts.inheritOutput,
      });
      running.push(proc);
      await waitForReady(`http://127.0.0.1:${port}/readyz`, proc);
      subgraphUrls[s.name] = `http://127.0.0.1:${port}/graphql`;
      opts.onSubgraphReady?.(s.name, subgraphUrls[s.name]);
    }
    const gateway = spawnService({
      name: "gateway",
      script: gatewayScript,
      env: {
        ...process.env,
        ...Object.fromEntries(SUBGRAPHS.map((s) => [`SUBGRAPH_URL_${s.name.toUpperCase()}`, subgraphUrls[s.name]])),
        ...opts.gatewayEnv,
        PORT: String(opts.gatewayPort),
        LOG_LEVEL: opts.logLevel,
      },
      inheritOutput: opts.inheritOutput,
    });
    running.push(gateway);
    await waitForReady(`http://127.0.0.1:${opts.gatewayPort}/readyz`, gateway);
  } catch (err) {
    await stop();
    throw err;
  }
  return { running, gatewayUrl: `http://127.0.0.1:${opts.gatewayPort}/graphql`, subgraphUrls, stop };
}
