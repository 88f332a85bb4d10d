/**
 * A day the government moved: a Saturday to be worked (`working: true`) in exchange for a weekday
 * off (`working: false`), or any other day its announcement makes a working day or a day off. It
 * overrides the weekends and holidays the Labour Code gives (holidays.ts).
 */
export interface DeclaredDay {
  readonly on: string;
  readonly working: boolean;
  /** The announcement: its number and date, or where it was published. */
  readonly decision: string;
}

const MOLISA_2015 =
  "MOLISA notice on the 2015 holidays (Tờ trình 89/TTr-LĐTBXH of 20/11/2014, approved by the Prime Minister)";
/** Read on tintuc.thuvienphapluat.vn (6/8/2018) and baonghean.vn: 31/12/2018 off, Saturday 5/1/2019 worked. */
const MOLISA_2019 =
  "Thông báo 3238/TB-LĐTBXH of 06/8/2018 (holidays 2019): Monday 31/12/2018 off, worked on Saturday 5/1/2019";
/**
 * Read on moj.gov.vn, baodanang.vn and dantocmiennui.baotintuc.vn: 30/4–4/5 off with Friday 2/5
 * swapped for Saturday 26/4; National Day Saturday 30/8 to Tuesday 2/9.
 */
const MOLISA_2025 =
  "Thông báo 6150/TB-BLĐTBXH of 03/12/2024 (Công văn 8726/VPCP-KGVX of 26/11/2024): 2/5 swapped for Saturday 26/4; National Day 1–2/9/2025";
/** Read on tracuuquyhoach.com (25/12/2025) and a copy of the news item on collector.com.tr. */
const VPCP_NEW_YEAR_2026 =
  "Công văn 12729/VPCP-KGVX of 25/12/2025: New Year 1–4/1/2026, Friday 2/1 swapped for Saturday 10/1";
/** Read on dantri.com.vn (13/10/2025) and vietbao.vn (Thông báo 9441 of 16/10/2025). */
const MOHA_2026 =
  "Bộ Nội vụ Thông báo 9441 of 16/10/2025 (Prime Minister's approval): National Day 1–2/9/2026, Monday 31/8 swapped for Saturday 22/8";

/**
 * The days the announcements for civil servants set differently from what holidays.ts computes,
 * with their source. Checked year by year against the announcements (each year's days off, as
 * working-calendar.ts computes them without these rows, compared with the announced ones):
 *
 * - 2016–2018, 2020–2023: the computed days are the announced ones, no row. 2016: Thông báo
 *   4659/TB-LĐTBXH of 13/11/2015 (no swap that year); 2017: Công văn 9794/VPCP-KGVX of 14/11/2016
 *   (Tết) and the year's schedule as published (vietnammoi.vn); 2018: Thông báo 5427/TB-LĐTBXH of
 *   22/12/2017; 2020: the Prime Minister's Tết decision (bacninhtv.vn, 8/10/2019) and the year's
 *   schedule (kienthuc.net.vn); 2021: Công văn 9895/VPCP-KGVX of 26/11/2020 and Thông báo
 *   4875/TB-LĐTBXH of 10/12/2020; 2022: Công văn 245/VPCP-KGVX of 11/1/2022 (Tết, National Day
 *   1–2/9), the other days by the Labour Code (vietnamplus.vn); 2023: Công văn 8056/VPCP-KGVX of
 *   1/12/2022 (Tết, National Day 1–4/9, "the other holidays by the Labour Code": no swap on 30/4,
 *   so no Saturday 6/5 worked).
 * - 2019, 2024, 2025, 2026: the rows below, and otherwise as computed. 2024: Tết and National Day
 *   as the Ministry of Labour announced them (sucsongtre.vn), the 30/4 swap by Công văn
 *   2450/VPCP-KGVX of 12/4/2024. 2026: 30/4–1/5 as the Labour Code gives them, as of 23/2/2026
 *   (thanhnien.vn: no swap announced then); a later swap is an administrator's to declare.
 *
 * Administrators add every later year's with `declareCalendarDay` (stored in `declared_calendar_day`;
 * migrations 1764200000010 and 1764200000070 write these rows there). Holidays moved by
 * decision are data, never code.
 */
export const DECLARED_DAYS: readonly DeclaredDay[] = [
  { on: "2014-12-27", working: true, decision: MOLISA_2015 },
  { on: "2015-01-02", working: false, decision: MOLISA_2015 },
  { on: "2015-02-14", working: true, decision: MOLISA_2015 },
  { on: "2015-02-16", working: false, decision: MOLISA_2015 },
  { on: "2015-04-25", working: true, decision: MOLISA_2015 },
  { on: "2015-04-29", working: false, decision: MOLISA_2015 },
  { on: "2018-12-31", working: false, decision: MOLISA_2019 },
  { on: "2019-01-05", working: true, decision: MOLISA_2019 },
  {
    on: "2019-04-29",
    working: false,
    decision: "Thông báo 3238/TB-LĐTBXH (2019): Monday 29/4 off, worked on Saturday 4/5",
  },
  {
    on: "2019-05-04",
    working: true,
    decision: "Thông báo 3238/TB-LĐTBXH (2019): Monday 29/4 off, worked on Saturday 4/5",
  },
  {
    on: "2024-04-29",
    working: false,
    decision: "Prime Minister's swap for 30/4–1/5/2024: Monday 29/4 off, worked on Saturday 4/5",
  },
  {
    on: "2024-05-04",
    working: true,
    decision: "Prime Minister's swap for 30/4–1/5/2024: Monday 29/4 off, worked on Saturday 4/5",
  },
  { on: "2025-04-26", working: true, decision: MOLISA_2025 },
  { on: "2025-05-02", working: false, decision: MOLISA_2025 },
  // National Day 2025: the day before (Monday 1/9), not the day after (holidays.ts's rule).
  { on: "2025-09-01", working: false, decision: MOLISA_2025 },
  { on: "2025-09-03", working: true, decision: MOLISA_2025 },
  { on: "2026-01-02", working: false, decision: VPCP_NEW_YEAR_2026 },
  { on: "2026-01-10", working: true, decision: VPCP_NEW_YEAR_2026 },
  // National Day 2026: Tuesday 1/9 with 2/9, and Monday 31/8 swapped with Saturday 22/8.
  { on: "2026-08-22", working: true, decision: MOHA_2026 },
  { on: "2026-08-31", working: false, decision: MOHA_2026 },
  { on: "2026-09-01", working: false, decision: MOHA_2026 },
  { on: "2026-09-03", working: true, decision: MOHA_2026 },
];
