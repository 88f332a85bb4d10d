import {
  isKienGiangUnit,
  latestUnit,
  REORGANISATION_2025,
  todaysCommuneOf,
  unitOn,
  unitVersionKey,
  unitVersions,
  valuesTable,
  versionsOf,
  type FigureUnit,
  type UnitVersion,
} from "@danvan/kit";
import { UnitMap } from "@danvan/kit/federation";
import type { DataSource } from "typeorm";
import { figureOfKey, figureRef } from "../figure-units.js";

/**
 * Where the grouped aggregates put a fact (issue 27): the place table `s` their place dimensions
 * (DISTRICT, COMMUNE, a contribution's FUND_LEVEL) are read from, on either map.
 *
 * AS_RECORDED: a fact is under the unit version its code named on the fact's date, so Phường Mỹ
 * Hòa's 2019 facts and Phường Long Xuyên's 2026 ones (both under code 30307) are two rows, and a
 * commune's district is the district version of that day (Huyện Tịnh Biên before 2023-04-10, Thị xã
 * Tịnh Biên after); facts from 2025-07-01 have no district. The map only changes on a few days
 * (every version's first day, the "epochs"), so the facts are grouped by their epoch in SQL and
 * the table has one row per code and epoch. A code not in force on a day (an old commune's record
 * dated after 2025-06-30) keeps the last version it had.
 *
 * TODAY: a commune's facts are under the 2025 commune it went into (kit todaysCommuneOf; a commune
 * split in 2025 under one part, `approximate`); there are no districts; a fund's level stays the
 * level of the fund that received the money.
 */

/** The days the map changed (every version's first day), newest first. */
const EPOCHS: readonly string[] = [...new Set(unitVersions.map((v) => v.validFrom))].sort().reverse();

/** The epoch of a day: the last day the map changed on or before it (the first for earlier days). */
export function epochOf(day: string): string {
  return EPOCHS.find((e) => e <= day) ?? EPOCHS[EPOCHS.length - 1]!;
}

/**
 * SQL for the epoch of a fact: `column` a date (or a date-valued expression) or, with
 * `"month"`, a `YYYY-MM` text (a month is in the epoch its first change falls in: April 2023 is
 * counted after the change of 2023-04-10, as the month rollup cannot split it).
 */
export function epochSql(column: string, unit: "day" | "month"): string {
  const bound = (e: string) => (unit === "day" ? e : e.slice(0, 7));
  const whens = EPOCHS.slice(0, -1).map((e) => `WHEN ${column} >= '${bound(e)}' THEN '${e}'`);
  return `CASE ${whens.join(" ")} ELSE '${EPOCHS[EPOCHS.length - 1]}' END`;
}

/** The version a code named on a day; else the last that began by then; else its first. */
function versionAt(code: string, day: string): UnitVersion | undefined {
  const list = versionsOf(code);
  return unitOn(code, day) ?? [...list].reverse().find((v) => v.validFrom <= day) ?? list[0];
}

/** A version's district on a day of its validity (`''` for a province, a district-less 2025 commune). */
function districtKeyOf(v: UnitVersion, day: string): string {
  if (v.level === "DISTRICT") return unitVersionKey(v);
  if (v.level !== "COMMUNE" || !v.parentCode) return "";
  const inside = day < v.validFrom ? v.validFrom : v.validTo !== null && day > v.validTo ? v.validTo : day;
  const parent = versionAt(v.parentCode, inside);
  return parent?.level === "DISTRICT" ? unitVersionKey(parent) : "";
}

/** One row of the place table: district key, commune key, level, approximate ('1'/'0'). */
function placeOf(v: UnitVersion, epoch: string, map: UnitMap): [string, string, string, string] {
  if (map === UnitMap.AS_RECORDED)
    return [districtKeyOf(v, epoch), v.level === "COMMUNE" ? unitVersionKey(v) : "", v.level, "0"];
  if (v.level !== "COMMUNE") return ["", "", v.level, "0"];
  if (v.validFrom >= REORGANISATION_2025) return ["", unitVersionKey(v), v.level, "0"];
  const today = todaysCommuneOf(v.code);
  const version = today ? latestUnit(today.code) : undefined;
  return ["", version ? unitVersionKey(version) : "", v.level, today?.approximate ? "1" : "0"];
}

export interface UnitPlaces {
  /** The facts' unit column. */
  key: string;
  /** The facts' epoch (epochSql); absent when every fact has the same day. */
  epoch?: string;
  table: { sql: string; params: string[] };
  column: string;
  /** A place column that is '1' where the place is approximate (TODAY's split communes), when asked for. */
  flag?: string;
}

/**
 * The place table `s` for facts kept under `codes`: `s.unit_code`, `s.epoch`, `s.district_key`
 * and `s.commune_key` (`code@validFrom`, `''` where none), `s.level`, `s.approximate`. The facts'
 * day is `on`: an SQL date expression (`{ sql }`), a `YYYY-MM` one (`{ month }`), or one day for
 * all (`{ day }`, a review year's). With `flagged`, the statement also says whether any group
 * holds facts placed approximately (runGrouping's `flagged`).
 */
export function unitPlaces(
  ds: DataSource,
  codes: readonly string[],
  key: string,
  on: { sql: string } | { month: string } | { day: string },
  options: { map: UnitMap; flagged: boolean },
): UnitPlaces {
  const epochs = "day" in on ? [epochOf(on.day)] : EPOCHS;
  const rows: string[][] = [];
  for (const code of codes)
    for (const epoch of epochs) {
      const v = versionAt(code, epoch);
      if (v) rows.push([code, epoch, ...placeOf(v, epoch, options.map)]);
    }
  return {
    key,
    ...("sql" in on ? { epoch: epochSql(on.sql, "day") } : "month" in on ? { epoch: epochSql(on.month, "month") } : {}),
    table: valuesTable(ds, rows, "s", ["unit_code", "epoch", "district_key", "commune_key", "level", "approximate"]),
    column: "unit_code",
    ...(options.flagged ? { flag: "approximate" } : {}),
  };
}

/**
 * The communes among `codes` (with records: old An Giang's) that the TODAY map places under one
 * part of their 2025 split, as their last version before the split.
 */
export function splitCommunesIn(codes: readonly string[]): FigureUnit[] {
  return codes.flatMap((code) => {
    if (!todaysCommuneOf(code)?.approximate) return [];
    const before = versionsOf(code).filter((v) => v.level === "COMMUNE" && v.validFrom < REORGANISATION_2025);
    const last = before[before.length - 1];
    return last && !isKienGiangUnit(last) ? [{ code, validFrom: last.validFrom }] : [];
  });
}

/** A place dimension's value (`code@validFrom`) as the graph's reference to that version. */
export function placeRef(value: string | number | null | undefined) {
  return value != null && value !== "" ? figureRef(figureOfKey(String(value))) : null;
}

/** The SQL of the place dimensions (the keys' `''` as null). */
export const PLACE = {
  DISTRICT: { value: "NULLIF(s.district_key, '')", fromPlace: true },
  COMMUNE: { value: "NULLIF(s.commune_key, '')", fromPlace: true },
} as const;
