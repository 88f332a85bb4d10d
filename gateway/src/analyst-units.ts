/**
 * The analyst page's units (issue 27): today's province (91, selected) and its 2025 communes,
 * then old An Giang (89, until 2025-06-30) with its districts and communes, as ide-token-maker.ts
 * lists them. An aggregate's `unitCode` names the unit the code names now, so an old commune
 * whose code a 2025 unit took over (30307: Phường Mỹ Hòa, now Phường Long Xuyên) cannot be asked
 * for alone: its option is shown, disabled, with the unit its code names now; its figures are
 * its district's, grouped by commune on the map as recorded.
 */
import type { Language } from "@danvan/kit/i18n";
import {
  childrenOf,
  latestUnit,
  PROVINCE_CODE,
  PROVINCE_CODE_2025,
  REORGANISATION_2025,
  unitByCode,
  versionsOf,
  type ReferenceUnit,
} from "@danvan/kit/units";
import { analystText } from "./analyst-messages.js";
import { escapeHtml } from "./ide-html.js";

/** The unit the page selects at first: today's province. */
export const DEFAULT_UNIT_CODE = PROVINCE_CODE_2025;

/** A date as the page's language writes it: 01/07/2025, 2025-07-01. */
function dateText(iso: string, language: Language): string {
  return language === "vi" ? iso.split("-").reverse().join("/") : iso;
}

/** The day before an ISO date. */
function dayBefore(iso: string): string {
  const d = new Date(`${iso}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() - 1);
  return d.toISOString().slice(0, 10);
}

/** An old An Giang unit's name as it last stood before the 2025 reorganisation (Tịnh Biên became a town in 2021). */
function lastOldName(unit: ReferenceUnit): string {
  const old = versionsOf(unit.code).filter((v) => v.validFrom < REORGANISATION_2025);
  return old.at(-1)?.name ?? unit.name;
}

/**
 * The units as options, indented by level: province 91 (selected) and its communes, then province
 * 89 with each district followed by its communes. An old commune whose code now names a 2025
 * unit is disabled (`data-now` names that unit).
 */
export function analystUnitOptions(language: Language): string {
  const out: string[] = [];
  const add = (unit: ReferenceUnit, depth: number, old: boolean) => {
    const indent = "\u00a0\u00a0\u00a0\u00a0".repeat(depth);
    const now = old ? latestUnit(unit.code) : undefined;
    const reused = now !== undefined && now.validFrom >= REORGANISATION_2025;
    let label = `${unit.code} · ${old ? lastOldName(unit) : unit.name}`;
    if (unit.code === PROVINCE_CODE_2025 && !old)
      label += ` (${analystText("unitFrom", language, { date: dateText(REORGANISATION_2025, language) })})`;
    if (unit.code === PROVINCE_CODE && old)
      label += ` (${analystText("unitUntil", language, { date: dateText(dayBefore(REORGANISATION_2025), language) })})`;
    if (reused) label += ` (${analystText("unitCodeNow", language, { name: now.name })})`;
    const attrs = [`value="${unit.code}"`, `data-level="${unit.level}"`];
    if (reused) attrs.push(`data-now="${escapeHtml(now.name)}"`, "disabled");
    if (!old && unit.code === DEFAULT_UNIT_CODE) attrs.push("selected");
    out.push(`<option ${attrs.join(" ")}>${indent}${escapeHtml(label)}</option>`);
    for (const child of childrenOf(unit.code)) add(child, depth + 1, old);
  };
  const today = unitByCode(PROVINCE_CODE_2025);
  if (today) add(today, 0, false);
  const before = unitByCode(PROVINCE_CODE);
  if (before) add(before, 0, true);
  return out.join("\n        ");
}
