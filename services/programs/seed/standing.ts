import type { SeededRandom } from "@danvan/kit/seeding";
import { PovertyStatus } from "../src/poverty/poverty-status.js";
import { YEARS, type CommunePlan } from "./plan.js";

/** Status codes in the per-household arrays. */
export const NOT = 0;
export const POOR = 1;
export const NEAR = 2;
export const STATUS = [PovertyStatus.NOT_POOR, PovertyStatus.POOR, PovertyStatus.NEAR_POOR] as const;

/**
 * One commune's statuses at each review, `status[y * n + i]` for household `i` and year index `y`:
 * a household's standing is a rank that drifts each year, and each review puts the commune's
 * planned number of poor and near-poor at the bottom.
 */
export function reviewStatuses(
  rng: SeededRandom,
  plan: CommunePlan,
  finalRank?: (rank: Float64Array) => void,
): Uint8Array {
  const n = plan.households;
  const rank = new Float64Array(n);
  for (let i = 0; i < n; i++) rank[i] = rng.next();
  const status = new Uint8Array(n * YEARS.length);
  const order = Array.from({ length: n }, (_, i) => i);
  YEARS.forEach((_, y) => {
    if (y > 0) for (let i = 0; i < n; i++) rank[i] = Math.min(1, Math.max(0, rank[i]! + (rng.next() - 0.5) * 0.06));
    order.sort((a, b) => rank[a]! - rank[b]! || a - b);
    const poor = plan.poor[y]!;
    const near = poor + plan.nearPoor[y]!;
    for (let k = 0; k < n; k++) status[y * n + order[k]!] = k < poor ? POOR : k < near ? NEAR : NOT;
  });
  finalRank?.(rank);
  return status;
}

/** Whether household `i` of a commune of `n` households was poor at any review. */
export function everPoor(status: Uint8Array, n: number, i: number): boolean {
  for (let y = 0; y < YEARS.length; y++) if (status[y * n + i] === POOR) return true;
  return false;
}
