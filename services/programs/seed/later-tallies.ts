import type { HouseholdYearTally } from "../src/households/household-year-tally.entity.js";
import type { PovertyTally } from "../src/poverty/poverty-classification.entity.js";
import type { SupportMonthTally } from "../src/support/support-month-tally.entity.js";
import type { SupportTally } from "../src/support/support-tally.entity.js";
import type { HouseTally } from "../src/houses/house-tally.entity.js";
import { UNREVIEWED } from "../src/support/support-funding.js";

/**
 * The rollups of the records after 2019, summed over the whole province before they are written:
 * on the 2025 map several old communes' records fall under one 2025 commune (and one code, 30307,
 * is reused), so a tally row cannot be written commune by commune as for 2010–2019. Small: rows
 * per unit, year (or month) and kind.
 */
export class LaterTallies {
  readonly poverty = new Map<string, PovertyTally>();
  readonly householdYear = new Map<string, HouseholdYearTally>();
  readonly support = new Map<string, SupportTally>();
  readonly supportMonth = new Map<string, SupportMonthTally>();
  readonly house = new Map<string, HouseTally>();

  review(communeCode: string, year: number, status: string, area: string, size: number) {
    const key = `${communeCode}:${year}`;
    const t = this.poverty.get(key) ?? ({ communeCode, year, households: 0, poor: 0, nearPoor: 0 } as PovertyTally);
    t.households++;
    if (status === "POOR") t.poor++;
    else if (status === "NEAR_POOR") t.nearPoor++;
    this.poverty.set(key, t);
    const hKey = `${key}:${area}:${size}:${status}`;
    const h =
      this.householdYear.get(hKey) ??
      ({ year, communeCode, area, memberCount: size, status, households: 0, people: 0 } as HouseholdYearTally);
    h.households++;
    h.people += size;
    this.householdYear.set(hKey, h);
  }

  supportEvent(
    e: { communeCode: string; givenOn: string; kind: string; amountVnd: bigint; recipientStatus: string | null },
    funding: string,
    listed: boolean,
  ) {
    const year = Number(e.givenOn.slice(0, 4));
    const key = `${e.communeCode}:${year}:${e.kind}`;
    const t =
      this.support.get(key) ??
      ({ communeCode: e.communeCode, year, kind: e.kind, visits: 0, listedVisits: 0, amountVnd: 0n } as SupportTally);
    t.visits++;
    if (listed) t.listedVisits++;
    t.amountVnd += e.amountVnd;
    this.support.set(key, t);
    const month = e.givenOn.slice(0, 7);
    // The rollup's key, as supportEventSource reads the event: UNREVIEWED before the year's review.
    const recipientStatus = e.recipientStatus ?? UNREVIEWED;
    const mKey = `${e.communeCode}:${month}:${e.kind}:${funding}:${recipientStatus}`;
    const m =
      this.supportMonth.get(mKey) ??
      ({
        month,
        communeCode: e.communeCode,
        kind: e.kind,
        funding,
        recipientStatus,
        events: 0,
        amountVnd: 0n,
      } as SupportMonthTally);
    m.events++;
    m.amountVnd += e.amountVnd;
    this.supportMonth.set(mKey, m);
  }

  handedOver(communeCode: string, on: string, kind: string) {
    const year = Number(on.slice(0, 4));
    const key = `${communeCode}:${year}:${kind}`;
    const t = this.house.get(key) ?? ({ communeCode, year, kind, handedOver: 0 } as HouseTally);
    t.handedOver++;
    this.house.set(key, t);
  }
}
