/** What the IDE page (ide-page.ts) and its token maker (ide-token-maker.ts) both write. */
import type { Language } from "@danvan/kit/i18n";
import { ROLE_NAMES, type RoleName } from "./caller-token.js";
import { ideText, type IdeMessageKey } from "./ide-messages.js";

/** Text for HTML content or a quoted attribute: the five special characters as numeric entities. */
export function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

const ROLE_LABEL: Record<RoleName, IdeMessageKey> = {
  public: "rolePublic",
  officer: "roleOfficer",
  "handling-officer": "roleHandlingOfficer",
  analyst: "roleAnalyst",
  admin: "roleAdmin",
};

/** Every role as an <option>, labelled in the page's language (the role switcher and the token maker). */
export function roleOptions(language: Language): string {
  return ROLE_NAMES.map((r) => `<option value="${r}">${escapeHtml(ideText(ROLE_LABEL[r], language))}</option>`).join(
    "\n      ",
  );
}
