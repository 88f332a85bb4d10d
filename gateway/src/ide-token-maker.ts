/**
 * The IDE page's token maker, on a development gateway only: a form for a token of any role,
 * unit, organisation, subject and lifetime, which the page's script (ide-script.ts) posts to
 * /ide/dev-token (ide-routes.ts, dev-tokens.ts).
 */
import type { Language } from "@danvan/kit/i18n";
import { seededHandlingOfficers } from "@danvan/kit/identity";
import { childrenOf, PROVINCE_CODE, PROVINCE_CODE_2025, unitByCode, type ReferenceUnit } from "@danvan/kit/units";
import { escapeHtml, roleOptions } from "./ide-html.js";
import { ideText, type IdeMessageKey } from "./ide-messages.js";

/**
 * The units as options: today's province (91) and its communes, then old An Giang (89, until
 * 2025-06-30), each district followed by its communes, indented by level. A code names the unit it
 * names now, so an officer of a 2025 commune also sees its predecessors' records. A commune's option
 * lists its seeded handling officers (`data-handlers`).
 */
export function unitOptions(): string {
  const out: string[] = [];
  const add = (unit: ReferenceUnit, depth: number) => {
    const indent = "\u00a0\u00a0\u00a0\u00a0".repeat(depth);
    const handlers = unit.level === "COMMUNE" ? ` data-handlers="${seededHandlingOfficers(unit.code).join(" ")}"` : "";
    out.push(
      `<option value="${unit.code}" data-level="${unit.level}"${handlers}>${indent}${escapeHtml(`${unit.code} · ${unit.name}`)}</option>`,
    );
    for (const child of childrenOf(unit.code)) add(child, depth + 1);
  };
  for (const code of [PROVINCE_CODE_2025, PROVINCE_CODE]) {
    const province = unitByCode(code);
    if (province) add(province, 0);
  }
  return out.join("\n        ");
}

const TTL_OPTIONS: readonly [string, IdeMessageKey][] = [
  ["15m", "ttl15m"],
  ["1h", "ttl1h"],
  ["8h", "ttl8h"],
  ["1d", "ttl1d"],
  ["7d", "ttl7d"],
];

/** The form, in the page's language (a folded <details> under the page's bar). */
export function tokenMaker(language: Language): string {
  const t = (key: IdeMessageKey) => escapeHtml(ideText(key, language));
  return `<details id="maker">
    <summary>${t("makerSummary")}</summary>
    <form id="maker-form" autocomplete="off">
      <label>${t("role")}
        <select id="maker-role" name="role">
      ${roleOptions(language)}
        </select>
      </label>
      <label>${t("makerUnit")}
        <select id="maker-unit" name="unit">
        <option value="">${t("makerUnitNone")}</option>
        ${unitOptions()}
        </select>
      </label>
      <label>${t("makerOrg")} <input id="maker-org" name="org" maxlength="64" spellcheck="false" placeholder="${t("makerOrgPlaceholder")}"></label>
      <label>${t("makerSub")} <input id="maker-sub" name="sub" maxlength="128" spellcheck="false" list="maker-subjects" placeholder="${t("makerSubPlaceholder")}"></label>
      <datalist id="maker-subjects"></datalist>
      <label>${t("makerTtl")}
        <select id="maker-ttl" name="ttl">
          ${TTL_OPTIONS.map(([v, key]) => `<option value="${v}"${v === "1h" ? " selected" : ""}>${t(key)}</option>`).join("\n          ")}
        </select>
      </label>
      <button id="maker-submit" type="submit">${t("makerSubmit")}</button>
      <p class="note">${t("makerNote")}</p>
      <p id="maker-output" hidden>
        <label for="maker-token">${t("makerResult")}</label>
        <textarea id="maker-token" readonly rows="2" spellcheck="false"></textarea>
        <button id="maker-copy" type="button">${t("makerCopy")}</button>
      </p>
    </form>
  </details>`;
}
