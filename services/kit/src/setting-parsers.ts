import { z } from "zod";

/**
 * A whole-number environment variable: `dflt` when unset or empty, else digits from `min` to
 * `max`. The message never repeats the value. Shared by the subgraphs' and the gateway's settings.
 */
export function wholeNumber(min: number, max: number, dflt: number) {
  return z
    .string()
    .optional()
    .transform((v, ctx) => {
      if (v === undefined || v.trim() === "") return dflt;
      const n = /^\d+$/.test(v.trim()) ? Number(v) : NaN;
      if (!Number.isSafeInteger(n) || n < min || n > max) {
        ctx.addIssue({ code: "custom", message: `must be a whole number from ${min} to ${max}` });
        return z.NEVER;
      }
      return n;
    });
}
