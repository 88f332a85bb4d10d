// Telemetry first: it must be set before @apollo/gateway is evaluated (see telemetry.ts).
import "./telemetry.js";
import { applyHeapGrowth } from "@danvan/kit/heap";
import { createLogger } from "@danvan/kit/logger";
import { startTracing } from "@danvan/kit/tracing";
import { ConfigError, loadConfig } from "./config.js";
import { startGateway } from "./server.js";

/** `npm start -w @danvan/gateway`: the gateway from the environment, stopped by SIGTERM/SIGINT. */
async function main(): Promise<void> {
  // Read and checked once, here; everything below takes its settings from this.
  const config = loadConfig(process.env);
  applyHeapGrowth(config.heapGrowingPercent);
  const logger = createLogger("gateway", config.logLevel);
  // Before anything serves. @apollo/gateway is loaded already, but it reaches the provider through
  // @opentelemetry/api's proxy tracer: its spans (gateway.request, gateway.fetch, ...) land here.
  const tracing = await startTracing({ service: "gateway", settings: config.tracing, logger });
  const gateway = await startGateway(config, { logger });
  process.stdout.write(`Gateway ready at ${gateway.url}\n`);

  const onSignal = (signal: NodeJS.Signals) => {
    logger.info({ signal }, "signal received: turning unready and draining");
    // A second signal means "now": stop waiting for in-flight requests.
    process.once(signal, () => process.exit(1));
    gateway
      .stop()
      .then(() => tracing.shutdown()) // the drained requests' spans leave last
      .then(
        () => process.exit(0),
        (err: unknown) => {
          logger.error({ err: String(err) }, "shutdown failed");
          process.exit(1);
        },
      );
  };
  process.once("SIGTERM", onSignal);
  process.once("SIGINT", onSignal);
}

main().catch((err: unknown) => {
  // A ConfigError's message lists every bad variable; other start-up errors say what to do.
  process.stderr.write(
    `${err instanceof ConfigError ? err.message : `gateway failed to start: ${(err as Error).message ?? String(err)}`}\n`,
  );
  process.exit(1);
});
