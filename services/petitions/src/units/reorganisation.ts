import {
  COMMITTEE_2025_ID,
  committeeId2025,
  ORGANISATION_ID,
  parseCommitteeId,
  parseOrganisationId,
} from "@danvan/kit/federation";
import { addDays } from "../deadlines/calendar-date.js";
import { PROVINCE_CODE_2025, REORGANISATION_2025, todaysCommuneOf, unitOn } from "@danvan/kit/units";

/**
 * The petitions open at the 2025 reorganisation (issue 27), as plain rules: no GraphQL, no
 * TypeORM. From 2025-07-01 the districts are gone and An Giang's 102 commune-level units begin
 * (Resolution 202/2025/QH15; Resolution 1654/NQ-UBTVQH15). A petition received before and not
 * closed by 2025-06-30 passes, by a `reorganise` step dated 2025-07-01, to the unit that took its
 * commune and to that unit's committee; its status, deadlines, extensions, handling officer and
 * denouncer stay. Its `communeCode` stays the commune of receipt: the figures follow the receipt map.
 */
export const REORGANISATION_DAY = REORGANISATION_2025;
/** The last day of the map before it. */
export const LAST_DAY_OF_THE_OLD_MAP = addDays(REORGANISATION_2025, -1);
/** Who the migration and the first step after the change record as the step's actor. */
export const REORGANISATION_ACTOR = "reorganisation-2025";

/** A committee of the 2025 map ("MTTQ-30307-25"): the kit's rule, shared with organisations. */
export { COMMITTEE_2025_ID };

/** An organisation id of either map (`MTTQ-883`, `MTTQ-30307-25`). */
export const HANDLING_BODY_ID = new RegExp(`${ORGANISATION_ID.source}|${COMMITTEE_2025_ID.source}`);

/** The unit an organisation id of either map names, with the day its version began when the id says it. */
export function bodyUnitOf(id: string): { unitCode: string; validFrom: string | null } | null {
  const parsed = parseCommitteeId(id);
  if (!parsed) return null;
  return { unitCode: parsed.unitCode, validFrom: parsed.map === 2025 ? REORGANISATION_2025 : null };
}

/**
 * The committee that takes over a body's petitions: the same kind at the 2025 unit, except the
 * Labour Federation, which organisations keeps at the province only (its PRESENCE_2025), so at
 * province 91. A district committee's petition goes to the commune that took the petition's
 * commune, like a commune committee's: the district level is abolished and the petition concerns
 * that commune. A 2025 id, or none, is kept.
 */
export function successorBodyOf(bodyId: string | null, unitCode: string): string | null {
  const old = bodyId ? parseOrganisationId(bodyId) : null;
  if (!old) return bodyId;
  const at = old.prefix === "LDLD" ? PROVINCE_CODE_2025 : unitCode;
  return committeeId2025(old.prefix, at);
}

/** The facts of a petition the move reads. */
export interface MovablePetition {
  communeCode: string;
  receivedOn: string;
  closedOn: string | null;
  handledByOrganisationId: string | null;
  /** The unit whose body handles it when not the commune of receipt (a petition received at the province). */
  handlingUnitCode?: string | null;
}

/** Received before 2025-07-01 and not closed by 2025-06-30: open at the change. */
export function openAtTheChange(p: Pick<MovablePetition, "receivedOn" | "closedOn">): boolean {
  return p.receivedOn < REORGANISATION_DAY && (p.closedOn === null || p.closedOn > LAST_DAY_OF_THE_OLD_MAP);
}

export interface Move {
  /** The 2025 commune that took the petition's commune: one unit version. */
  unit: { code: string; validFrom: string; name: string };
  /** The commune was split in 2025: the petition went to the part with its code, else the first part by code. */
  approximate: boolean;
  bodyId: string | null;
  /** The step's note (Vietnamese, as the case files are written). */
  note: string;
}

/**
 * Where a petition open at the change goes: the unit the kit's `todaysCommuneOf` places its
 * commune's records under (through every earlier change: Đông Xuyên, merged into Mỹ Xuyên on
 * 2025-01-01, goes into Phường Long Xuyên; a split commune into the part that kept its code,
 * else the first part by code, since no petition says in which part it lies). Null when the
 * petition was not open at the change or its commune has no 2025 successor.
 */
export function moveOf(p: MovablePetition): Move | null {
  if (!openAtTheChange(p)) return null;
  // Received at the province (its Citizen Reception Committee): the merged province's committee takes it.
  if (p.handlingUnitCode && unitOn(p.handlingUnitCode, LAST_DAY_OF_THE_OLD_MAP)?.level === "PROVINCE") {
    const province = unitOn(PROVINCE_CODE_2025, REORGANISATION_DAY)!;
    return {
      unit: { code: province.code, validFrom: province.validFrom, name: province.name },
      approximate: false,
      bodyId: successorBodyOf(p.handledByOrganisationId, province.code),
      note: `Chuyển về ${province.name} (mã ${province.code}) từ ngày 01/7/2025 theo Nghị quyết 202/2025/QH15`,
    };
  }
  const today = todaysCommuneOf(p.communeCode);
  const v = today && unitOn(today.code, REORGANISATION_DAY);
  if (!today || !v) return null;
  const approximate = today.approximate;
  return {
    unit: { code: v.code, validFrom: v.validFrom, name: v.name },
    approximate,
    bodyId: successorBodyOf(p.handledByOrganisationId, v.code),
    note:
      `Chuyển về ${v.name} (mã ${v.code}) từ ngày 01/7/2025 theo Nghị quyết 1654/NQ-UBTVQH15 và Nghị quyết 202/2025/QH15` +
      (approximate ? `; xã, phường cũ được chia cho nhiều đơn vị, đơn giao cho ${v.name}` : ""),
  };
}
