import type { EntityManager } from "typeorm";
import { addToTally } from "@danvan/kit";

/** Adds one support event to its commune's year tally (support_tally). */
export async function tallySupport(
  m: EntityManager,
  e: { communeCode: string; givenOn: string; kind: string; amountVnd: bigint },
): Promise<void> {
  await addToTally(
    m,
    "support_tally",
    { commune_code: e.communeCode, year: Number(e.givenOn.slice(0, 4)), kind: e.kind },
    { visits: 1, amount_vnd: e.amountVnd },
  );
}
