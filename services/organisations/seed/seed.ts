import type { DataSource } from "typeorm";
import { illustrativeRemoteCommunes, referenceUnits, type ReferenceUnit } from "@danvan/kit/units";
import { AdministrativeUnit } from "../src/units/administrative-unit.entity.js";
import { UnitLevel } from "../src/units/unit-level.js";
import { Organisation, OrganisationClosure } from "../src/organisations/organisation.entity.js";
import {
  ALL_ORGANISATION_KINDS,
  OrganisationKind,
  organisationId,
  organisationName,
} from "../src/organisations/organisation-kind.js";
import { Member } from "../src/members/member.entity.js";
import { Gender, MemberStatus } from "../src/members/member-status.js";
import { LeadershipPosition } from "../src/positions/leadership-position.entity.js";
import { PositionTitle } from "../src/positions/position-title.js";
import { RecruitmentTarget } from "../src/recruitment/recruitment-target.entity.js";
import { Campaign, CampaignPhase } from "../src/campaigns/campaign.entity.js";
import { CampaignKind } from "../src/campaigns/campaign-kind.js";
import { insertAll, SeededRandom, syntheticName, type SeedProgress } from "@danvan/kit/seeding";
import { campaignPlans } from "./campaign-plans.js";

export type SeedScale = "small" | "full";

/** The units as in force from December 2019 (see services/kit/data/README.md). */
export const UNITS_VALID_FROM = "2019-12-01";
export const UNITS_LEGAL_BASIS = "Danh mục đơn vị hành chính Việt Nam (GSO), as in force 2019-12 to 2020-12";
/** The data describes the province up to the end of 2020. */
const DATA_UNTIL = "2020-12-31";
const SEED = 20200101;

/** Members per commune-level committee at full scale, before the commune's own factor. */
const MEMBERS_PER_COMMUNE: Record<OrganisationKind, number> = {
  FATHERLAND_FRONT: 35,
  FARMERS_UNION: 250,
  WOMENS_UNION: 225,
  YOUTH_UNION: 125,
  VETERANS_ASSOCIATION: 60,
  LABOUR_FEDERATION: 40,
};

/** Birth years and gender rule per organisation. */
const PROFILE: Record<OrganisationKind, { born: [number, number]; female: number }> = {
  FATHERLAND_FRONT: { born: [1950, 1985], female: 0.35 },
  FARMERS_UNION: { born: [1950, 1995], female: 0.3 },
  WOMENS_UNION: { born: [1950, 2001], female: 1 },
  YOUTH_UNION: { born: [1986, 2005], female: 0.48 },
  VETERANS_ASSOCIATION: { born: [1935, 1975], female: 0.08 },
  LABOUR_FEDERATION: { born: [1960, 2000], female: 0.45 },
};

export function unitRows(): AdministrativeUnit[] {
  const remote = illustrativeRemoteCommunes();
  return referenceUnits.map((u) =>
    Object.assign(new AdministrativeUnit(), {
      code: u.code,
      name: u.name,
      kind: u.kind,
      level: u.level as UnitLevel,
      parentCode: u.parentCode,
      isRemoteArea: remote.has(u.code),
      validFrom: UNITS_VALID_FROM,
      validTo: null,
      legalBasis: UNITS_LEGAL_BASIS,
      version: 1,
    }),
  );
}

export function organisationRows(): { organisations: Organisation[]; closure: OrganisationClosure[] } {
  const organisations: Organisation[] = [];
  const closure: OrganisationClosure[] = [];
  const byCode = new Map(referenceUnits.map((u) => [u.code, u]));
  for (const unit of referenceUnits) {
    for (const kind of ALL_ORGANISATION_KINDS) {
      const id = organisationId(kind, unit.code);
      organisations.push(
        Object.assign(new Organisation(), {
          id,
          kind,
          name: organisationName(kind, unit.name),
          unitCode: unit.code,
          parentId: unit.parentCode ? organisationId(kind, unit.parentCode) : null,
        }),
      );
      let depth = 0;
      for (let u: ReferenceUnit | undefined = unit; u; u = u.parentCode ? byCode.get(u.parentCode) : undefined) {
        closure.push(
          Object.assign(new OrganisationClosure(), {
            ancestorId: organisationId(kind, u.code),
            descendantId: id,
            depth: depth++,
          }),
        );
      }
    }
  }
  // Parents before children, so foreign keys hold row by row.
  organisations.sort((a, b) => a.unitCode.length - b.unitCode.length || a.id.localeCompare(b.id));
  return { organisations, closure };
}

function memberRows(rng: SeededRandom, scale: SeedScale): Member[] {
  const factor = scale === "small" ? 0.05 : 1;
  const rows: Member[] = [];
  for (const unit of referenceUnits) {
    // Commune committees hold the members; district and province committees their own staff.
    const unitFactor = unit.level === "COMMUNE" ? (unit.kind === "Phường" ? 0.75 : 1) * (0.6 + rng.next() * 0.8) : 0.08;
    for (const kind of ALL_ORGANISATION_KINDS) {
      const n = Math.max(1, Math.round(MEMBERS_PER_COMMUNE[kind] * unitFactor * factor));
      const profile = PROFILE[kind];
      for (let i = 0; i < n; i++) {
        const female = rng.chance(profile.female);
        const birthYear = rng.int(profile.born[0], profile.born[1]);
        const earliestJoin = `${Math.max(birthYear + 16, 1976)}-01-01`;
        const joinedOn = rng.dateBetween(earliestJoin < DATA_UNTIL ? earliestJoin : "2020-01-01", "2020-10-31");
        let status = MemberStatus.ACTIVE;
        let leftOn: string | null = null;
        if (kind === OrganisationKind.YOUTH_UNION && birthYear + 30 < 2020) {
          status = MemberStatus.CEASED; // aged out of the Youth Union at 30
          leftOn = `${birthYear + 30}-12-31` < joinedOn ? joinedOn : `${birthYear + 30}-12-31`;
        } else if (rng.chance(0.1)) {
          status =
            birthYear < 1950 && rng.chance(0.5)
              ? MemberStatus.DECEASED
              : rng.pick([MemberStatus.TRANSFERRED, MemberStatus.CEASED]);
          leftOn = rng.dateBetween(joinedOn, "2020-11-30");
        }
        rows.push(
          Object.assign(new Member(), {
            organisationId: organisationId(kind, unit.code),
            fullName: syntheticName(rng, female),
            gender: female ? Gender.FEMALE : Gender.MALE,
            birthYear,
            joinedOn,
            leftOn,
            status,
            version: 1,
          }),
        );
      }
    }
  }
  return rows;
}

function positionRows(rng: SeededRandom, organisations: readonly Organisation[]): LeadershipPosition[] {
  const rows: LeadershipPosition[] = [];
  // Two congress terms: 2014–2019 ended, 2019–2024 running.
  const terms: [string, string | null][] = [
    ["2014-10-01", "2019-09-30"],
    ["2019-10-01", null],
  ];
  for (const o of organisations) {
    const level = o.unitCode.length === 2 ? 2 : o.unitCode.length === 3 ? 1 : 0;
    const seats: [PositionTitle, number][] = [
      [PositionTitle.CHAIR, 1],
      [PositionTitle.VICE_CHAIR, level === 0 ? 1 : 2],
      [PositionTitle.STANDING_MEMBER, level === 0 ? 0 : 3],
    ];
    for (const [start, end] of terms) {
      for (const [title, count] of seats) {
        for (let i = 0; i < count; i++) {
          const female = o.kind === OrganisationKind.WOMENS_UNION || rng.chance(0.3);
          rows.push(
            Object.assign(new LeadershipPosition(), {
              organisationId: o.id,
              title,
              holderName: syntheticName(rng, female),
              termStart: start,
              termEnd: end,
              version: 1,
            }),
          );
        }
      }
    }
  }
  return rows;
}

function targetRows(
  rng: SeededRandom,
  organisations: readonly Organisation[],
  members: readonly Member[],
  scale: SeedScale,
): RecruitmentTarget[] {
  const joinedPerOrgYear = new Map<string, number>();
  for (const m of members) {
    const k = `${m.organisationId}:${m.joinedOn.slice(0, 4)}`;
    joinedPerOrgYear.set(k, (joinedPerOrgYear.get(k) ?? 0) + 1);
  }
  const rows: RecruitmentTarget[] = [];
  for (const o of organisations) {
    if (o.unitCode.length !== 5) continue; // targets are set for grassroots committees
    for (const year of [2018, 2019, 2020]) {
      const actual = joinedPerOrgYear.get(`${o.id}:${year}`) ?? 0;
      const target = Math.max(1, Math.round(actual * (0.8 + rng.next() * 0.5)) || (scale === "small" ? 1 : 3));
      rows.push(Object.assign(new RecruitmentTarget(), { organisationId: o.id, year, target }));
    }
  }
  return rows;
}

/** Every row of the dataset, generated from the fixed seed: the same on every machine. */
export function buildDataset(scale: SeedScale) {
  const rng = new SeededRandom(SEED);
  const units = unitRows();
  const { organisations, closure } = organisationRows();
  const members = memberRows(rng, scale);
  const positions = positionRows(rng, organisations);
  const targets = targetRows(rng, organisations, members, scale);
  return { rng, units, organisations, closure, members, positions, targets };
}

/**
 * Loads the deterministic dataset: the real units, 1,008 committees, their closure, positions,
 * members (≈115,000 at full scale, ≈6,000 small), recruitment targets and campaigns.
 * One transaction: all of it or nothing.
 */
export async function seedOrganisations(
  ds: DataSource,
  opts: { scale?: SeedScale; progress?: SeedProgress } = {},
): Promise<Record<string, number>> {
  const { rng, units, organisations, closure, members, positions, targets } = buildDataset(opts.scale ?? "full");
  const counts: Record<string, number> = {};
  await ds.transaction(async (m) => {
    // Parents before children (the province, then districts, then communes).
    units.sort((a, b) => a.code.length - b.code.length || a.code.localeCompare(b.code));
    await insertAll(m, AdministrativeUnit, "administrative_unit", units, opts.progress);
    await insertAll(m, Organisation, "organisation", organisations, opts.progress);
    await insertAll(m, OrganisationClosure, "organisation_closure", closure, opts.progress);
    await insertAll(m, LeadershipPosition, "leadership_position", positions, opts.progress);
    await insertAll(m, Member, "member", members, opts.progress);
    await insertAll(m, RecruitmentTarget, "recruitment_target", targets, opts.progress);
    counts.campaign = 0;
    counts.campaign_phase = 0;
    const plans = campaignPlans(rng);
    opts.progress?.start("campaign", plans.length);
    for (const [i, plan] of plans.entries()) {
      const inserted = await m.insert(Campaign, { ...plan.campaign, parentId: null, version: 1 });
      const parentId = Number(inserted.identifiers[0]!.id);
      await m.insert(
        CampaignPhase,
        plan.phases.map((p, n) => ({ ...p, campaignId: parentId, ordinal: n + 1 })),
      );
      counts.campaign_phase += plan.phases.length;
      if (plan.children.length) {
        await m
          .createQueryBuilder()
          .insert()
          .into(Campaign)
          .values(plan.children.map((c) => ({ ...c, parentId, version: 1 })))
          .updateEntity(false)
          .execute();
      }
      counts.campaign += 1 + plan.children.length;
      opts.progress?.advance("campaign", i + 1);
    }
  });
  Object.assign(counts, {
    administrative_unit: units.length,
    organisation: organisations.length,
    organisation_closure: closure.length,
    leadership_position: positions.length,
    member: members.length,
    recruitment_target: targets.length,
  });
  return counts;
}

/** True when the database already holds the dataset (the units are loaded first). */
export async function isSeeded(ds: DataSource): Promise<boolean> {
  return (await ds.getRepository(AdministrativeUnit).count()) > 0;
}

export { CampaignKind };
