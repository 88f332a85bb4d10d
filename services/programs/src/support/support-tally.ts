import type { EntityManager } from "typeorm";
import { addToTally } from "@danvan/kit";
import { isListed } from "./published-visits.js";

/**
 * Adds one support event to its commune's year tally (support_tally): one event, and one to a
 * listed household when its recipient was poor or near-poor at the review of the event's year.
 */
export async function tallySupport(
  m: EntityManager,
  e: { communeCode: string; givenOn: string; kind: string; amountVnd: bigint; recipientStatus: string | null },
): Promise<void> {
  await addToTally(
    m,
    "support_tally",
    { commune_code: e.communeCode, year: Number(e.givenOn.slice(0, 4)), kind: e.kind },
    { visits: 1, listed_visits: isListed(e.recipientStatus) ? 1 : 0, amount_vnd: e.amountVnd },
  );
}
