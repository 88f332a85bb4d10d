import type { DataSource, EntityManager } from "typeorm";
import { districtOf, referenceUnits } from "@danvan/kit/units";
import { insertAll, SeededRandom, syntheticName, type SeedProgress } from "@danvan/kit/seeding";
import { Household } from "../src/households/household.entity.js";
import { AreaType } from "../src/households/area-type.js";
import { PovertyClassification, PovertyTally } from "../src/poverty/poverty-classification.entity.js";
import { PovertyStatus, transitionBetween } from "../src/poverty/poverty-status.js";
import { classify } from "../src/poverty/classify.js";
import { POVERTY_STANDARDS } from "../src/poverty/standards.data.js";
import { Fund, FundEntry, fundIdFor } from "../src/fund/fund.entity.js";
import { Contribution, FundTransfer } from "../src/fund/contribution.entity.js";
import { ContributionForm, DonorKind, FundEntryKind } from "../src/fund/fund-enums.js";
import { SupportEvent } from "../src/support/support-event.entity.js";
import { SupportKind } from "../src/support/support-kind.js";
import { seedHousesModelsProjects } from "./houses-models-projects.seed.js";

export type SeedScale = "small" | "default";

const SEED = 20191231;
const YEARS = [2016, 2017, 2018, 2019];
/** Shares of households that are poor and near-poor in each year's review: trending down. */
const POOR_SHARE: Record<number, number> = { 2016: 0.062, 2017: 0.048, 2018: 0.036, 2019: 0.027 };
const NEAR_POOR_SHARE: Record<number, number> = { 2016: 0.068, 2017: 0.063, 2018: 0.058, 2019: 0.054 };
const HOUSEHOLDS_PER_COMMUNE: Record<SeedScale, number> = { small: 12, default: 150 };
const CONTRIBUTIONS_PER_FUND_YEAR: Record<SeedScale, number> = { small: 2, default: 8 };

const standard2016 = POVERTY_STANDARDS.find((s) => s.code === "QD59-2015")!;

/** An income and deprivation count that the 2016–2020 standard puts in `target` status. */
function measureFor(
  rng: SeededRandom,
  area: AreaType,
  target: PovertyStatus,
): { income: bigint; deprivations: number } {
  const t = standard2016.thresholds.find((x) => x.area === area)!;
  const poorMax = t.poorIncomeMaxVnd!;
  const bandMax = t.bandIncomeMaxVnd;
  const round = (v: number) => BigInt(Math.round(v / 1000) * 1000);
  if (target === PovertyStatus.POOR) {
    return rng.chance(0.6)
      ? { income: round(poorMax * (0.55 + rng.next() * 0.44)), deprivations: rng.int(0, 6) }
      : { income: round(poorMax + 1000 + rng.next() * (bandMax - poorMax - 2000)), deprivations: rng.int(3, 7) };
  }
  if (target === PovertyStatus.NEAR_POOR)
    return { income: round(poorMax + 1000 + rng.next() * (bandMax - poorMax - 2000)), deprivations: rng.int(0, 2) };
  return { income: round(bandMax + 1000 + rng.next() * 5_000_000), deprivations: rng.int(0, 2) };
}

export interface ProgramsDataset {
  funds: Fund[];
  households: Household[];
  classifications: PovertyClassification[];
  tallies: PovertyTally[];
}

/** Households, their reviews 2016–2019 (classified by the rule itself), funds: deterministic. */
export function buildDataset(scale: SeedScale, rng = new SeededRandom(SEED)): ProgramsDataset {
  const funds = referenceUnits.map((u) =>
    Object.assign(new Fund(), {
      id: fundIdFor(u.code),
      organisationId: `MTTQ-${u.code}`,
      unitCode: u.code,
      name: `Quỹ Vì người nghèo ${u.name}`,
      openedOn: "2009-01-01",
    }),
  );
  const households: Household[] = [];
  const classifications: PovertyClassification[] = [];
  const tallies = new Map<string, PovertyTally>();
  let id = 0;
  for (const commune of referenceUnits.filter((u) => u.level === "COMMUNE")) {
    const area = commune.kind === "Xã" ? AreaType.RURAL : AreaType.URBAN;
    const n = Math.round(HOUSEHOLDS_PER_COMMUNE[scale] * (0.7 + rng.next() * 0.6));
    for (let i = 0; i < n; i++) {
      const h = Object.assign(new Household(), {
        id: ++id,
        communeCode: commune.code,
        districtCode: districtOf(commune.code)!,
        headName: syntheticName(rng, rng.chance(0.3)),
        address: `Tổ ${rng.int(1, 30)}, ấp ${rng.int(1, 9)}`,
        memberCount: rng.int(1, 7),
        area,
        registeredOn: rng.dateBetween("2005-01-01", "2015-12-31"),
        version: 1,
      });
      households.push(h);
      // A household's standing is a rank that improves a little each year.
      let rank = rng.next();
      let previous: PovertyStatus | null = null;
      for (const year of YEARS) {
        const target =
          rank < POOR_SHARE[year]!
            ? PovertyStatus.POOR
            : rank < POOR_SHARE[year]! + NEAR_POOR_SHARE[year]!
              ? PovertyStatus.NEAR_POOR
              : PovertyStatus.NOT_POOR;
        const m = measureFor(rng, area, target);
        const t = standard2016.thresholds.find((x) => x.area === area)!;
        const status = classify(
          { monthlyIncomePerPersonVnd: m.income, deprivations: m.deprivations },
          {
            poorIncomeMaxVnd: BigInt(t.poorIncomeMaxVnd!),
            bandIncomeMaxVnd: BigInt(t.bandIncomeMaxVnd),
            minDeprivations: t.minDeprivations,
          },
        );
        classifications.push(
          Object.assign(new PovertyClassification(), {
            householdId: h.id,
            year,
            standardCode: standard2016.code,
            status,
            transition: transitionBetween(previous, status),
            monthlyIncomeVnd: m.income.toString(),
            deprivations: m.deprivations,
            communeCode: commune.code,
            districtCode: h.districtCode,
            classifiedOn: `${year}-11-30`,
            version: 1,
          }),
        );
        const key = `${commune.code}:${year}`;
        const tally =
          tallies.get(key) ??
          Object.assign(new PovertyTally(), { communeCode: commune.code, year, households: 0, poor: 0, nearPoor: 0 });
        tally.households++;
        if (status === PovertyStatus.POOR) tally.poor++;
        if (status === PovertyStatus.NEAR_POOR) tally.nearPoor++;
        tallies.set(key, tally);
        previous = status;
        // Standing drifts a little from year to year; the shares above carry the downward trend.
        rank = Math.min(1, Math.max(0, rank + (rng.next() - 0.5) * 0.01));
      }
    }
  }
  return { funds, households, classifications, tallies: [...tallies.values()] };
}

/**
 * Loads the deterministic programs dataset in one transaction: funds, households and their
 * reviews (with tallies), contributions 2010–2019, transfers down the levels, support events
 * paid by the commune funds (with their ledger), then houses, models and projects.
 */
export async function seedPrograms(
  ds: DataSource,
  opts: { scale?: SeedScale; progress?: SeedProgress } = {},
): Promise<Record<string, number>> {
  const scale = opts.scale ?? "default";
  const rng = new SeededRandom(SEED);
  const data = buildDataset(scale, rng);
  const contributions: Contribution[] = [];
  const transfers: FundTransfer[] = [];
  const support: SupportEvent[] = [];
  const ledger: FundEntry[] = [];
  const entry = (
    fundId: string,
    unitCode: string,
    on: string,
    kind: FundEntryKind,
    amount: bigint,
    refType: string,
    refId: number,
  ) =>
    ledger.push(
      Object.assign(new FundEntry(), {
        fundId,
        unitCode,
        entryOn: on,
        kind,
        amountVnd: amount.toString(),
        refType,
        refId: String(refId),
      }),
    );

  for (const fund of data.funds) {
    const level = fund.unitCode.length;
    const base = level === 2 ? 4_000_000_000 : level === 3 ? 600_000_000 : 60_000_000;
    for (let year = 2010; year <= 2019; year++) {
      for (let i = 1; i <= CONTRIBUTIONS_PER_FUND_YEAR[scale]; i++) {
        const inKind = rng.chance(0.25);
        const donorKind = rng.weighted([
          [DonorKind.ORGANISATION, 5],
          [DonorKind.PERSON, 4],
          [DonorKind.ANONYMOUS, 1],
        ] as const);
        const amount = BigInt(
          Math.round(
            ((base / CONTRIBUTIONS_PER_FUND_YEAR[scale]) * (0.5 + rng.next()) * (1 + (year - 2010) * 0.05)) / 1000,
          ) * 1000,
        );
        const c = Object.assign(new Contribution(), {
          id: contributions.length + 1,
          fundId: fund.id,
          unitCode: fund.unitCode,
          // Most of it in the "peak month for the poor" (17 October – 18 November).
          receivedOn: rng.chance(0.6)
            ? rng.dateBetween(`${year}-10-17`, `${year}-11-18`)
            : rng.dateBetween(`${year}-01-01`, `${year}-12-31`),
          form: inKind ? ContributionForm.IN_KIND : ContributionForm.CASH,
          amountVnd: amount.toString(),
          inKindDescription: inKind
            ? rng.pick(["Gạo", "Nhu yếu phẩm", "Vật liệu xây dựng", "Sách vở, đồ dùng học tập"])
            : null,
          donorKind,
          donorName:
            donorKind === DonorKind.ANONYMOUS
              ? null
              : donorKind === DonorKind.PERSON
                ? syntheticName(rng, rng.chance(0.5))
                : `Doanh nghiệp ${rng.int(1, 400)}`,
          collectedByUnitCode: fund.unitCode,
          campaignId: null,
          receiptNumber: `${year}-${String(i).padStart(4, "0")}`,
          version: 1,
        });
        contributions.push(c);
        entry(fund.id, fund.unitCode, c.receivedOn, FundEntryKind.CONTRIBUTION, amount, "Contribution", c.id);
      }
    }
  }
  // Each year the province fund passes money to every district fund, and districts to communes.
  for (let year = 2010; year <= 2019; year++) {
    for (const fund of data.funds.filter((f) => f.unitCode.length > 2)) {
      const parent = referenceUnits.find((u) => u.code === fund.unitCode)!.parentCode!;
      const amount = BigInt((fund.unitCode.length === 3 ? 100_000_000 : 10_000_000) + rng.int(0, 50) * 1_000_000);
      const t = Object.assign(new FundTransfer(), {
        id: transfers.length + 1,
        fromFundId: fundIdFor(parent),
        toFundId: fund.id,
        amountVnd: amount.toString(),
        transferredOn: `${year}-12-05`,
        note: "Điều tiết quỹ cuối năm",
      });
      transfers.push(t);
      entry(fundIdFor(parent), parent, t.transferredOn, FundEntryKind.TRANSFER_OUT, -amount, "FundTransfer", t.id);
      entry(fund.id, fund.unitCode, t.transferredOn, FundEntryKind.TRANSFER_IN, amount, "FundTransfer", t.id);
    }
  }
  // Support: poor and near-poor households get a Tết gift each year and, often, more.
  const statusOf = new Map(data.classifications.map((c) => [`${c.householdId}:${c.year}`, c.status]));
  for (const h of data.households) {
    for (const year of YEARS) {
      const status = statusOf.get(`${h.id}:${year}`);
      if (status === PovertyStatus.NOT_POOR) continue;
      const kinds = [
        SupportKind.TET_GIFT,
        ...(rng.chance(0.5)
          ? [rng.pick([SupportKind.MEDICAL, SupportKind.STUDY, SupportKind.PRODUCTION, SupportKind.EMERGENCY])]
          : []),
      ];
      for (const kind of kinds) {
        const amount = BigInt(kind === SupportKind.TET_GIFT ? 500_000 : rng.int(5, 30) * 100_000);
        const e = Object.assign(new SupportEvent(), {
          id: support.length + 1,
          householdId: h.id,
          communeCode: h.communeCode,
          kind,
          amountVnd: amount.toString(),
          givenOn:
            kind === SupportKind.TET_GIFT
              ? rng.dateBetween(`${year}-01-10`, `${year}-01-31`)
              : rng.dateBetween(`${year}-02-01`, `${year}-12-20`),
          fundId: fundIdFor(h.communeCode),
        });
        support.push(e);
        entry(e.fundId!, h.communeCode, e.givenOn, FundEntryKind.SUPPORT, -amount, "SupportEvent", e.id);
      }
    }
  }
  const counts: Record<string, number> = {};
  await ds.transaction(async (m) => {
    await insertAll(m, Fund, "fund", data.funds, opts.progress);
    await insertAll(m, Household, "household", data.households, opts.progress);
    await insertAll(m, PovertyClassification, "poverty_classification", data.classifications, opts.progress);
    await insertAll(m, PovertyTally, "poverty_tally", data.tallies, opts.progress);
    await insertAll(m, Contribution, "contribution", contributions, opts.progress);
    await insertAll(m, FundTransfer, "fund_transfer", transfers, opts.progress);
    await insertAll(m, SupportEvent, "support_event", support, opts.progress);
    const basis = {
      scale,
      rng,
      households: data.households.map((h) => ({
        id: h.id,
        communeCode: h.communeCode,
        poorIn2019: statusOf.get(`${h.id}:2019`) === PovertyStatus.POOR,
      })),
      fundIds: new Map(data.funds.map((f) => [f.unitCode, f.id])),
    };
    Object.assign(counts, await seedHousesModelsProjects(m, basis));
    await insertAll(m, FundEntry, "fund_entry (contributions, transfers, support)", ledger, opts.progress);
    await fixSequences(m, ["household", "contribution", "fund_transfer", "support_event"]);
  });
  return {
    fund: data.funds.length,
    household: data.households.length,
    poverty_classification: data.classifications.length,
    poverty_tally: data.tallies.length,
    contribution: contributions.length,
    fund_transfer: transfers.length,
    support_event: support.length,
    ...counts,
    fund_entry: ledger.length + (counts.fund_entry ?? 0),
  };
}

/** Rows inserted with explicit ids leave PostgreSQL's sequences behind: move them past the ids. */
async function fixSequences(m: EntityManager, tables: string[]): Promise<void> {
  if (m.connection.options.type !== "postgres") return;
  for (const t of tables) {
    await m.query(
      `SELECT setval(pg_get_serial_sequence('${t}', 'id'), COALESCE((SELECT MAX(id) FROM ${t}), 0) + 1, false)`,
    );
  }
}

export async function isSeeded(ds: DataSource): Promise<boolean> {
  return (await ds.getRepository(Fund).count()) > 0;
}
