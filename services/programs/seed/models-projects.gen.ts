import { districtOf, referenceUnits, type ReferenceUnit } from "@danvan/kit/units";
import { FRONT_PREFIX, hasCommittee, organisationIdOf } from "@danvan/kit/federation";
import { syntheticName, type SeededRandom } from "@danvan/kit/seeding";
import { MobilisationModel } from "../src/models/mobilisation-model.entity.js";
import { MobilisationField, MobilisationTrack, ModelStatus, RegistrantKind } from "../src/models/model-enums.js";
import { MemberProject } from "../src/projects/member-project.entity.js";
import { FundingSource, MemberProjectKind } from "../src/projects/project-enums.js";
import { addDays, millions } from "./dates.js";

export const MODEL_NAMES: Record<MobilisationField, readonly string[]> = {
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

/** "Dân vận khéo" models registered 2016–2020 by collectives and individuals. */
export function buildModels(rng: SeededRandom, count: number): MobilisationModel[] {
  const units = referenceUnits.filter((u) => u.level !== "PROVINCE");
  return Array.from({ length: count }, () => {
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
    return modelRow(rng, {
      unit,
      field,
      year,
      status,
      registrantKind,
      prefix,
      organisationId: organisationIdOf(hasCommittee(prefix, committeeUnit) ? prefix : FRONT_PREFIX, committeeUnit),
      unitCode: unit.code,
      districtCode: districtOf(unit.code),
      dates: { registeredOn, startedOn, evaluatedOn, decidedOn },
    });
  });
}

/** What a model's row takes that its generator has already drawn or decided. */
export interface ModelDraft {
  unit: Pick<ReferenceUnit, "name" | "kind">;
  field: MobilisationField;
  year: number;
  status: ModelStatus;
  registrantKind: RegistrantKind;
  prefix: string;
  organisationId: string;
  unitCode: string;
  districtCode: string | null;
  dates: { registeredOn: string; startedOn: string | null; evaluatedOn: string | null; decidedOn: string | null };
}

/**
 * A model's row: its name, track, registrant and resources drawn here, in this order, from `rng`
 * (the 2010–2020 generator and the later one share it, so the older rows stay as they were).
 */
export function modelRow(rng: SeededRandom, d: ModelDraft): MobilisationModel {
  const { registeredOn, startedOn, evaluatedOn, decidedOn } = d.dates;
  return Object.assign(new MobilisationModel(), {
    name: `${rng.pick(MODEL_NAMES[d.field])} (${d.unit.name})`,
    field: d.field,
    track: rng.weighted([
      [MobilisationTrack.GENERAL, 5],
      [MobilisationTrack.NEW_RURAL, d.unit.kind === "Xã" ? 4 : 0.5],
      [MobilisationTrack.CIVILISED_URBAN, d.unit.kind === "Phường" ? 4 : 0.5],
    ] as const),
    registrantKind: d.registrantKind,
    registrantName:
      d.registrantKind === RegistrantKind.INDIVIDUAL
        ? syntheticName(rng, rng.chance(0.4))
        : `Ban vận động ${d.prefix === "MTTQ" ? "Mặt trận" : "Chi hội"} ấp ${rng.int(1, 9)}`,
    organisationId: d.organisationId,
    unitCode: d.unitCode,
    districtCode: d.districtCode,
    year: d.year,
    status: d.status,
    resourcesMobilisedVnd: d.status === ModelStatus.REGISTERED ? 0n : millions(rng, 0, 500),
    description: null,
    registeredOn,
    startedOn,
    evaluatedOn,
    decidedOn,
    withdrawnOn: d.status === ModelStatus.WITHDRAWN ? addDays(startedOn ?? registeredOn, rng.int(10, 90)) : null,
    version: 1,
  });
}

export const FUNDERS: Record<FundingSource, readonly string[]> = {
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

/** Loan and technology-transfer projects run by the organisations for their members. */
export function buildProjects(rng: SeededRandom, count: number): MemberProject[] {
  const units = referenceUnits.filter((u) => u.level !== "PROVINCE");
  return Array.from({ length: count }, () => {
    const unit = rng.pick(units);
    const kind = rng.chance(0.6) ? MemberProjectKind.LOAN : MemberProjectKind.TECHNOLOGY_TRANSFER;
    const fundingSource = rng.chance(0.8) ? FundingSource.DOMESTIC : FundingSource.INTERNATIONAL;
    const startsOn = rng.dateBetween("2012-01-01", "2020-06-30");
    const prefix = rng.pick(["HND", "HPN", "DTN", "CCB"] as const);
    return projectRow(rng, {
      kind,
      unitName: unit.name,
      organisationId: organisationIdOf(hasCommittee(prefix, unit.code) ? prefix : FRONT_PREFIX, unit.code),
      unitCode: unit.code,
      districtCode: districtOf(unit.code),
      fundingSource,
      startsOn,
    });
  });
}

/** What a project's row takes that its generator has already drawn or decided. */
export interface ProjectDraft {
  kind: MemberProjectKind;
  unitName: string;
  organisationId: string;
  unitCode: string;
  districtCode: string | null;
  fundingSource: FundingSource;
  startsOn: string;
}

/**
 * A member project's row: its name, funder, amount, beneficiaries and end drawn here, in this order,
 * from `rng` (the 2012–2020 generator and the later one share it, so the older rows stay as they were).
 */
export function projectRow(rng: SeededRandom, d: ProjectDraft): MemberProject {
  return Object.assign(new MemberProject(), {
    kind: d.kind,
    name:
      d.kind === MemberProjectKind.LOAN
        ? `Cho vay vốn hội viên ${d.unitName}`
        : `Chuyển giao kỹ thuật ${rng.pick(["trồng lúa", "nuôi bò", "nuôi cá", "trồng rau an toàn"])} ${d.unitName}`,
    organisationId: d.organisationId,
    unitCode: d.unitCode,
    districtCode: d.districtCode,
    fundingSource: d.fundingSource,
    funderName: rng.pick(FUNDERS[d.fundingSource]),
    amountVnd: d.kind === MemberProjectKind.LOAN ? millions(rng, 500, 20_000) : millions(rng, 50, 2_000),
    beneficiaries: rng.int(20, 2000),
    startsOn: d.startsOn,
    endsOn: rng.chance(0.3) ? null : addDays(d.startsOn, rng.int(365, 5 * 365)),
    version: 1,
  });
}
