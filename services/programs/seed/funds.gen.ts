import { referenceUnits } from "@danvan/kit/units";
import { syntheticName, type SeededRandom } from "@danvan/kit/seeding";
import { fundIdFor, type Fund } from "../src/fund/fund.entity.js";
import type { Contribution, FundTransfer } from "../src/fund/contribution.entity.js";
import { ContributionForm, DonorKind, FundEntryKind } from "../src/fund/fund-enums.js";
import { carryOversOf, funds2025 } from "../src/fund/funds-2025.js";
import type { FundBook } from "./fund-book.js";
import { apportion, PUBLISHED, SPECS, YEARS, type CommunePlan, type SeedScale } from "./plan.js";

type Row<T> = Omit<T, "id"> & { id?: number };

/**
 * The 168 funds of the 2019 map, one per committee, each closed on its unit's last day with its
 * carry-over (`closures`, from buildCarryOvers), and the 103 funds of the 2025 map (funds-2025.ts),
 * each with the lowest balance its seeded ledger reaches (`book`, filled first).
 */
export function buildFunds(book: FundBook, closures: ReadonlyMap<string, Closure>): Fund[] {
  const lowest = book.lowestBalances();
  const rows = [
    ...referenceUnits.map((u) => ({
      id: fundIdFor(u.code),
      organisationId: `MTTQ-${u.code}`,
      unitCode: u.code,
      name: `Quỹ Vì người nghèo ${u.name}`,
      openedOn: "2009-01-01",
    })),
    ...funds2025(),
  ];
  return rows.map((f) => {
    const low = lowest.get(f.id);
    const closure = closures.get(f.id);
    return {
      ...f,
      lowestBalanceOn: low?.on ?? null,
      lowestBalanceVnd: low?.balanceVnd ?? null,
      closedOn: closure?.lastDay ?? null,
      successorFundId: closure?.toFundId ?? null,
      carryTransferId: closure?.transferId ?? null,
    };
  });
}

/** How a fund of the 2019 map closed: its last day, its successor and the transfer that carried its balance. */
export interface Closure {
  lastDay: string;
  toFundId: string;
  transferId: number;
}

/**
 * The carry-overs of the 168 funds of the 2019 map (funds-2025.ts), booked after every other entry
 * (all of them before the funds' last days): each fund's closing balance, whole, to its successor
 * on the next day, in date order (Đông Xuyên's into Mỹ Xuyên's on 2025-01-01 first). The transfers'
 * ids follow `firstId`.
 */
export function buildCarryOvers(
  book: FundBook,
  firstId: number,
): { transfers: Row<FundTransfer>[]; closures: Map<string, Closure> } {
  const transfers: Row<FundTransfer>[] = [];
  const closures = new Map<string, Closure>();
  for (const c of carryOversOf(referenceUnits.map((u) => u.code))) {
    const amount = book.closingBalance(c.fromFundId, c.lastDay);
    const id = firstId + transfers.length;
    transfers.push({
      id,
      fromFundId: c.fromFundId,
      toFundId: c.toFundId,
      amountVnd: amount,
      transferredOn: c.on,
      note: c.note,
    });
    book.post(c.fromFundId, c.on, FundEntryKind.TRANSFER_OUT, -amount, "FundTransfer", id);
    book.post(c.toFundId, c.on, FundEntryKind.TRANSFER_IN, amount, "FundTransfer", id);
    closures.set(c.fromFundId, { lastDay: c.lastDay, toFundId: c.toFundId, transferId: id });
  }
  return { transfers, closures };
}

const LEVEL_SHARE = { PROVINCE: 0.28, DISTRICT: 0.27, COMMUNE: 0.45 } as const;
const IN_KIND = ["Gạo", "Nhu yếu phẩm", "Vật liệu xây dựng", "Sách vở, đồ dùng học tập"];

/**
 * Contributions 2010–2019 adding up to exactly the scale's total (1,376,270,000,000 VND at full
 * scale), weighted by level, unit size and a yearly growth, most in the "peak month for the
 * poor"; then each year's transfers down the levels, each no more than the sending fund holds
 * from its date on. Everything is booked in `book`.
 */
export function buildContributionsAndTransfers(
  scale: SeedScale,
  rng: SeededRandom,
  plans: CommunePlan[],
  book: FundBook,
): { contributions: Row<Contribution>[]; transfers: Row<FundTransfer>[] } {
  const spec = SPECS[scale];
  const total = (PUBLISHED.fundRaisedVnd * BigInt(spec.households)) / BigInt(PUBLISHED.households);
  const householdsOf = new Map<string, number>();
  for (const p of plans) {
    householdsOf.set(p.unit.code, p.households);
    householdsOf.set(p.districtCode, (householdsOf.get(p.districtCode) ?? 0) + p.households);
  }
  const levelTotals = new Map<string, number>();
  for (const u of referenceUnits)
    levelTotals.set(
      u.level,
      (levelTotals.get(u.level) ?? 0) + (u.level === "PROVINCE" ? 1 : householdsOf.get(u.code)!),
    );

  const drafts: Omit<Row<Contribution>, "amountVnd">[] = [];
  const weights: number[] = [];
  for (const u of referenceUnits) {
    const level = u.level as keyof typeof LEVEL_SHARE;
    const share =
      (LEVEL_SHARE[level] * (level === "PROVINCE" ? 1 : householdsOf.get(u.code)!)) / levelTotals.get(level)!;
    const perYear =
      spec.contributionsPerFundYear[level === "PROVINCE" ? "province" : level === "DISTRICT" ? "district" : "commune"];
    for (const year of YEARS) {
      for (let i = 1; i <= perYear; i++) {
        weights.push(((share * (1 + (year - 2010) * 0.09)) / perYear) * (0.3 + rng.next() * 1.4));
        const inKind = rng.chance(0.25);
        const donorKind = rng.weighted([
          [DonorKind.ORGANISATION, 5],
          [DonorKind.PERSON, 4],
          [DonorKind.ANONYMOUS, 1],
        ] as const);
        const receivedOn = rng.chance(0.6)
          ? rng.dateBetween(`${year}-10-17`, `${year}-11-18`)
          : rng.dateBetween(`${year}-01-01`, `${year}-12-31`);
        drafts.push({
          id: drafts.length + 1,
          fundId: fundIdFor(u.code),
          unitCode: u.code,
          receivedOn,
          ...donorDetails(rng, inKind, donorKind),
          collectedByUnitCode: u.code,
          campaignId: null,
          receiptNumber: `${year}-${String(i).padStart(4, "0")}`,
          version: 1,
        });
      }
    }
  }
  // Whole thousands of VND, adding up to the total exactly.
  const thousands = apportion(Number(total / 1000n), weights);
  const contributions = drafts.map((d, i) => ({ ...d, amountVnd: BigInt(thousands[i]!) * 1000n }));
  for (const c of contributions)
    book.post(c.fundId, c.receivedOn, FundEntryKind.CONTRIBUTION, c.amountVnd, "Contribution", c.id!);

  const transfers: Row<FundTransfer>[] = [];
  const transfer = (from: string, to: string, wanted: bigint, on: string) => {
    // Never more than the sending fund holds on that day and every later one (whole thousands).
    const available = (book.available(from, on) / 1000n) * 1000n;
    const amount = wanted < available ? wanted : available;
    if (amount <= 0n) return;
    const t = {
      id: transfers.length + 1,
      fromFundId: from,
      toFundId: to,
      amountVnd: amount,
      transferredOn: on,
      note: "Điều tiết quỹ cuối năm",
    };
    transfers.push(t);
    book.post(from, on, FundEntryKind.TRANSFER_OUT, -amount, "FundTransfer", t.id);
    book.post(to, on, FundEntryKind.TRANSFER_IN, amount, "FundTransfer", t.id);
  };
  const raisedIn = (code: string, year: number) => book.raised.get(`${code}:${year}`) ?? 0n;
  const province = referenceUnits.find((u) => u.level === "PROVINCE")!;
  const districts = referenceUnits.filter((u) => u.level === "DISTRICT");
  for (const year of YEARS) {
    // The province passes a third of its year's receipts to the districts, by size …
    const down = (raisedIn(province.code, year) * 35n) / 100n;
    const dShares = apportion(
      Number(down / 1000n),
      districts.map((d) => householdsOf.get(d.code)!),
    );
    districts.forEach((d, i) =>
      transfer(fundIdFor(province.code), fundIdFor(d.code), BigInt(dShares[i]!) * 1000n, `${year}-12-05`),
    );
    // … and each district 40% of what it raised and received to its communes.
    for (const [i, d] of districts.entries()) {
      const communes = plans.filter((p) => p.districtCode === d.code);
      const pool = ((raisedIn(d.code, year) + BigInt(dShares[i]!) * 1000n) * 40n) / 100n;
      const cShares = apportion(
        Number(pool / 1000n),
        communes.map((c) => c.households),
      );
      communes.forEach((c, k) =>
        transfer(fundIdFor(d.code), fundIdFor(c.unit.code), BigInt(cShares[k]!) * 1000n, `${year}-12-10`),
      );
    }
  }
  return { contributions, transfers };
}

/**
 * A contribution's form and donor, drawn here in this order from `rng` (the 2010–2019 receipts and
 * the later ones share it, so the older rows stay as they were).
 */
export function donorDetails(rng: SeededRandom, inKind: boolean, donorKind: DonorKind) {
  return {
    form: inKind ? ContributionForm.IN_KIND : ContributionForm.CASH,
    inKindDescription: inKind ? rng.pick(IN_KIND) : null,
    donorKind,
    donorName:
      donorKind === DonorKind.ANONYMOUS
        ? null
        : donorKind === DonorKind.PERSON
          ? syntheticName(rng, rng.chance(0.5))
          : `Doanh nghiệp ${rng.int(1, 400)}`,
  };
}
