import type { DataSource } from "typeorm";
import { AdministrativeUnit } from "../src/units/administrative-unit.entity.js";
import { UnitSuccession } from "../src/units/unit-succession.entity.js";
import { successionRows } from "../src/units/unit-timeline-rows.js";
import { Organisation, OrganisationClosure } from "../src/organisations/organisation.entity.js";
import { OrganisationSuccession } from "../src/organisations/organisation-succession.entity.js";
import { OrganisationKind } from "../src/organisations/organisation-kind.js";
import { Member } from "../src/members/member.entity.js";
import { LeadershipPosition } from "../src/positions/leadership-position.entity.js";
import { PositionTitle } from "../src/positions/position-title.js";
import { TITLES } from "../src/positions/position-titles.js";
import { RecruitmentTarget } from "../src/recruitment/recruitment-target.entity.js";
import { Campaign, CampaignPhase } from "../src/campaigns/campaign.entity.js";
import { CampaignKind } from "../src/campaigns/campaign-kind.js";
import { insertAll, SeededRandom, syntheticName, type SeedProgress } from "@danvan/kit/seeding";
import { campaignPlans } from "./campaign-plans.js";
import { organisationRows, unitRows } from "./committees.js";
import { memberRows, type SeedScale } from "./members.gen.js";

export type { SeedScale } from "./members.gen.js";
export { organisationRows, unitRows } from "./committees.js";

const SEED = 20200101;

/** The years recruitment targets are set for. */
const TARGET_YEARS = [2018, 2019, 2020, 2021, 2022];

function positionRows(rng: SeededRandom, organisations: readonly Organisation[]): LeadershipPosition[] {
  const rows: LeadershipPosition[] = [];
  // Two congress terms: 2014–2019 ended, 2019–2024 running.
  const terms: [string, string | null][] = [
    ["2014-10-01", "2019-09-30"],
    ["2019-10-01", null],
  ];
  for (const o of organisations) {
    const level = o.unitCode.length === 2 ? 2 : o.unitCode.length === 3 ? 1 : 0;
    const grassroots = o.workplaceSector !== null;
    // Each organisation's own titles: the Youth Union's secretary and deputies, the others' chair.
    const youth = o.kind === OrganisationKind.YOUTH_UNION;
    const head = TITLES[o.kind].head;
    const deputy = youth ? PositionTitle.DEPUTY_SECRETARY : PositionTitle.VICE_CHAIR;
    const seats: [PositionTitle, number][] = [
      [head, 1],
      [deputy, level === 0 ? 1 : 2],
      [PositionTitle.STANDING_MEMBER, level === 0 || grassroots ? 0 : 3],
    ];
    for (const [start, end] of terms) {
      for (const [title, count] of seats) {
        for (let i = 0; i < count; i++) {
          const female =
            o.kind === OrganisationKind.WOMENS_UNION ||
            rng.chance(o.kind === OrganisationKind.LABOUR_FEDERATION ? 0.5 : 0.3);
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
  const below = new Map<string, string[]>();
  for (const o of organisations) if (o.parentId) below.set(o.parentId, [...(below.get(o.parentId) ?? []), o.id]);
  const rows: RecruitmentTarget[] = [];
  for (const o of organisations) {
    // Targets are set for grassroots committees, and the Labour Federation's for its districts.
    const commune = o.unitCode.length === 5 && o.workplaceSector === null;
    const federation = o.kind === OrganisationKind.LABOUR_FEDERATION && o.unitCode.length === 3;
    if (!commune && !federation) continue;
    const ids = federation ? (below.get(o.id) ?? []) : [o.id];
    for (const year of TARGET_YEARS) {
      const actual = ids.reduce((n, id) => n + (joinedPerOrgYear.get(`${id}:${year}`) ?? 0), 0);
      const target = Math.max(1, Math.round(actual * (0.8 + rng.next() * 0.5)) || (scale === "small" ? 1 : 3));
      rows.push(Object.assign(new RecruitmentTarget(), { organisationId: o.id, year, target }));
    }
  }
  return rows;
}

/** Every row of the dataset, generated from fixed seeds: the same on every machine. */
export function buildDataset(scale: SeedScale) {
  const rng = new SeededRandom(SEED);
  const units = unitRows();
  const { organisations, closure, successions } = organisationRows();
  // The register ends in 2022 (published-sizes.ts): members, positions and targets are the 2019
  // map's committees'. The 2025 committees start with the members carried over to them.
  const recorded = organisations.filter((o) => o.validFrom === null);
  const members = memberRows(recorded, scale);
  const positions = positionRows(rng, recorded);
  const targets = targetRows(rng, recorded, members, scale);
  return { rng, units, organisations, closure, successions, members, positions, targets };
}

/**
 * Loads the deterministic dataset: the real units; the committees each organisation has (848 on
 * the 2019 map, ended with their units, and 555 on the 2025 map, with the successions between
 * them) and the grassroots trade unions under the districts' Labour Federations, with their closure;
 * positions; members (775,436 rows at full scale, each organisation's published size on its
 * day; 8,506 small); recruitment targets and campaigns. One transaction: all of it or nothing.
 */
export async function seedOrganisations(
  ds: DataSource,
  opts: { scale?: SeedScale; progress?: SeedProgress } = {},
): Promise<Record<string, number>> {
  const { rng, units, organisations, closure, successions, members, positions, targets } = buildDataset(
    opts.scale ?? "full",
  );
  const counts: Record<string, number> = {};
  await ds.transaction(async (m) => {
    await insertAll(m, AdministrativeUnit, "administrative_unit", units, opts.progress);
    await insertAll(m, UnitSuccession, "administrative_unit_succession", successionRows(), opts.progress);
    await insertAll(m, Organisation, "organisation", organisations, opts.progress);
    await insertAll(m, OrganisationClosure, "organisation_closure", closure, opts.progress);
    await insertAll(m, OrganisationSuccession, "organisation_succession", successions, opts.progress);
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
    organisation_succession: successions.length,
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
