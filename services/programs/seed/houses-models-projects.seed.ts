import type { EntityManager } from "typeorm";
import { districtOf, referenceUnits } from "@danvan/kit/units";
import { syntheticName, type SeededRandom } from "@danvan/kit/seeding";
import type { SeedScale } from "./seed.js";
import { FundEntry } from "../src/fund/fund.entity.js";
import { FundEntryKind } from "../src/fund/fund-enums.js";
import { SolidarityHouse } from "../src/houses/solidarity-house.entity.js";
import { HouseStatus, HouseWorkKind } from "../src/houses/house-enums.js";
import { MobilisationModel } from "../src/models/mobilisation-model.entity.js";
import { MobilisationField, MobilisationTrack, ModelStatus, RegistrantKind } from "../src/models/model-enums.js";
import { MemberProject } from "../src/projects/member-project.entity.js";
import { FundingSource, MemberProjectKind } from "../src/projects/project-enums.js";

/** What the core seed has already loaded, for houses, models and projects to refer to. */
export interface SeedBasis {
  scale: SeedScale;
  rng: SeededRandom;
  /** Household ids by commune code, with their poverty status in 2019 where reviewed. */
  households: { id: number; communeCode: string; poorIn2019: boolean }[];
  /** Fund ids by unit code (QVNN-<unit>), each with enough money to pay its share of houses. */
  fundIds: Map<string, string>;
}

const COUNTS: Record<SeedScale, { houses: number; models: number; projects: number }> = {
  small: { houses: 40, models: 30, projects: 20 },
  default: { houses: 2500, models: 400, projects: 100 },
};
/** A fund spends at most this share of what it holds on houses: houses are not all it pays for. */
const HOUSE_SHARE_OF_FUND = 0.5;
const MAX_FUND_SHARE = 60_000_000n;
const BATCH_ROWS = 1000;

const addDays = (date: string, days: number) =>
  new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
const millions = (rng: SeededRandom, min: number, max: number) => BigInt(rng.int(min, max)) * 1_000_000n;

async function insertRows<T extends object>(m: EntityManager, target: new () => T, rows: T[]): Promise<void> {
  for (let i = 0; i < rows.length; i += BATCH_ROWS) {
    await m
      .createQueryBuilder()
      .insert()
      .into(target)
      .values(rows.slice(i, i + BATCH_ROWS))
      .updateEntity(false)
      .execute();
  }
}

/**
 * What each fund holds once the core seed's contributions, transfers and support are booked
 * (its ledger rows are written after this seed runs, so the sources are summed instead).
 */
async function fundBalances(m: EntityManager): Promise<Map<string, bigint>> {
  const rows = (await m.query(`SELECT fund_id, SUM(v) AS balance FROM (
      SELECT fund_id, amount_vnd AS v FROM contribution
      UNION ALL SELECT to_fund_id AS fund_id, amount_vnd AS v FROM fund_transfer
      UNION ALL SELECT from_fund_id AS fund_id, -amount_vnd AS v FROM fund_transfer
      UNION ALL SELECT fund_id, -amount_vnd AS v FROM support_event WHERE fund_id IS NOT NULL
    ) t GROUP BY fund_id`)) as { fund_id: string; balance: string | number }[];
  return new Map(rows.map((r) => [r.fund_id, BigInt(String(r.balance))]));
}

/** A house's dates for its final state: handed over in 2010–2019, cancelled, or still in progress. */
function houseDates(rng: SeededRandom, status: HouseStatus, cancelledAt: HouseStatus) {
  const d = { approvedOn: null, constructionStartedOn: null, handedOverOn: null, cancelledOn: null } as Record<
    string,
    string | null
  >;
  const inProgress = status !== HouseStatus.HANDED_OVER && status !== HouseStatus.CANCELLED;
  const proposedOn = inProgress
    ? rng.dateBetween("2020-01-15", "2020-08-31")
    : rng.dateBetween("2010-01-01", "2019-07-31");
  let last = proposedOn;
  const reached = status === HouseStatus.CANCELLED ? cancelledAt : status;
  const steps: [HouseStatus, string][] = [
    [HouseStatus.APPROVED, "approvedOn"],
    [HouseStatus.UNDER_CONSTRUCTION, "constructionStartedOn"],
    [HouseStatus.HANDED_OVER, "handedOverOn"],
  ];
  const order = [HouseStatus.PROPOSED, HouseStatus.APPROVED, HouseStatus.UNDER_CONSTRUCTION, HouseStatus.HANDED_OVER];
  for (const [step, key] of steps) {
    if (order.indexOf(step) > order.indexOf(reached)) break;
    last = addDays(last, rng.int(10, 60));
    d[key] = last;
  }
  // Hand-overs stay inside 2010–2019: the province's ten-year report counts them.
  if (d.handedOverOn && d.handedOverOn > "2019-12-31") d.handedOverOn = "2019-12-31";
  if (status === HouseStatus.CANCELLED) d.cancelledOn = addDays(last, rng.int(5, 40));
  return { proposedOn, ...d };
}

function buildHouses(basis: SeedBasis, balances: Map<string, bigint>, firstId: number) {
  const { rng } = basis;
  const n = COUNTS[basis.scale].houses;
  // Poor households first (a house each), then others: one house per household.
  const poor = basis.households.filter((h) => h.poorIn2019);
  const others = basis.households.filter((h) => !h.poorIn2019);
  const pickFrom = (list: typeof poor, k: number) => {
    if (k >= list.length) return [...list];
    const chosen = new Set<number>();
    while (chosen.size < Math.min(k, list.length)) chosen.add(rng.int(0, list.length - 1));
    return [...chosen].sort((a, b) => a - b).map((i) => list[i]!);
  };
  const fromPoor = Math.min(poor.length, Math.round(n * 0.6));
  const chosen = [...pickFrom(poor, fromPoor), ...pickFrom(others, n - fromPoor)];
  const budget = new Map(
    [...balances].map(([id, b]) => [id, b > 0n ? (b * BigInt(HOUSE_SHARE_OF_FUND * 100)) / 100n : 0n]),
  );
  const houses: SolidarityHouse[] = [];
  const ledger: FundEntry[] = [];
  for (const [i, h] of chosen.entries()) {
    const kind = rng.chance(0.7) ? HouseWorkKind.NEW : HouseWorkKind.REPAIR;
    const status = rng.weighted([
      [HouseStatus.HANDED_OVER, 85],
      [HouseStatus.CANCELLED, 4],
      [HouseStatus.PROPOSED, 4],
      [HouseStatus.APPROVED, 3],
      [HouseStatus.UNDER_CONSTRUCTION, 4],
    ] as const);
    const cancelledAt = rng.pick([HouseStatus.PROPOSED, HouseStatus.APPROVED, HouseStatus.UNDER_CONSTRUCTION]);
    const total = kind === HouseWorkKind.NEW ? millions(rng, 40, 80) : millions(rng, 15, 35);
    let fundAmount = kind === HouseWorkKind.NEW ? millions(rng, 25, 50) : millions(rng, 10, 25);
    // The fund's share never exceeds the cost, nor the cap that keeps funds' house spending modest.
    if (fundAmount > total) fundAmount = total;
    if (fundAmount > MAX_FUND_SHARE) fundAmount = MAX_FUND_SHARE;
    // The commune's fund pays while its house budget lasts, then the district's; else sponsors do.
    const payer = [h.communeCode, districtOf(h.communeCode)!]
      .map((u) => basis.fundIds.get(u))
      .find((f): f is string => f !== undefined && (budget.get(f) ?? 0n) >= fundAmount);
    if (!payer) fundAmount = 0n;
    else budget.set(payer, budget.get(payer)! - fundAmount);
    const sponsorAmount = rng.chance(0.5) || !payer ? ((total - fundAmount) * BigInt(rng.int(30, 90))) / 100n : 0n;
    const dates = houseDates(rng, status, cancelledAt);
    const house = Object.assign(new SolidarityHouse(), {
      id: firstId + i,
      householdId: h.id,
      communeCode: h.communeCode,
      districtCode: districtOf(h.communeCode)!,
      kind,
      hardFloor: kind === HouseWorkKind.NEW || rng.chance(0.8),
      hardFrame: kind === HouseWorkKind.NEW || rng.chance(0.8),
      hardRoof: kind === HouseWorkKind.NEW || rng.chance(0.8),
      fundAmountVnd: fundAmount,
      sponsorAmountVnd: sponsorAmount,
      familyAmountVnd: total - fundAmount - sponsorAmount,
      sponsorName: sponsorAmount > 0n ? rng.pick(SPONSORS) : null,
      fundId: payer ?? null,
      status,
      ...dates,
      cancelReason: status === HouseStatus.CANCELLED ? rng.pick(CANCEL_REASONS) : null,
      version: 1,
    });
    houses.push(house);
    // Starting construction debits the fund's share (as startHouseConstruction does).
    if (payer && house.constructionStartedOn) {
      ledger.push(
        Object.assign(new FundEntry(), {
          fundId: payer,
          unitCode: payer.slice("QVNN-".length),
          entryOn: house.constructionStartedOn,
          kind: FundEntryKind.HOUSE,
          amountVnd: (-fundAmount).toString(),
          refType: "SolidarityHouse",
          refId: String(house.id),
        }),
      );
    }
  }
  return { houses, ledger };
}

const SPONSORS = [
  "Ngân hàng TMCP Công Thương",
  "Công ty Cổ phần Xuất nhập khẩu An Giang",
  "Tập đoàn Lộc Trời",
  "Báo Tuổi Trẻ",
  "Hội Doanh nhân trẻ tỉnh",
  "Công ty Điện lực An Giang",
];
const CANCEL_REASONS = ["Hộ chuyển đi nơi khác", "Hộ tự xây dựng bằng nguồn khác", "Không đủ điều kiện về đất ở"];
const MODEL_NAMES: Record<MobilisationField, readonly string[]> = {
  ECONOMY: [
    "Tổ hợp tác sản xuất lúa an toàn",
    "Nuôi bò sinh sản giúp hội viên nghèo",
    "Tiết kiệm vì người nghèo",
    "Chuyển đổi cây trồng trên đất lúa",
  ],
  CULTURE_SOCIETY: [
    "Hũ gạo tình thương",
    "Tuyến đường hoa nông thôn mới",
    "Thu gom rác thải sinh hoạt",
    "Bữa cơm nghĩa tình",
  ],
  DEFENCE_SECURITY: [
    "Camera an ninh khu dân cư",
    "Tổ nhân dân tự quản",
    "Ấp biên giới bình yên",
    "Cảm hóa, giáo dục người lầm lỗi",
  ],
  POLITICAL_SYSTEM: [
    "Tiếp xúc, đối thoại với nhân dân",
    "Cán bộ gần dân, sát dân",
    "Giải quyết kiến nghị ngay tại cơ sở",
    "Chi bộ ấp gương mẫu",
  ],
};
const PROVINCE = referenceUnits.find((u) => u.level === "PROVINCE")!;
const PREFIXES = ["MTTQ", "HND", "HPN", "DTN", "CCB"] as const;

function buildModels(basis: SeedBasis): MobilisationModel[] {
  const { rng } = basis;
  const units = referenceUnits.filter((u) => u.level !== "PROVINCE");
  return Array.from({ length: COUNTS[basis.scale].models }, () => {
    // Most models run in communes; a few are district-wide or province-wide.
    const unit = rng.chance(0.03) ? PROVINCE : rng.pick(units);
    const committeeUnit = unit.level === "COMMUNE" && rng.chance(0.2) ? unit.parentCode! : unit.code;
    const field = rng.pick(Object.values(MobilisationField));
    const year = rng.int(2016, 2020);
    const registrantKind = rng.chance(0.7) ? RegistrantKind.COLLECTIVE : RegistrantKind.INDIVIDUAL;
    const status = rng.weighted([
      [ModelStatus.RECOGNISED, year < 2020 ? 50 : 5],
      [ModelStatus.NOT_RECOGNISED, year < 2020 ? 12 : 1],
      [ModelStatus.WITHDRAWN, 6],
      [ModelStatus.EVALUATED, year < 2020 ? 4 : 20],
      [ModelStatus.IMPLEMENTING, year < 2020 ? 4 : 40],
      [ModelStatus.REGISTERED, year < 2020 ? 2 : 20],
    ] as const);
    const registeredOn = rng.dateBetween(`${year}-01-10`, `${year}-04-30`);
    const startedOn =
      status === ModelStatus.REGISTERED || (status === ModelStatus.WITHDRAWN && rng.chance(0.5))
        ? null
        : addDays(registeredOn, rng.int(15, 60));
    const evaluated = [ModelStatus.EVALUATED, ModelStatus.RECOGNISED, ModelStatus.NOT_RECOGNISED].includes(status);
    const evaluatedOn = evaluated && startedOn ? rng.dateBetween(`${year}-10-01`, `${year}-11-15`) : null;
    const decidedOn =
      status === ModelStatus.RECOGNISED || status === ModelStatus.NOT_RECOGNISED
        ? rng.dateBetween(`${year}-11-20`, `${year}-12-20`)
        : null;
    const prefix = rng.pick(PREFIXES);
    return Object.assign(new MobilisationModel(), {
      name: `${rng.pick(MODEL_NAMES[field])} (${unit.name})`,
      field,
      track: rng.weighted([
        [MobilisationTrack.GENERAL, 5],
        [MobilisationTrack.NEW_RURAL, unit.kind === "Xã" ? 4 : 0.5],
        [MobilisationTrack.CIVILISED_URBAN, unit.kind === "Phường" ? 4 : 0.5],
      ] as const),
      registrantKind,
      registrantName:
        registrantKind === RegistrantKind.INDIVIDUAL
          ? syntheticName(rng, rng.chance(0.4))
          : `Ban vận động ${prefix === "MTTQ" ? "Mặt trận" : "Chi hội"} ấp ${rng.int(1, 9)}`,
      organisationId: `${prefix}-${committeeUnit}`,
      unitCode: unit.code,
      districtCode: districtOf(unit.code),
      year,
      status,
      resourcesMobilisedVnd: status === ModelStatus.REGISTERED ? 0n : millions(rng, 0, 500),
      description: null,
      registeredOn,
      startedOn,
      evaluatedOn,
      decidedOn,
      withdrawnOn: status === ModelStatus.WITHDRAWN ? addDays(startedOn ?? registeredOn, rng.int(10, 90)) : null,
      version: 1,
    });
  });
}

const FUNDERS: Record<FundingSource, readonly string[]> = {
  DOMESTIC: [
    "Ngân hàng Chính sách xã hội",
    "Quỹ Hỗ trợ nông dân",
    "Quỹ Quốc gia về việc làm",
    "Ngân hàng Nông nghiệp và Phát triển Nông thôn",
  ],
  INTERNATIONAL: [
    "Tổ chức Heifer Quốc tế",
    "Quỹ Quốc tế về Phát triển Nông nghiệp (IFAD)",
    "Tổ chức Tầm nhìn Thế giới",
    "Cơ quan Hợp tác Quốc tế Nhật Bản (JICA)",
  ],
};

function buildProjects(basis: SeedBasis): MemberProject[] {
  const { rng } = basis;
  const units = referenceUnits.filter((u) => u.level !== "PROVINCE");
  return Array.from({ length: COUNTS[basis.scale].projects }, () => {
    const unit = rng.pick(units);
    const kind = rng.chance(0.6) ? MemberProjectKind.LOAN : MemberProjectKind.TECHNOLOGY_TRANSFER;
    const fundingSource = rng.chance(0.8) ? FundingSource.DOMESTIC : FundingSource.INTERNATIONAL;
    const startsOn = rng.dateBetween("2012-01-01", "2020-06-30");
    const prefix = rng.pick(["HND", "HPN", "DTN", "CCB"] as const);
    return Object.assign(new MemberProject(), {
      kind,
      name:
        kind === MemberProjectKind.LOAN
          ? `Cho vay vốn hội viên ${unit.name}`
          : `Chuyển giao kỹ thuật ${rng.pick(["trồng lúa", "nuôi bò", "nuôi cá", "trồng rau an toàn"])} ${unit.name}`,
      organisationId: `${prefix}-${unit.code}`,
      unitCode: unit.code,
      districtCode: districtOf(unit.code),
      fundingSource,
      funderName: rng.pick(FUNDERS[fundingSource]),
      amountVnd: kind === MemberProjectKind.LOAN ? millions(rng, 500, 20_000) : millions(rng, 50, 2_000),
      beneficiaries: rng.int(20, 2000),
      startsOn,
      endsOn: rng.chance(0.3) ? null : addDays(startsOn, rng.int(365, 5 * 365)),
      version: 1,
    });
  });
}

/** Loads houses (with their ledger entries), models and projects; returns row counts per table. */
export async function seedHousesModelsProjects(m: EntityManager, basis: SeedBasis): Promise<Record<string, number>> {
  const [{ max }] = (await m.query("SELECT COALESCE(MAX(id), 0) AS max FROM solidarity_house")) as {
    max: number | string;
  }[];
  const { houses, ledger } = buildHouses(basis, await fundBalances(m), Number(max) + 1);
  const models = buildModels(basis);
  const projects = buildProjects(basis);
  await insertRows(m, SolidarityHouse, houses);
  await insertRows(m, FundEntry, ledger);
  await insertRows(m, MobilisationModel, models);
  await insertRows(m, MemberProject, projects);
  // Houses carry explicit ids (the ledger refers to them): move PostgreSQL's sequence past them.
  if (m.connection.options.type === "postgres") {
    await m.query(
      `SELECT setval(pg_get_serial_sequence('solidarity_house', 'id'), COALESCE((SELECT MAX(id) FROM solidarity_house), 0) + 1, false)`,
    );
  }
  return {
    solidarity_house: houses.length,
    fund_entry: ledger.length,
    mobilisation_model: models.length,
    member_project: projects.length,
  };
}
