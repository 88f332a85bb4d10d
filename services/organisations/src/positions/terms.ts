import { PositionTitle } from "./position-title.js";

type Term = { title: PositionTitle; termStart: string; termEnd: string | null };

/** Two terms overlap when each begins before the other ends (an open term never ends). */
export function termsOverlap(a: Omit<Term, "title">, b: Omit<Term, "title">): boolean {
  return a.termStart <= (b.termEnd ?? "9999-12-31") && b.termStart <= (a.termEnd ?? "9999-12-31");
}

/** The titles that head a committee: its chair, or the Youth Union's secretary. */
const HEADS: readonly PositionTitle[] = [PositionTitle.CHAIR, PositionTitle.SECRETARY];

/** A committee has one head at a time; other titles may be held by several people. */
export function conflictingHead(existing: readonly Term[], proposed: Term): Term | undefined {
  if (!HEADS.includes(proposed.title)) return undefined;
  return existing.find((t) => t.title === proposed.title && termsOverlap(t, proposed));
}
