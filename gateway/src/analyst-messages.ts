import { defineMessages, translate, type Language, type Message } from "@danvan/kit/i18n";
import { ANALYST_AGGREGATE_MESSAGES } from "./analyst-aggregate-messages.js";
import { ANALYST_PAGE_MESSAGES } from "./analyst-page-messages.js";
import { ANALYST_SCRIPT_MESSAGES } from "./analyst-script-messages.js";

/**
 * The analyst page's words, in English and Vietnamese (the `analyst` namespace), from its three
 * parts: the page's own (analyst-page-messages.ts), the aggregates' (analyst-aggregate-messages.ts)
 * and what its script says (analyst-script-messages.ts). `{{name}}` is filled in here; `{name}` in
 * a script line is left for the page's script (`scriptMessages`).
 */
export const analystMessage = defineMessages(
  "analyst",
  { ...ANALYST_PAGE_MESSAGES.en, ...ANALYST_AGGREGATE_MESSAGES.en, ...ANALYST_SCRIPT_MESSAGES.en },
  { ...ANALYST_PAGE_MESSAGES.vi, ...ANALYST_AGGREGATE_MESSAGES.vi, ...ANALYST_SCRIPT_MESSAGES.vi },
);

export type AnalystMessageKey = Parameters<typeof analystMessage>[0];

/** The text of an `analyst` message in `language`. */
export function analystText(key: AnalystMessageKey, language: Language, params?: Message["params"]): string {
  return translate(analystMessage(key, params), language);
}

const capitalised = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);
/** "NOT_PROCESSED_AS_DENUNCIATION" → "NotProcessedAsDenunciation", "AGE_16_30" → "Age1630". */
const pascal = (value: string) =>
  value
    .toLowerCase()
    .split("_")
    .map((part) => capitalised(part))
    .join("");

/** The message of an aggregate's name ("support" → aggregateSupport) and of its note. */
export const aggregateKey = (id: string) => `aggregate${capitalised(id)}` as AnalystMessageKey;
export const aggregateNoteKey = (id: string) => `note${capitalised(id)}` as AnalystMessageKey;
/** The message of a dimension's name, by its row field ("povertyStatus" → dimPovertyStatus). */
export const dimensionKey = (field: string) => `dim${capitalised(field)}` as AnalystMessageKey;
/** The message of a measure's name, by its row field ("amountVnd" → measureAmountVnd). */
export const measureKey = (field: string) => `measure${capitalised(field)}` as AnalystMessageKey;
/** The message of an enum value's label ("SupportKind", "TET_GIFT" → enumSupportKindTetGift). */
export const enumValueKey = (type: string, value: string) => `enum${type}${pascal(value)}` as AnalystMessageKey;

/** The lines of the page's script, each with its `{name}` placeholders (filled in by the script). */
export const SCRIPT_MESSAGE_KEYS = [
  "statusRunning",
  "statusDone",
  "statusFailed",
  "statusUnreachable",
  "statusCopied",
  "statusCopyFailed",
  "statusDownloaded",
  "callerPublic",
  "callerDev",
  "callerPasted",
  "callerNoToken",
  "errorsHeading",
  "errRequired",
  "errNoDimension",
  "errWholeNumber",
  "errCode",
  "errHttp",
  "resultRows",
  "truncated",
  "noRows",
  "rankingHeading",
  "rankingLeftOut",
  "chartLine",
  "chartBar",
  "chartOmitted",
  "suppressedTitle",
  "dimensionNone",
  "sortNone",
  "first",
] as const satisfies readonly AnalystMessageKey[];

export type ScriptMessages = Record<(typeof SCRIPT_MESSAGE_KEYS)[number], string>;

/** What the page's script reads from `data-messages`: its lines in the page's language. */
export function scriptMessages(language: Language): ScriptMessages {
  return Object.fromEntries(SCRIPT_MESSAGE_KEYS.map((key) => [key, analystText(key, language)])) as ScriptMessages;
}
