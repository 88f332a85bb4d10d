import type { EntityManager } from "typeorm";
import { addToTally } from "@danvan/kit";

/** Counts one hand-over in its commune's year tally (house_tally), inside the step's transaction. */
export async function tallyHandOver(
  m: EntityManager,
  h: { communeCode: string; on: string; kind: string },
): Promise<void> {
  await addToTally(
    m,
    "house_tally",
    { commune_code: h.communeCode, year: Number(h.on.slice(0, 4)), kind: h.kind },
    { handed_over: 1 },
  );
}
