import type { EntityManager } from "typeorm";
import type { Organisation } from "../organisations/organisation.entity.js";
import { OrganisationSuccession } from "../organisations/organisation-succession.entity.js";
import { residencePart } from "../organisations/split-communes.js";
import { MemberCarry } from "./member-carry.entity.js";

/**
 * A member just recorded in a split commune's committee (one with `part` successions: it ended
 * on 2025-06-30 and went, in part, into the committee of each of its parts) is carried to the
 * part where they live, by the rule the seed and migration 1764000000006 use (residencePart),
 * in the caller's transaction `m`: without the row, memberCount of no part would count them.
 * Nothing for any other committee.
 */
export async function carryToPart(m: EntityManager, memberId: number, committee: Organisation): Promise<void> {
  if (committee.validFrom !== null || committee.workplaceSector !== null) return;
  const parts = await m.find(OrganisationSuccession, {
    where: { fromId: committee.id, share: "part" },
    order: { toId: "ASC" },
  });
  if (parts.length === 0) return;
  const toId = residencePart(
    memberId,
    committee,
    parts.map((p) => p.toId),
  );
  await m.insert(MemberCarry, { memberId, toId, onDate: parts.find((p) => p.toId === toId)!.onDate });
}
