import { PositionTitle } from "./position-title.js";

type Term = { title: PositionTitle; termStart: string; termEnd: string | null };

/** Two terms overlap when each begins before the other ends (an open term never ends). */
export function termsOverlap(a: Omit<Term, "title">, b: Omit<Term, "title">): boolean {
  return a.termStart <= (b.termEnd ?? "9999-12-31") && b.termStart <= (a.termEnd ?? "9999-12-31");
}

/** A committee has one chair at a time; other titles may be held by several people. */
export function conflictingChair(existing: readonly Term[], proposed: Term): Term | undefined {
  if (proposed.title !== PositionTitle.CHAIR) return undefined;
  return existing.find((t) => t.title === PositionTitle.CHAIR && termsOverlap(t, proposed));
}
