/**
 * Keeps @apollo/gateway from phoning home (docs/architecture.md: "Nothing in this project may
 * contact any host but its own services"). Version 2.14 probes cloud metadata addresses and
 * exports usage metrics to Apollo unless this variable is set when `ApolloGateway` is
 * constructed.
 *
 * This assignment lives in its own module because ESM hoists imports: a statement in an entry
 * module runs only after every module it imports has been evaluated. Entry modules import this
 * file first, so the variable is set before anything from @apollo/gateway is evaluated.
 */
process.env.APOLLO_TELEMETRY_DISABLED = "1";

export {};
