// What the gateway shares with the subgraphs' servers, without loading the rest of the kit.
export { Drain } from "./drain.js";
export {
  errorCodes,
  LATENCY_BUCKETS,
  metricsHandler,
  OperationNames,
  operationMetricsPlugin,
  type OperationRecord,
} from "./metrics.js";
export { READ_PRIMARY_HEADER, mayReadFromReplica } from "./read-consistency.js";
