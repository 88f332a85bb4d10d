import {
  committeeId2025,
  FRONT_PREFIX,
  hasCommittee,
  hasCommittee2025,
  organisationIdOf,
  type OrganisationPrefix,
} from "@danvan/kit/federation";
import { PROVINCE_CODE_2025, REORGANISATION_2025, unitOn, type UnitVersion } from "@danvan/kit";
import { referenceUnits } from "@danvan/kit/units";
import type { SeededRandom } from "@danvan/kit/seeding";
import { committeeAndUnit } from "../src/committees.js";
import { MobilisationModel } from "../src/models/mobilisation-model.entity.js";
import { MobilisationField, ModelStatus, RegistrantKind } from "../src/models/model-enums.js";
import type { MemberProject } from "../src/projects/member-project.entity.js";
import { FundingSource, MemberProjectKind } from "../src/projects/project-enums.js";
import { modelRow, projectRow } from "./models-projects.gen.js";
import { holdersOn } from "./map-of-the-day.js";
import { LAST_DAY } from "./published-figures.js";
import { addDays } from "./dates.js";

/**
 * "Dân vận khéo" models and member projects after 2020 (issue 27), each on the map of its day (the
 * registration day of a model, the start of a project): old An Giang's units, their districts and
 * the 2019 map's committees ("HND-883") to 2025-06-30; from 2025-07-01 the 2025 communes that took
 * old An Giang's territory (and province 91 for a few models), no district, and the 2025 map's
 * committees ("HND-30307-25"). Every row passes the graph's own check (`committeeAndUnit`, as
 * registerModel and recordProject do). Drawn from streams of their own: the rows of 2010–2020 stay.
 */

/** The years of the later models' contests: 2021 … 2026 (2026's registered by April, none decided by the last day). */
export const LATER_MODEL_YEARS = [2021, 2022, 2023, 2024, 2025, 2026] as const;
/** Later projects start from the day after the earlier ones' last start to the last day. */
export const LATER_PROJECTS_FROM = "2020-07-01";
/** The earlier projects' starts span 2012-01-01 – 2020-06-30: 8.5 years; the later ones keep their yearly rate. */
const EARLIER_PROJECT_YEARS = 8.5;
const LATER_PROJECT_YEARS = (Date.parse(LAST_DAY) - Date.parse(LATER_PROJECTS_FROM)) / (365.25 * 86_400_000);
const PREFIXES = ["MTTQ", "HND", "HPN", "DTN", "CCB"] as const;

const poolCache = new Map<string, UnitVersion[]>();
/**
 * The units a record of `on` may name, below the province: on the 2019 map every old An Giang
 * district and commune in force that day (Phường Đông Xuyên not from 2025-01-01); on the 2025 map
 * the communes holding old An Giang's territory.
 */
export function unitsOfTheDay(on: string): UnitVersion[] {
  const key = on < "2025-01-01" ? "a" : on < REORGANISATION_2025 ? "b" : "c";
  let pool = poolCache.get(key);
  if (!pool) {
    const codes =
      key === "c"
        ? [
            ...new Set(
              referenceUnits
                .filter((u) => u.level === "COMMUNE")
                .flatMap((u) => holdersOn(u.code, REORGANISATION_2025)),
            ),
          ].sort()
        : referenceUnits.filter((u) => u.level !== "PROVINCE").map((u) => u.code);
    pool = codes.map((c) => unitOn(c, on)).filter((v): v is UnitVersion => !!v);
    poolCache.set(key, pool);
  }
  return pool;
}

const provinceOf = (on: string) => unitOn(on < REORGANISATION_2025 ? "89" : PROVINCE_CODE_2025, on)!;

/** The committee id of an organisation at a unit on the map of `on` (the Front where the organisation has none). */
function committeeOn(prefix: OrganisationPrefix, unitCode: string, on: string): string {
  if (on >= REORGANISATION_2025)
    return committeeId2025(hasCommittee2025(prefix, unitCode) ? prefix : FRONT_PREFIX, unitCode);
  return organisationIdOf(hasCommittee(prefix, unitCode) ? prefix : FRONT_PREFIX, unitCode);
}

/** A model's registration day: January–April, and in 2025 also July–August (on the 2025 map). */
function registrationDay(rng: SeededRandom, year: number): string {
  if (year === 2025 && rng.chance(0.35)) return rng.dateBetween("2025-07-15", "2025-08-31");
  return rng.dateBetween(`${year}-01-10`, `${year}-04-30`);
}

const laterOf = (a: string, b: string) => (a > b ? a : b);

/** `perYear` models a contest year, 2021 … 2026; older contests mostly decided, 2026's not yet. */
export function buildLaterModels(rng: SeededRandom, perYear: number): MobilisationModel[] {
  const out: MobilisationModel[] = [];
  for (const year of LATER_MODEL_YEARS)
    for (let k = 0; k < perYear; k++) {
      const registeredOn = registrationDay(rng, year);
      const pool = unitsOfTheDay(registeredOn);
      const unit = rng.chance(0.03) ? provinceOf(registeredOn) : rng.pick(pool);
      // On the 2019 map a fifth of commune models are registered by the district's committee.
      const byDistrict = registeredOn < REORGANISATION_2025 && unit.level === "COMMUNE" && rng.chance(0.2);
      const committeeUnit = byDistrict ? unit.parentCode! : unit.code;
      const field = rng.pick(Object.values(MobilisationField));
      const registrantKind = rng.chance(0.7) ? RegistrantKind.COLLECTIVE : RegistrantKind.INDIVIDUAL;
      const recent = year >= 2025;
      const status = rng.weighted([
        [ModelStatus.RECOGNISED, year === 2026 ? 0 : recent ? 5 : 50],
        [ModelStatus.NOT_RECOGNISED, year === 2026 ? 0 : recent ? 1 : 12],
        [ModelStatus.WITHDRAWN, 6],
        [ModelStatus.EVALUATED, recent ? 20 : 4],
        [ModelStatus.IMPLEMENTING, recent ? 40 : 4],
        [ModelStatus.REGISTERED, recent ? 20 : 2],
      ] as const);
      const startedOn =
        status === ModelStatus.REGISTERED || (status === ModelStatus.WITHDRAWN && rng.chance(0.5))
          ? null
          : addDays(registeredOn, rng.int(15, 60));
      const evaluated = [ModelStatus.EVALUATED, ModelStatus.RECOGNISED, ModelStatus.NOT_RECOGNISED].includes(status);
      const evaluatedOn =
        evaluated && startedOn
          ? rng.dateBetween(laterOf(`${year}-10-01`, addDays(startedOn, 1)), `${year}-11-15`)
          : null;
      const decidedOn =
        status === ModelStatus.RECOGNISED || status === ModelStatus.NOT_RECOGNISED
          ? rng.dateBetween(`${year}-11-20`, `${year}-12-20`)
          : null;
      const prefix = rng.pick(PREFIXES);
      const organisationId = committeeOn(prefix, committeeUnit, registeredOn);
      const placed = committeeAndUnit(organisationId, unit.code, registeredOn);
      out.push(
        modelRow(rng, {
          unit,
          field,
          year,
          status,
          registrantKind,
          prefix,
          organisationId,
          unitCode: placed.unit.code,
          districtCode: placed.districtCode,
          dates: { registeredOn, startedOn, evaluatedOn, decidedOn },
        }),
      );
    }
  return out;
}

/** The number of later projects: the earlier `count`'s yearly rate over 2020-07-01 – the last day. */
export const laterProjectCount = (count: number): number =>
  Math.round((count * LATER_PROJECT_YEARS) / EARLIER_PROJECT_YEARS);

/** Loan and technology-transfer projects starting 2020-07-01 – the last day, in order of their start. */
export function buildLaterProjects(rng: SeededRandom, count: number): MemberProject[] {
  const starts = Array.from({ length: count }, () => rng.dateBetween(LATER_PROJECTS_FROM, LAST_DAY)).sort();
  return starts.map((startsOn) => {
    const unit = rng.pick(unitsOfTheDay(startsOn));
    const kind = rng.chance(0.6) ? MemberProjectKind.LOAN : MemberProjectKind.TECHNOLOGY_TRANSFER;
    const fundingSource = rng.chance(0.8) ? FundingSource.DOMESTIC : FundingSource.INTERNATIONAL;
    const prefix = rng.pick(["HND", "HPN", "DTN", "CCB"] as const);
    const organisationId = committeeOn(prefix, unit.code, startsOn);
    const placed = committeeAndUnit(organisationId, unit.code, startsOn);
    return projectRow(rng, {
      kind,
      unitName: unit.name,
      organisationId,
      unitCode: placed.unit.code,
      districtCode: placed.districtCode,
      fundingSource,
      startsOn,
    });
  });
}
