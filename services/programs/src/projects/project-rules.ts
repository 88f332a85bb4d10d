/** A project's dates: it may run open-ended (no end), but it cannot end before it starts. */
export function endsBeforeItStarts(dates: { startsOn: string; endsOn: string | null }): boolean {
  return dates.endsOn !== null && dates.endsOn < dates.startsOn;
}
