import type { ServiceProcess } from "@danvan/kit";
import { postgresServer } from "./environment.js";
import { seedAll } from "./seed-all.js";
import { startStack } from "./stack.js";

/**
 * `npm start`: seeds the embedded databases on the first run (later runs reuse them), starts
 * every subgraph and the gateway as separate processes, and stops them all on Ctrl-C.
 */
const started = Date.now();
const gatewayPort = Number(process.env.GATEWAY_PORT ?? 4000);
const logLevel = process.env.LOG_LEVEL ?? "warn";
const running: ServiceProcess[] = [];
let stopping = false;

async function stopAll(code: number): Promise<never> {
  if (!stopping) {
    stopping = true;
    console.log("\nStopping…");
    // The gateway first, so no request reaches a subgraph that is going away.
    for (const p of [...running].reverse()) await p.stop();
  }
  process.exit(code);
}
process.once("SIGINT", () => void stopAll(0));
process.once("SIGTERM", () => void stopAll(0));

try {
  console.log(
    `Databases: ${postgresServer ? `PostgreSQL at ${new URL(postgresServer).host}` : "embedded SQLite (data/)"}`,
  );
  // The full province dataset on the first run (about a minute); later runs reuse it.
  await seedAll({ scale: "full", ifEmpty: true, env: { LOG_LEVEL: logLevel } });

  const stack = await startStack({
    gatewayPort,
    subgraphPort: (name, defaultPort) => Number(process.env[`${name.toUpperCase()}_PORT`] ?? defaultPort),
    logLevel,
    inheritOutput: true,
    onSubgraphReady: (name, url) => console.log(`  ${name.padEnd(14)} ${url}`),
  });
  running.push(...stack.running);

  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  console.log(`
The province graph is up (${seconds} s): http://127.0.0.1:${gatewayPort}/graphql
  Open it in a browser for the IDE; choose a role there, or get a token:
    npm run token -- --role officer --unit 883      (also: public, handling-officer, analyst, admin)
  and send it as "Authorization: Bearer <token>".
Press Ctrl-C to stop.`);

  for (const p of running) {
    p.child.once("exit", (code) => {
      if (!stopping) {
        console.error(`${p.name} stopped unexpectedly (exit ${code}); stopping the rest`);
        void stopAll(1);
      }
    });
  }
} catch (err) {
  console.error(err instanceof Error ? err.message : err);
  await stopAll(1);
}
