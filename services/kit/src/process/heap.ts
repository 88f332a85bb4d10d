import v8 from "node:v8";
import { z } from "zod";

/**
 * How far V8 may grow a process's heap past the data still alive after a full garbage
 * collection. V8's own choice goes up to 4× when collections are quick, so a service holding
 * 60 MB of live data under load sat at 300 MB and more of resident memory. A fixed growth of
 * 50% kept every service under 200 MB at a few per cent more CPU per request (bench/, the
 * README's "Memory"). 0 leaves the choice to V8.
 */
export const DEFAULT_HEAP_GROWING_PERCENT = 50;

/** The setting, one parser for the subgraphs' schema and the gateway's list; empty counts as unset. */
export const HEAP_VARIABLES = {
  HEAP_GROWING_PERCENT: z
    .string()
    .optional()
    .transform((v, ctx) => {
      if (v === undefined || v.trim() === "") return DEFAULT_HEAP_GROWING_PERCENT;
      const n = /^\d+$/.test(v.trim()) ? Number(v) : NaN;
      if (!(n >= 0 && n <= 400)) {
        ctx.addIssue({ code: "custom", message: "must be a whole number from 0 to 400 (0: V8's own growth)" });
        return z.NEVER;
      }
      return n;
    }),
};

/**
 * Applies HEAP_GROWING_PERCENT to this process's V8 (`--heap-growing-percent`, which Node
 * refuses in NODE_OPTIONS). V8 reads it each time it sets the next collection's limit, so it
 * holds from the next full collection on: call it at start-up, before the load arrives.
 */
export function applyHeapGrowth(percent: number): void {
  if (percent > 0) v8.setFlagsFromString(`--heap-growing-percent=${percent}`);
}
