import {
  PROVINCE_CODE_2025,
  REORGANISATION_2025,
  successorsOf,
  todaysCommuneOf,
  unitVersions,
  versionsOf,
} from "@danvan/kit";
import { MAP_2025_SUFFIX, fundIdFor } from "./fund.entity.js";

/**
 * The funds follow the map (issue 27), as data free of TypeORM: the seed (seed/funds.gen.ts) and
 * migration 1764100000040 write the same funds and carry-overs from it.
 *
 * From 2025-07-01 the merged province 91 and each of its 102 communes has a Fund for the Poor,
 * kept by its Front committee ("MTTQ-30307-25", the organisations subgraph's 2025 committees), with
 * the id "QVNN-<code>-25": codes are reused, and "QVNN-30307" stays Phường Mỹ Hòa's fund. Each
 * fund of the 2019 map closes on its unit's last day and its balance goes, by a recorded transfer
 * dated the next day, to the fund of the unit that took its territory:
 * - an old commune's to its 2025 commune's fund (kit `todaysCommuneOf`); a commune split in 2025
 *   goes whole to one part (the part that kept its code, else the first by code): no record says
 *   how its money would have been shared;
 * - Phường Đông Xuyên's, whose ward merged into Phường Mỹ Xuyên on 2025-01-01 (Res.
 *   1285/NQ-UBTVQH15), to Mỹ Xuyên's fund that day, which goes on to Phường Long Xuyên's on
 *   2025-07-01;
 * - a district's and old province 89's to province 91's (no district level from 2025-07-01).
 */

const dayAfter = (date: string): string =>
  new Date(Date.parse(`${date}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);

/** A fund of the 2025 map, as the fund table holds it. */
export interface Fund2025 {
  id: string;
  organisationId: string;
  unitCode: string;
  name: string;
  openedOn: string;
}

/** The note of a carry-over transfer: what it is and the acts behind it (Vietnamese, as the books keep it). */
const NOTE_2025 =
  "Kết chuyển số dư khi sắp xếp đơn vị hành chính từ 01/7/2025 (Nghị quyết 202/2025/QH15; Nghị quyết 1654/NQ-UBTVQH15)";
const NOTE_DONG_XUYEN =
  "Kết chuyển số dư khi phường Đông Xuyên nhập vào phường Mỹ Xuyên từ 01/01/2025 (Nghị quyết 1285/NQ-UBTVQH15)";

/** The province's and the 102 communes' funds from 2025-07-01. */
export function funds2025(): Fund2025[] {
  return unitVersions
    .filter((v) => v.validFrom === REORGANISATION_2025)
    .map((v) => ({
      id: fundIdFor(v.code, v.validFrom),
      organisationId: `MTTQ-${v.code}${MAP_2025_SUFFIX}`,
      unitCode: v.code,
      name: `Quỹ Vì người nghèo ${v.name}`,
      openedOn: REORGANISATION_2025,
    }));
}

/** How a fund of the 2019 map closes: its last day, and where its balance goes the day after. */
export interface CarryOver {
  fromFundId: string;
  toFundId: string;
  /** The fund's last day (`fund.closed_on`). */
  lastDay: string;
  /** The transfer's date: the day after. */
  on: string;
  note: string;
}

/** The carry-over of the fund of a 2019 map's unit (a code of the 2019 list), or null for another code. */
export function carryOverOf(unitCode: string): CarryOver | null {
  const old = versionsOf(unitCode).filter((v) => v.validFrom < REORGANISATION_2025);
  const last = old[old.length - 1];
  if (!last?.validTo) return null;
  const on = dayAfter(last.validTo);
  const carry = (to: string, note: string): CarryOver => ({
    fromFundId: fundIdFor(unitCode),
    toFundId: to,
    lastDay: last.validTo!,
    on,
    note,
  });
  if (last.level !== "COMMUNE") return carry(fundIdFor(PROVINCE_CODE_2025, REORGANISATION_2025), NOTE_2025);
  if (on < REORGANISATION_2025) {
    // Ended before the reorganisation (Đông Xuyên): into the ward that took it, on the 2019 map's fund.
    const next = successorsOf(last)[0];
    return next ? carry(fundIdFor(next.to.code), NOTE_DONG_XUYEN) : null;
  }
  const today = todaysCommuneOf(unitCode);
  return today ? carry(fundIdFor(today.code, REORGANISATION_2025), NOTE_2025) : null;
}

/** The carry-overs of many funds of the 2019 map, in the order they happen (by date, then fund id). */
export function carryOversOf(unitCodes: readonly string[]): CarryOver[] {
  return unitCodes
    .map(carryOverOf)
    .filter((c): c is CarryOver => c !== null)
    .sort((a, b) => (a.on !== b.on ? (a.on < b.on ? -1 : 1) : a.fromFundId < b.fromFundId ? -1 : 1));
}
