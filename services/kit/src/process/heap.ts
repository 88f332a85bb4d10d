import v8 from "node:v8";
import { wholeNumber } from "../setting-parsers.js";

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
 * Node options every subgraph process is started with (the stack, the test federations, the
 * containers' commands and each subgraph's `npm start`). A 4 MB semi-space (V8's default is
 * 16 MB) keeps a busy subgraph's young generation at 8 MB instead of 32 MB: under the district
 * page, the petition list and the mutation mix side by side, petitions peaked at 174 MB against
 * 198 MB and organisations at 135 against 155, with the same CPU per request (petitions 4.02
 * against 4.04 ms per mutation pair). The gateway keeps V8's default: its CPU rose with a small
 * young generation on 500-item answers. V8 sizes the young generation when the process starts,
 * so unlike HEAP_GROWING_PERCENT this cannot be applied from inside; an operator's own
 * NODE_OPTIONS come first and these override them.
 */
export const SUBGRAPH_NODE_ARGS: readonly string[] = ["--max-semi-space-size=4"];

/**
 * Applies HEAP_GROWING_PERCENT to this process's V8 (`--heap-growing-percent`, which Node
 * refuses in NODE_OPTIONS). V8 reads it each time it sets the next collection's limit, so it
 * holds from the next full collection on: call it at start-up, before the load arrives.
 */
export function applyHeapGrowth(percent: number): void {
  if (percent > 0) v8.setFlagsFromString(`--heap-growing-percent=${percent}`);
}
