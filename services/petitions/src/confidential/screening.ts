/**
 * Screening free text for the denouncer's identity (Law on Denunciations 2018, Art. 47: nothing
 * that could reveal the denouncer may be disclosed). Pure functions, no database.
 *
 * - The name and the address are found whatever the case, the spacing and the diacritics
 *   ("PHAN VAN BI MAT" is "Phan Văn Bí Mật"); the address only whole (it is often the commune's
 *   own name otherwise).
 * - The phone and the ID number are found by their digits, written with spaces, dots, dashes or
 *   brackets between them, a phone also as +84 instead of its leading 0.
 *
 * `revealsDenouncer` is the published conclusion's check (refused when true); `screenDenouncer`
 * replaces each finding with `REDACTED` in the summary and the steps' notes that others read.
 */

export interface DenouncerFacts {
  fullName: string;
  address?: string | null;
  phone?: string | null;
  idNumber?: string | null;
}

/** What replaces a finding: the same in every language, plainly not the original. */
export const REDACTED = "[***]";

const MIN_NAME = 4;
const MIN_ADDRESS = 8;
const MIN_DIGITS = 6;

/** One character folded for matching: lower case, no diacritics, đ as d, any space as " ". */
function fold(ch: string): string {
  if (/\s/.test(ch)) return " ";
  return ch.normalize("NFD").replace(/\p{M}/gu, "").toLowerCase().replace(/đ/g, "d");
}

/** The folded text, with the original range of every folded character; runs of spaces count once. */
function folded(text: string): { text: string; from: number[]; to: number[] } {
  let out = "";
  const from: number[] = [];
  const to: number[] = [];
  let i = 0;
  for (const ch of text.normalize("NFC")) {
    const f = fold(ch);
    const end = i + ch.length;
    if (f === " " && out.endsWith(" ")) {
      to[to.length - 1] = end;
    } else {
      for (const c of f) {
        out += c;
        from.push(i);
        to.push(end);
      }
    }
    i = end;
  }
  return { text: out, from, to };
}

const foldWhole = (s: string) => folded(s).text.trim();

type Range = [number, number];

/** Ranges (in the NFC text) where the folded needle occurs, at word boundaries. */
function textRanges(haystack: ReturnType<typeof folded>, needle: string): Range[] {
  const ranges: Range[] = [];
  if (!needle) return ranges;
  const isWord = (c: string | undefined) => !!c && /[\p{L}\p{N}]/u.test(c);
  for (let at = haystack.text.indexOf(needle); at >= 0; at = haystack.text.indexOf(needle, at + 1)) {
    const end = at + needle.length;
    if (isWord(haystack.text[at - 1]) || isWord(haystack.text[end])) continue;
    ranges.push([haystack.from[at]!, haystack.to[end - 1]!]);
  }
  return ranges;
}

/** The digits a number is found by: a phone without its 0 or +84 prefix. */
function significantDigits(value: string, isPhone: boolean): string {
  const d = value.replace(/\D/g, "");
  return isPhone ? d.replace(/^(84|0)/, "") : d;
}

/** Ranges of digit runs (digits joined by spaces, dots, dashes, brackets or +) containing the number. */
function digitRanges(text: string, digits: string): Range[] {
  const ranges: Range[] = [];
  if (digits.length < MIN_DIGITS) return ranges;
  for (const run of text.matchAll(/[+(]?\d(?:[\d\s.\-()]*\d)?/g)) {
    const only = run[0].replace(/\D/g, "");
    if (only.includes(digits)) ranges.push([run.index, run.index + run[0].length]);
  }
  return ranges;
}

function findings(text: string, who: DenouncerFacts): Range[] {
  const nfc = text.normalize("NFC");
  const hay = folded(nfc);
  const name = foldWhole(who.fullName);
  const address = who.address ? foldWhole(who.address) : "";
  const ranges = [
    ...(name.length >= MIN_NAME ? textRanges(hay, name) : []),
    ...(address.length >= MIN_ADDRESS ? textRanges(hay, address) : []),
    ...(who.phone ? digitRanges(nfc, significantDigits(who.phone, true)) : []),
    ...(who.idNumber ? digitRanges(nfc, significantDigits(who.idNumber, false)) : []),
  ];
  ranges.sort((a, b) => a[0] - b[0]);
  const merged: Range[] = [];
  for (const r of ranges) {
    const last = merged[merged.length - 1];
    if (last && r[0] <= last[1]) last[1] = Math.max(last[1], r[1]);
    else merged.push([...r]);
  }
  return merged;
}

/** Whether a text names the denouncer or gives their address, phone or ID number. */
export function revealsDenouncer(text: string, who: DenouncerFacts): boolean {
  return findings(text, who).length > 0;
}

/** The text with each mention of the denouncer replaced by REDACTED (NFC); `changed` when any was. */
export function screenDenouncer(text: string, who: DenouncerFacts): { text: string; changed: boolean } {
  const nfc = text.normalize("NFC");
  const found = findings(nfc, who);
  if (found.length === 0) return { text, changed: false };
  let out = "";
  let at = 0;
  for (const [start, end] of found) {
    out += nfc.slice(at, start) + REDACTED;
    at = end;
  }
  return { text: out + nfc.slice(at), changed: true };
}

/** Screens a text against every identity given (none: the text unchanged). */
export function screenAll(text: string, who: readonly DenouncerFacts[]): string {
  return who.reduce((t, w) => screenDenouncer(t, w).text, text);
}
