import v8 from "node:v8";
import { wholeNumber } from "../settings.js";

/**
 * How far V8 may grow a process's heap past the data still alive after a full garbage
 * collection. V8's own choice goes up to 4× when collections are quick, so a service holding
 * 60 MB of live data under load sat at 300 MB and more of resident memory. A fixed growth of
 * 50% kept the gateway near 205 MB and the subgraphs near 160 MB under the same load, with no
 * longer GC pauses per request (the README's "Memory"). 0 leaves the choice to V8.
 */
export const DEFAULT_HEAP_GROWING_PERCENT = 50;

/** The setting, one parser for the subgraphs' schema and the gateway's list; empty counts as unset. */
export const HEAP_VARIABLES = {
  HEAP_GROWING_PERCENT: wholeNumber(0, 400, DEFAULT_HEAP_GROWING_PERCENT),
};

/**
 * Applies HEAP_GROWING_PERCENT to this process's V8 (`--heap-growing-percent`, which Node
 * refuses in NODE_OPTIONS). V8 reads it each time it sets the next collection's limit, so it
 * holds from the next full collection on: call it at start-up, before the load arrives.
 */
export function applyHeapGrowth(percent: number): void {
  if (percent > 0) v8.setFlagsFromString(`--heap-growing-percent=${percent}`);
}
