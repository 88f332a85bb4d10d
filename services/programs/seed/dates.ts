import type { SeededRandom } from "@danvan/kit/seeding";

export const addDays = (date: string, days: number): string =>
  new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);

export const millions = (rng: SeededRandom, min: number, max: number): bigint => BigInt(rng.int(min, max)) * 1_000_000n;
