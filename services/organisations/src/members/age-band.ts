/**
 * Age bands of the analysts' member figures, free of GraphQL and TypeORM. A member's age on a
 * date is read from the birth year alone (the register keeps no birthday): the date's year minus
 * the birth year. The youngest band also holds the few who joined at 14 or 15 (MIN_JOIN_AGE), so
 * that every member with a birth year falls in exactly one band.
 */
export enum AgeBand {
  AGE_16_30 = "AGE_16_30",
  AGE_31_45 = "AGE_31_45",
  AGE_46_60 = "AGE_46_60",
  AGE_OVER_60 = "AGE_OVER_60",
  UNKNOWN = "UNKNOWN",
}

/** Each band's oldest age, youngest band first; older than the last is AGE_OVER_60. */
const OLDEST: readonly [AgeBand, number][] = [
  [AgeBand.AGE_16_30, 30],
  [AgeBand.AGE_31_45, 45],
  [AgeBand.AGE_46_60, 60],
];

export function ageBandOf(birthYear: number | null, onYear: number): AgeBand {
  if (birthYear === null) return AgeBand.UNKNOWN;
  const age = onYear - birthYear;
  return OLDEST.find(([, oldest]) => age <= oldest)?.[0] ?? AgeBand.AGE_OVER_60;
}

/** The same rule as SQL over a birth-year column, for grouping in the database. */
export function ageBandSql(birthYearColumn: string, onYear: number): string {
  if (!Number.isInteger(onYear)) throw new Error("ageBandSql needs a whole year");
  const bands = OLDEST.map(([band, oldest]) => `WHEN ${onYear} - ${birthYearColumn} <= ${oldest} THEN '${band}'`);
  return `CASE WHEN ${birthYearColumn} IS NULL THEN '${AgeBand.UNKNOWN}' ${bands.join(" ")} ELSE '${AgeBand.AGE_OVER_60}' END`;
}
