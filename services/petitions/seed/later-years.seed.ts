import { committeeId2025 } from "@danvan/kit/federation";
import { SeededRandom } from "@danvan/kit/seeding";
import {
  illustrativeRemoteCommunes,
  inForceOn,
  isKienGiangUnit,
  PROVINCE_CODE_2025,
  remoteAreaFlags,
  successorsOf,
  unitSuccessions,
  unitVersionKey,
  unitVersions,
  type UnitVersion,
} from "@danvan/kit/units";
import { daysBetween } from "../src/deadlines/index.js";
import { isOpen, PetitionStatus } from "../src/lifecycle/index.js";
import type { Petition, PetitionEvent } from "../src/petitions/petition.entity.js";
import { stateOf } from "../src/petitions/petition-step-state.js";
import { REORGANISATION_DAY } from "../src/units/reorganisation.js";
import type { DenouncerIdentity } from "../src/confidential/denouncer-identity.entity.js";
import { conclusionOf, drawPetition, eventsOf, walk, type ReceiptPlace } from "./walk.seed.js";

/** The later years (issue 27): receipts from this day, on the map of their day. */
export const LATER_FROM = "2021-01-01";
/** The data's fixed last day: no receipt or step after it. */
export const LATER_UNTIL = "2026-11-30";

/** One commune version's receipts in one year: where, between which days, how many. */
export interface ReceiptSlot {
  place: ReceiptPlace;
  version: UnitVersion;
  from: string;
  to: string;
  count: number;
}

const max = (a: string, b: string) => (a > b ? a : b);
const min = (a: string, b: string) => (a < b ? a : b);

/**
 * How much of the old communes a 2025 commune took: one for each commune it took whole, a share
 * for each it took in part (split evenly between the parts), old Kiên Giang's included.
 */
function weightOf(v: UnitVersion): number {
  let w = 0;
  for (const s of unitSuccessions)
    if (s.to === v && s.from.level === "COMMUNE") w += s.share === "whole" ? 1 : 1 / successorsOf(s.from).length;
  return w;
}

/**
 * The receipts of 2021-01-01 to 2026-11-30, per year and commune version in force: the old An Giang
 * communes (their 2021–2025 versions) until 2025-06-30, province 91's 102 communes from 2025-07-01.
 * An old commune receives `perYear` a year as in 2015–2020, a 2025 commune `perYear` for each old
 * commune it took (weightOf), each pro rata of the days its version was in force that year.
 */
export function receiptSlots(perYear: number): ReceiptSlot[] {
  const flags = remoteAreaFlags(illustrativeRemoteCommunes());
  const communes = unitVersions
    .filter((v) => v.level === "COMMUNE" && !isKienGiangUnit(v) && (v.validTo === null || v.validTo >= LATER_FROM))
    .sort((a, b) => (a.code < b.code ? -1 : a.code > b.code ? 1 : a.validFrom < b.validFrom ? -1 : 1));
  const slots: ReceiptSlot[] = [];
  for (let year = 2021; year <= 2026; year++) {
    const yearDays = daysBetween(`${year}-01-01`, `${year}-12-31`) + 1;
    for (const v of communes) {
      const from = max(max(v.validFrom, `${year}-01-01`), LATER_FROM);
      const to = min(min(v.validTo ?? "9999-12-31", `${year}-12-31`), LATER_UNTIL);
      if (from > to) continue;
      const map2025 = v.validFrom >= REORGANISATION_DAY;
      const count = Math.round((perYear * (map2025 ? weightOf(v) : 1) * (daysBetween(from, to) + 1)) / yearDays);
      if (count === 0) continue;
      const place: ReceiptPlace = {
        code: v.code,
        name: v.name,
        districtCode: map2025 ? null : v.parentCode,
        isRemoteArea: flags.get(unitVersionKey(v)) ?? false,
        // The 2025 commune's Front committee, a tenth the province's (no district level).
        body: map2025
          ? (rng) => committeeId2025("MTTQ", rng.chance(0.9) ? v.code : PROVINCE_CODE_2025)
          : (rng) => `MTTQ-${rng.chance(0.7) ? v.code : v.parentCode!}`,
      };
      slots.push({ place, version: v, from, to, count });
    }
  }
  return slots;
}

/**
 * The petitions received 2021-01-01 – 2026-11-30 (ids from `firstId`), from streams of their own
 * (`seed` for the petitions, `seed + 2` for reassignments), walked to 2026-11-30.
 */
export function laterReceipts(perYear: number, firstId: number, seed: number) {
  const rng = new SeededRandom(seed);
  const reassignments = new SeededRandom(seed + 2);
  const petitions: Petition[] = [];
  const events: PetitionEvent[] = [];
  const identities: DenouncerIdentity[] = [];
  for (const slot of receiptSlots(perYear)) {
    for (let i = 0; i < slot.count; i++) {
      const d = drawPetition(rng, reassignments, firstId + petitions.length, slot.place, [slot.from, slot.to], {
        until: LATER_UNTIL,
      });
      if (!inForceOn(slot.version, d.petition.receivedOn)) throw new Error(`petition ${d.petition.id}: off the map`);
      petitions.push(d.petition);
      events.push(...d.events);
      if (d.identity) identities.push(d.identity);
    }
  }
  return { petitions, events, identities };
}

/**
 * The petitions still open at the end of 2020 continue with the same script (walk.seed.ts), from a
 * stream of their own, their next steps dated from 2021-01-01: nothing before 2021 changes.
 * Returns the steps' events, in order, to be stored after the 2015–2020 ones.
 */
export function continueOpen(petitions: readonly Petition[], seed: number): PetitionEvent[] {
  const rng = new SeededRandom(seed);
  const events: PetitionEvent[] = [];
  for (const p of petitions) {
    if (!isOpen(p.status)) continue;
    const start = stateOf(p);
    const { state, steps } = walk(rng, start, p.anonymous, { until: LATER_UNTIL, floor: LATER_FROM });
    Object.assign(p, state, {
      version: p.version + steps.length,
      resolvedAtGrassroots: state.status === PetitionStatus.RESOLVED && rng.chance(0.6),
      conclusion: conclusionOf(state),
    });
    events.push(...eventsOf(p.id, start, steps));
  }
  return events;
}
