import { Column, Entity, PrimaryColumn, type EntityManager } from "typeorm";
import { addToTally } from "@danvan/kit";

/**
 * Houses handed over per commune, calendar year and kind (new or repair), kept exact by the
 * hand-over step in the same transaction: ten years of houses are a sum over a few thousand rows.
 */
@Entity("house_tally")
export class HouseTally {
  @PrimaryColumn({ name: "commune_code", type: "varchar", length: 10 })
  communeCode: string;

  @PrimaryColumn({ type: "integer" })
  year: number;

  @PrimaryColumn({ type: "varchar", length: 6 })
  kind: string;

  @Column({ name: "handed_over", type: "integer", default: 0 })
  handedOver: number;
}

/** Counts one hand-over in its commune's year tally. */
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
