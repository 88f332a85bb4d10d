import { addDaysIso, communeOfTheDay, REORGANISATION_2025, successorsOf, versionsOf } from "@danvan/kit/units";
import { committeeId2025, type OldCommittee } from "./committees-through-time.js";

/**
 * "A member of a split commune stays with the part where they live" (issue 27), free of GraphQL
 * and TypeORM. A commune that went `part` into several 2025 communes has its committees go, in
 * part, into the committee of the same kind of each of them: one `part` succession per part
 * (organisation_succession.share). Each member of such a committee is carried to one part, the
 * one where they live, by a per-member row (member_carry); no member row is copied or moved.
 *
 * No member row says where in the old commune its member lives: the part is the kit's rule for
 * any record kept under an old commune code (communeOfTheDay: parts sorted by code, the record's
 * id modulo their number, as programs places a split commune's households), with the member's
 * id as the key (residencePart), the same in the seed, in migration 1764000000006 and in
 * recordMember, spreading the members evenly over the parts.
 */

/** The split communes' last day on the 2019 map: the day their committees' members are carried from. */
const OLD_MAP_LAST_DAY = addDaysIso(REORGANISATION_2025, -1);

export type OrganisationShare = "whole" | "part";

export interface PartSuccession {
  fromId: string;
  toId: string;
  onDate: string;
}

/** The 2025 communes a commune code's last version before 2025-07-01 went into in part, by code; [] when whole. */
export function partsOfCommune(code: string): string[] {
  const last = versionsOf(code)
    .filter((v) => v.validFrom < REORGANISATION_2025 && v.level === "COMMUNE")
    .at(-1);
  if (!last) return [];
  const next = successorsOf(last).filter((s) => s.to.validFrom === REORGANISATION_2025);
  const parts = [...new Set(next.filter((s) => s.share === "part").map((s) => s.to.code))].sort();
  return parts.length > 1 ? parts : [];
}

/**
 * The split committees of `old` and the committees of their parts: committee id → the 2025
 * committees (same kind) of its parts, by code. The first is the one committeesThroughTime's
 * succession already names (the kit's first part by code).
 */
export function splitCommittees(old: readonly OldCommittee[]): Map<string, string[]> {
  const split = new Map<string, string[]>();
  for (const o of old) {
    if (o.unitCode.length !== 5) continue;
    const parts = partsOfCommune(o.unitCode);
    if (parts.length)
      split.set(
        o.id,
        parts.map((code) => committeeId2025(o.kind, code)),
      );
  }
  return split;
}

/** The `part` successions of the split committees: one per part, on 2025-07-01. */
export function partSuccessions(split: ReadonlyMap<string, readonly string[]>): PartSuccession[] {
  return [...split].flatMap(([fromId, parts]) => parts.map((toId) => ({ fromId, toId, onDate: REORGANISATION_2025 })));
}

/**
 * The 2025 committee (one of `parts`, the committees of a split commune's parts) where the
 * member `memberId` of the split committee `committee` lives: the kit's communeOfTheDay for its
 * commune on the 2019 map's last day, keyed by the member's id, so the same member always goes to
 * the same part. Throws when the rule names no part of `parts` (the map and the stored
 * successions disagree).
 */
export function residencePart(memberId: number, committee: OldCommittee, parts: readonly string[]): string {
  const code = communeOfTheDay(committee.unitCode, OLD_MAP_LAST_DAY, REORGANISATION_2025, memberId);
  const to = code === null ? null : committeeId2025(committee.kind, code);
  if (to === null || !parts.includes(to))
    throw new Error(
      `member ${memberId} of ${committee.id}: ${to ?? "no commune"} is none of its parts (${parts.join(", ")})`,
    );
  return to;
}

/** A member carried to the part where they live, from the day of the change. */
export interface MemberCarryRow {
  memberId: number;
  toId: string;
  onDate: string;
}

/** The carry rows of the members (`id`, their `committee`) of the split committees. */
export function carryRows(
  members: Iterable<{ id: number; committee: OldCommittee }>,
  split: ReadonlyMap<string, readonly string[]>,
): MemberCarryRow[] {
  const rows: MemberCarryRow[] = [];
  for (const m of members) {
    const parts = split.get(m.committee.id);
    if (parts)
      rows.push({ memberId: m.id, toId: residencePart(m.id, m.committee, parts), onDate: REORGANISATION_2025 });
  }
  return rows;
}
