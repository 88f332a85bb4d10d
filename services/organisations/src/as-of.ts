import { todayInProvince } from "@danvan/kit";

/** An `asOf` Date argument (a real date: the scalar refuses anything else), today when omitted. */
export function dateOrToday(date: string | null | undefined): string {
  return date ?? todayInProvince();
}
