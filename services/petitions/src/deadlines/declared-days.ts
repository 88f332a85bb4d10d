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

/**
 * The swaps announced for civil servants in the data's years, with their source. Administrators
 * add the others, and every later year's, with `declareCalendarDay` (stored in `declared_calendar_day`;
 * the seed writes these rows there). Holidays moved by decision are data, never code.
 */
export const DECLARED_DAYS: readonly DeclaredDay[] = [
  { on: "2014-12-27", working: true, decision: MOLISA_2015 },
  { on: "2015-01-02", working: false, decision: MOLISA_2015 },
  { on: "2015-02-14", working: true, decision: MOLISA_2015 },
  { on: "2015-02-16", working: false, decision: MOLISA_2015 },
  { on: "2015-04-25", working: true, decision: MOLISA_2015 },
  { on: "2015-04-29", working: false, decision: MOLISA_2015 },
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
];
