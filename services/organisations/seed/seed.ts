import type { DataSource } from "typeorm";
import { AdministrativeUnit } from "../src/units/administrative-unit.entity.js";
import { UnitSuccession } from "../src/units/unit-succession.entity.js";
import { successionRows } from "../src/units/unit-timeline-rows.js";
import { Organisation, OrganisationClosure } from "../src/organisations/organisation.entity.js";
import { OrganisationSuccession } from "../src/organisations/organisation-succession.entity.js";
import { Member } from "../src/members/member.entity.js";
import { MemberCarry } from "../src/members/member-carry.entity.js";
import { LeadershipPosition } from "../src/positions/leadership-position.entity.js";
import { RecruitmentTarget } from "../src/recruitment/recruitment-target.entity.js";
import { Campaign, CampaignPhase } from "../src/campaigns/campaign.entity.js";
import { CampaignKind } from "../src/campaigns/campaign-kind.js";
import { insertAll, SeededRandom, type SeedProgress } from "@danvan/kit/seeding";
import { campaignPlans, campaignPlans2023 } from "./campaign-plans.js";
import { organisationRows, unitRows } from "./committees.js";
import { memberRows } from "./members.gen.js";
import { continueMembers } from "./members-continued.gen.js";
import {
  continuePositions,
  positionRows,
  TARGET_YEARS,
  TARGET_YEARS_2025_MAP,
  TARGET_YEARS_OLD_MAP,
  targetRows,
  TERMS_2014_2019,
} from "./leaders-and-targets.js";
import type { SeedScale } from "./members.gen.js";

export type { SeedScale } from "./members.gen.js";
export { organisationRows, unitRows } from "./committees.js";

const SEED = 20200101;
/** The continuation's stream for terms, targets and campaigns from 2023. */
const SEED_2023 = 20230102;

/**
 * Every row of the dataset, generated from fixed seeds: the same on every machine. The first
 * generation (2010–2022, the 2019 map's committees: published-sizes.ts) comes first, from the
 * seeds it always had; the continuation to 2026-11-30 (issue 27: members, terms, targets and
 * campaigns on the map of each day) comes from streams of its own, so the first rows stay as
 * they were (a membership or term running at the end of 2022 gets its end).
 */
export function buildDataset(scale: SeedScale) {
  const rng = new SeededRandom(SEED);
  const units = unitRows();
  const { organisations, closure, successions, split } = organisationRows();
  const recorded = organisations.filter((o) => o.validFrom === null);
  const history = memberRows(recorded, scale);
  const positions = positionRows(rng, recorded, () => TERMS_2014_2019);
  const targets = targetRows(rng, recorded, history, scale, TARGET_YEARS);
  const next = new SeededRandom(SEED_2023);
  const { members, carries, historyRows } = continueMembers(organisations, successions, split, history);
  positions.push(...continuePositions(next, organisations, positions));
  targets.push(
    ...targetRows(next, organisations, members, scale, TARGET_YEARS_OLD_MAP, (o) => o.validFrom === null),
    ...targetRows(next, organisations, members, scale, TARGET_YEARS_2025_MAP, (o) => o.validFrom !== null),
  );
  const carryRows = carries.map((c) => Object.assign(new MemberCarry(), c));
  return {
    rng,
    next,
    units,
    organisations,
    closure,
    successions,
    split,
    members,
    historyRows,
    carries: carryRows,
    positions,
    targets,
  };
}

/**
 * Loads the deterministic dataset: the real units; the committees each organisation has (848 on
 * the 2019 map, ended with their units, and 516 on the 2025 map, with the successions between
 * them) and the grassroots trade unions under the districts' Labour Federations, with their closure;
 * positions; members (855,675 rows at full scale, 775,436 of them of 2010–2022, each
 * organisation's published size on its day; 9,431 small) and the split communes' members' carry
 * rows (14,661; 167 small); recruitment targets and campaigns. One transaction: all of it or nothing.
 */
export async function seedOrganisations(
  ds: DataSource,
  opts: { scale?: SeedScale; progress?: SeedProgress } = {},
): Promise<Record<string, number>> {
  const { rng, next, units, organisations, closure, successions, members, carries, positions, targets } = buildDataset(
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
    await insertAll(m, MemberCarry, "member_carry", carries, opts.progress);
    await insertAll(m, RecruitmentTarget, "recruitment_target", targets, opts.progress);
    counts.campaign = 0;
    counts.campaign_phase = 0;
    const plans = [...campaignPlans(rng), ...campaignPlans2023(next)];
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
    member_carry: carries.length,
    recruitment_target: targets.length,
  });
  return counts;
}

/** True when the database already holds the dataset (the units are loaded first). */
export async function isSeeded(ds: DataSource): Promise<boolean> {
  return (await ds.getRepository(AdministrativeUnit).count()) > 0;
}

export { CampaignKind };
