const RECEPTION = "Law on Citizen Reception 2013 (42/2013/QH13)";

/** The level of the People's Committee whose chair receives citizens. */
export type ReceptionLevel = "COMMUNE" | "DISTRICT" | "PROVINCE";

export interface ReceptionFrequency {
  /** Reception days the chair must hold in person in each period, at least. */
  readonly days: number;
  readonly per: "WEEK" | "MONTH";
  readonly law: string;
}

/**
 * How often the chair of each level must receive citizens in person, on a regular schedule
 * ("tiếp công dân định kỳ"); extra, unscheduled receptions (Art. 18(3)) come on top.
 */
export const RECEPTION_FREQUENCY: Readonly<Record<ReceptionLevel, ReceptionFrequency>> = {
  COMMUNE: {
    days: 1,
    per: "WEEK",
    law: `${RECEPTION}, Art. 15(2)(d): the commune chair receives citizens at the committee's seat at least 1 day a week`,
  },
  DISTRICT: {
    days: 2,
    per: "MONTH",
    law: `${RECEPTION}, Art. 13(5): the district chair receives citizens at the district reception office at least 2 days a month`,
  },
  PROVINCE: {
    days: 1,
    per: "MONTH",
    law: `${RECEPTION}, Art. 12(5): the province chair receives citizens at the provincial reception office at least 1 day a month`,
  },
};
