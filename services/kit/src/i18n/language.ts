import { AsyncLocalStorage } from "node:async_hooks";
import Negotiator from "negotiator";

/** The languages the graph speaks to people: Vietnamese, and English for everyone else. */
export const LANGUAGES = ["vi", "en"] as const;
export type Language = (typeof LANGUAGES)[number];

/**
 * The language of an `Accept-Language` header: Vietnamese when the caller prefers it to English
 * (`vi`, `vi-VN`, `vi;q=0.9, en;q=0.8`, ...), English otherwise, a missing or garbled header included.
 */
export function languageFromHeader(header: string | undefined): Language {
  if (!header) return "en";
  const best = new Negotiator({ headers: { "accept-language": header } }).language(["en", "vi"]);
  return best === "vi" ? "vi" : "en";
}

const current = new AsyncLocalStorage<Language>();

/** Runs `fn` (and everything it starts) for a caller who reads `language`. */
export function inLanguage<T>(language: Language, fn: () => T): T {
  return current.run(language, fn);
}

/** The language of the request being served; English outside any request. */
export function currentLanguage(): Language {
  return current.getStore() ?? "en";
}
