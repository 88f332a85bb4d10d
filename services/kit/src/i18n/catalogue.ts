import i18next, { type i18n } from "i18next";
import type { Language } from "./language.js";

/**
 * A message for a person, not yet in a language: `key` is `<namespace>:<id>` in a catalogue
 * made with `defineMessages`, rendered in the caller's language when the answer is written.
 * Params name lengths, limits, types, paths and other messages (a status's own name, say);
 * never a value a client sent.
 */
export interface Message {
  readonly key: string;
  readonly params?: MessageParams;
}
export type MessageParams = Readonly<Record<string, string | number | Message>>;

/** The one i18next instance of the process: every package adds its namespace to it. */
const instance: i18n = i18next.createInstance();
void instance.init({
  lng: "en",
  fallbackLng: "en",
  supportedLngs: ["en", "vi"],
  initAsync: false,
  resources: {},
  // Messages are plain text, never HTML: nothing to escape.
  interpolation: { escapeValue: false },
});
// `{{thing, capitalize}}`: a nested name that starts a sentence ("Đơn vị hành chính này ...").
instance.services.formatter?.add("capitalize", (value: unknown) => {
  const text = String(value);
  return text.charAt(0).toLocaleUpperCase("vi") + text.slice(1);
});

/** What `defineMessages` returns: builds a Message of its namespace, the key checked at compile time. */
export type MessageFactory<K extends string> = ((key: K, params?: MessageParams) => Message) & {
  readonly namespace: string;
};

/**
 * Adds a namespace of messages in English and Vietnamese; the compiler checks that both have
 * the same keys. `{{name}}` interpolates a param (a Message param is rendered in the same language).
 */
export function defineMessages<const K extends string>(
  namespace: string,
  en: Readonly<Record<K, string>>,
  vi: Readonly<Record<K, string>>,
): MessageFactory<K> {
  instance.addResourceBundle("en", namespace, en, true, true);
  instance.addResourceBundle("vi", namespace, vi, true, true);
  const factory = (key: K, params?: MessageParams): Message =>
    params ? { key: `${namespace}:${key}`, params } : { key: `${namespace}:${key}` };
  return Object.assign(factory, { namespace });
}

export function isMessage(value: unknown): value is Message {
  return typeof value === "object" && value !== null && typeof (value as Message).key === "string";
}

/** The text of `message` in `language`. */
export function translate(message: Message, language: Language): string {
  const params: Record<string, string | number> = {};
  for (const [name, value] of Object.entries(message.params ?? {})) {
    params[name] = isMessage(value) ? translate(value, language) : value;
  }
  return instance.t(message.key, { ...params, lng: language });
}

/** The keys of a namespace in a language: for the test that every message has both languages. */
export function catalogueKeys(namespace: string, language: Language): string[] {
  return Object.keys(instance.getResourceBundle(language, namespace) ?? {});
}

/** True when `key` (`ns:id`) is in a catalogue. */
export function hasMessage(key: string): boolean {
  return instance.exists(key, { lng: "en" });
}
