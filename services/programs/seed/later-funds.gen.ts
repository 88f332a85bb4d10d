import { referenceUnits } from "@danvan/kit/units";
import type { SeededRandom } from "@danvan/kit/seeding";
import type { Contribution, FundTransfer } from "../src/fund/contribution.entity.js";
import { DonorKind, FundEntryKind } from "../src/fund/fund-enums.js";
import type { FundBook } from "./fund-book.js";
import { donorDetails } from "./funds.gen.js";
import { fundOn, holdersOn, provinceOn } from "./map-of-the-day.js";
import { apportion, SPECS, type CommunePlan, type SeedScale } from "./plan.js";
import {
  FUND_RAISED_JAN_SEP_2020_VND,
  FUND_RAISED_LATER_VND,
  LAST_DAY,
  REGISTER_HOUSEHOLDS,
} from "./published-figures.js";

type Row<T> = Omit<T, "id"> & { id?: number };

/** A stretch of receipts: on one map, its total at full scale, whether it holds the October–November peak. */
interface Period {
  tag: string;
  from: string;
  to: string;
  total: bigint;
  map: 2019 | 2025;
}

const H1_2025_SHARE = 45n;
/** The stretches after 2019: 2020 split at 30 September (the published nine months), 2025 at the reorganisation. */
export const LATER_PERIODS: readonly Period[] = [
  { tag: "A", from: "2020-01-01", to: "2020-09-30", total: FUND_RAISED_JAN_SEP_2020_VND, map: 2019 },
  {
    tag: "B",
    from: "2020-10-01",
    to: "2020-12-31",
    total: FUND_RAISED_LATER_VND[0] - FUND_RAISED_JAN_SEP_2020_VND,
    map: 2019,
  },
  ...[2021, 2022, 2023, 2024].map((year, k) => ({
    tag: "A",
    from: `${year}-01-01`,
    to: `${year}-12-31`,
    total: FUND_RAISED_LATER_VND[k + 1]!,
    map: 2019 as const,
  })),
  {
    tag: "A",
    from: "2025-01-01",
    to: "2025-06-30",
    total: (FUND_RAISED_LATER_VND[5] * H1_2025_SHARE) / 100n,
    map: 2019,
  },
  {
    tag: "B",
    from: "2025-07-01",
    to: "2025-12-31",
    total: FUND_RAISED_LATER_VND[5] - (FUND_RAISED_LATER_VND[5] * H1_2025_SHARE) / 100n,
    map: 2025,
  },
  { tag: "A", from: "2026-01-01", to: LAST_DAY, total: FUND_RAISED_LATER_VND[6], map: 2025 },
];

const LEVEL_SHARE_2019 = { PROVINCE: 0.28, DISTRICT: 0.27, COMMUNE: 0.45 } as const;
const LEVEL_SHARE_2025 = { PROVINCE: 0.35, COMMUNE: 0.65 } as const;

/** A fund receiving in a period: its unit, level and households. */
interface Receiver {
  unitCode: string;
  level: "PROVINCE" | "DISTRICT" | "COMMUNE";
  households: number;
}

/** The funds of a period's map and the households behind each (`placed`: households per 2025 commune). */
function receiversOf(p: Period, plans: readonly CommunePlan[], placed: ReadonlyMap<string, number>): Receiver[] {
  if (p.map === 2025)
    return [
      { unitCode: "91", level: "PROVINCE", households: 0 },
      ...[...placed].sort().map(([unitCode, households]) => ({ unitCode, level: "COMMUNE" as const, households })),
    ];
  const communes = new Map<string, number>();
  const districts = new Map<string, number>();
  for (const plan of plans) {
    const code = holdersOn(plan.unit.code, p.from)[0]!;
    communes.set(code, (communes.get(code) ?? 0) + plan.households);
    districts.set(plan.districtCode, (districts.get(plan.districtCode) ?? 0) + plan.households);
  }
  const province = referenceUnits.find((u) => u.level === "PROVINCE")!.code;
  return [
    { unitCode: province, level: "PROVINCE", households: 0 },
    ...[...districts].map(([unitCode, households]) => ({ unitCode, level: "DISTRICT" as const, households })),
    ...[...communes].map(([unitCode, households]) => ({ unitCode, level: "COMMUNE" as const, households })),
  ];
}

/**
 * The contributions of one later period (LATER_PERIODS), adding up to its total at the scale, to
 * the funds of its map, weighted by level and households; most in the October–November peak when
 * the period holds it. Booked in `book`; ids from `firstId`.
 */
export function buildLaterContributions(
  scale: SeedScale,
  rng: SeededRandom,
  p: Period,
  plans: readonly CommunePlan[],
  placed: ReadonlyMap<string, number>,
  book: FundBook,
  firstId: number,
): Row<Contribution>[] {
  const spec = SPECS[scale];
  const total = (p.total * BigInt(spec.households)) / BigInt(REGISTER_HOUSEHOLDS);
  const receivers = receiversOf(p, plans, placed);
  const levelHouseholds = new Map<string, number>();
  for (const r of receivers) levelHouseholds.set(r.level, (levelHouseholds.get(r.level) ?? 0) + r.households);
  const year = Number(p.from.slice(0, 4));
  const months = (Number(p.to.slice(5, 7)) - Number(p.from.slice(5, 7)) + 1) / 12;
  const peakFrom = `${year}-10-17`;
  const peakTo = `${year}-11-18`;
  const peak = p.from <= peakFrom && peakTo <= p.to;
  const drafts: Omit<Row<Contribution>, "amountVnd">[] = [];
  const weights: number[] = [];
  for (const r of receivers) {
    const shares = p.map === 2025 ? LEVEL_SHARE_2025 : LEVEL_SHARE_2019;
    const levelShare = shares[r.level as keyof typeof shares];
    const share = r.level === "PROVINCE" ? levelShare : (levelShare * r.households) / levelHouseholds.get(r.level)!;
    const key = r.level === "PROVINCE" ? "province" : r.level === "DISTRICT" ? "district" : "commune";
    const count = Math.max(1, Math.round(spec.contributionsPerFundYear[key] * months));
    for (let i = 1; i <= count; i++) {
      weights.push((share / count) * (0.3 + rng.next() * 1.4));
      const inKind = rng.chance(0.25);
      const donorKind = rng.weighted([
        [DonorKind.ORGANISATION, 5],
        [DonorKind.PERSON, 4],
        [DonorKind.ANONYMOUS, 1],
      ] as const);
      const receivedOn = peak && rng.chance(0.6) ? rng.dateBetween(peakFrom, peakTo) : rng.dateBetween(p.from, p.to);
      drafts.push({
        id: firstId + drafts.length,
        fundId: fundOn(r.unitCode, p.from),
        unitCode: r.unitCode,
        receivedOn,
        ...donorDetails(rng, inKind, donorKind),
        collectedByUnitCode: r.unitCode,
        campaignId: null,
        receiptNumber: `${year}-${p.tag}${String(i).padStart(4, "0")}`,
        version: 1,
      });
    }
  }
  const thousands = apportion(Number(total / 1000n), weights);
  const rows = drafts.map((d, i) => ({ ...d, amountVnd: BigInt(thousands[i]!) * 1000n }));
  for (const c of rows)
    book.post(c.fundId, c.receivedOn, FundEntryKind.CONTRIBUTION, c.amountVnd, "Contribution", c.id!);
  return rows;
}

/**
 * A period's transfers down the levels at its end, as for 2010–2019 (funds.gen.ts): on the old map
 * the province passes 35% of its receipts to the districts on 5 December and each district 40% of
 * what it raised and received to its communes on 10 December; on the 2025 map, with no districts,
 * the province passes 40% to its communes (on 5 December, or 20 November 2026 before the last day).
 * Each transfer is no more than the sending fund holds from its date on.
 */
export function buildLaterTransfers(
  p: Period,
  plans: readonly CommunePlan[],
  placed: ReadonlyMap<string, number>,
  book: FundBook,
  nextId: () => number,
): Row<FundTransfer>[] {
  if (p.to.slice(5) < "11-30") return [];
  const year = Number(p.from.slice(0, 4));
  const receivers = receiversOf(p, plans, placed);
  const transfers: Row<FundTransfer>[] = [];
  const transfer = (from: string, to: string, wanted: bigint, on: string) => {
    const available = (book.available(from, on) / 1000n) * 1000n;
    const amount = wanted < available ? wanted : available;
    if (amount <= 0n) return;
    const id = nextId();
    transfers.push({
      id,
      fromFundId: from,
      toFundId: to,
      amountVnd: amount,
      transferredOn: on,
      note: "Điều tiết quỹ cuối năm",
    });
    book.post(from, on, FundEntryKind.TRANSFER_OUT, -amount, "FundTransfer", id);
    book.post(to, on, FundEntryKind.TRANSFER_IN, amount, "FundTransfer", id);
  };
  const raisedIn = (code: string) => book.raised.get(`${code}:${year}`) ?? 0n;
  const communes = receivers.filter((r) => r.level === "COMMUNE");
  const province = provinceOn(p.from);
  const provinceFund = fundOn(province, p.from);
  const share = (pool: bigint, to: readonly Receiver[]) =>
    apportion(
      Number(pool / 1000n),
      to.map((r) => r.households),
    );
  if (p.map === 2025) {
    const on = p.to === LAST_DAY ? "2026-11-20" : `${year}-12-05`;
    const shares = share((raisedIn(province) * 40n) / 100n, communes);
    communes.forEach((c, k) => transfer(provinceFund, fundOn(c.unitCode, on), BigInt(shares[k]!) * 1000n, on));
    return transfers;
  }
  const districts = receivers.filter((r) => r.level === "DISTRICT");
  const down = share((raisedIn(province) * 35n) / 100n, districts);
  districts.forEach((d, i) =>
    transfer(provinceFund, fundOn(d.unitCode, p.to), BigInt(down[i]!) * 1000n, `${year}-12-05`),
  );
  for (const [i, d] of districts.entries()) {
    const mine = plans.filter((pl) => pl.districtCode === d.unitCode).map((pl) => holdersOn(pl.unit.code, p.to)[0]!);
    const own = communes.filter((c) => mine.includes(c.unitCode));
    const pool = ((raisedIn(d.unitCode) + BigInt(down[i]!) * 1000n) * 40n) / 100n;
    const shares = share(pool, own);
    own.forEach((c, k) =>
      transfer(fundOn(d.unitCode, p.to), fundOn(c.unitCode, p.to), BigInt(shares[k]!) * 1000n, `${year}-12-10`),
    );
  }
  return transfers;
}
