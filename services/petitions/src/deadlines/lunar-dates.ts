/**
 * The lunar dates the public holidays depend on, as solar dates (Vietnam's lunar calendar, reckoned
 * at UTC+7, which differs from the Chinese one in some years: Tết 2030 is 2 February here, 3 February
 * in China). Per solar year: Tết (the 1st day of the 1st lunar month) and Hùng Kings' day (the 10th
 * day of the 3rd lunar month).
 *
 * Source: Hồ Ngọc Đức's Vietnamese lunar calendar algorithm ("Âm lịch Việt Nam"), as implemented by
 * the npm package @dqcai/vn-lunar 1.0.1 (run once to print this table; not a dependency), and checked
 * against the dates the Ministry of Labour announced for 2015–2026 (e.g. Tết 2020: 25 January,
 * Hùng Kings' day 2019: 14 April). The table covers the data (2010 on) and ten years ahead; beyond
 * it a calendar knows only weekends and the solar holidays (working-calendar.ts).
 */
export const LUNAR_DATES: readonly (readonly [year: number, tet: string, hungKings: string])[] = [
  [2010, "2010-02-14", "2010-04-23"],
  [2011, "2011-02-03", "2011-04-12"],
  [2012, "2012-01-23", "2012-03-31"],
  [2013, "2013-02-10", "2013-04-19"],
  [2014, "2014-01-31", "2014-04-09"],
  [2015, "2015-02-19", "2015-04-28"],
  [2016, "2016-02-08", "2016-04-16"],
  [2017, "2017-01-28", "2017-04-06"],
  [2018, "2018-02-16", "2018-04-25"],
  [2019, "2019-02-05", "2019-04-14"],
  [2020, "2020-01-25", "2020-04-02"],
  [2021, "2021-02-12", "2021-04-21"],
  [2022, "2022-02-01", "2022-04-10"],
  [2023, "2023-01-22", "2023-04-29"],
  [2024, "2024-02-10", "2024-04-18"],
  [2025, "2025-01-29", "2025-04-07"],
  [2026, "2026-02-17", "2026-04-26"],
  [2027, "2027-02-06", "2027-04-16"],
  [2028, "2028-01-26", "2028-04-04"],
  [2029, "2029-02-13", "2029-04-23"],
  [2030, "2030-02-02", "2030-04-12"],
  [2031, "2031-01-23", "2031-04-01"],
  [2032, "2032-02-11", "2032-04-19"],
  [2033, "2033-01-31", "2033-04-09"],
  [2034, "2034-02-19", "2034-04-28"],
  [2035, "2035-02-08", "2035-04-17"],
  [2036, "2036-01-28", "2036-04-06"],
  [2037, "2037-02-15", "2037-04-24"],
];

export const LUNAR_FIRST_YEAR = LUNAR_DATES[0]![0];
export const LUNAR_LAST_YEAR = LUNAR_DATES[LUNAR_DATES.length - 1]![0];

/** Tết and Hùng Kings' day of a solar year, or null outside the table. */
export function lunarDatesOf(year: number): { tet: string; hungKings: string } | null {
  const row = LUNAR_DATES.find(([y]) => y === year);
  return row ? { tet: row[1], hungKings: row[2] } : null;
}
