import { childrenOf, unitByCode } from "@danvan/kit/units";
import { SeededRandom } from "@danvan/kit/seeding";
import type { Member } from "../src/members/member.entity.js";
import { ALL_ORGANISATION_KINDS, OrganisationKind } from "../src/organisations/organisation-kind.js";
import type { Organisation } from "../src/organisations/organisation.entity.js";
import { apportion, HISTORY_UNTIL, SIZES } from "./published-sizes.js";
import { grassrootsUnionPlans } from "./grassroots-unions.js";
import { PROFILES, type Profile } from "./member-profiles.js";
import { MemberGenerator, yearsBetween } from "./member-generator.js";

export type SeedScale = "small" | "full";

/** The share of the full register each scale holds. */
export const SCALE_FACTOR: Record<SeedScale, number> = { small: 0.01, full: 1 };

const SEED = 20200102;

/**
 * People per district, 2019 census (services/kit/data/README.md, "Programs"): how members spread
 * over the communes. Four districts' figures are published; the other seven share the rest.
 */
const DISTRICT_PEOPLE: Record<string, number> = {
  "883": 272_365,
  "884": 101_765,
  "886": 148_615,
  "887": 141_211,
  "888": 188_951,
  "889": 206_676,
  "890": 108_562,
  "891": 117_431,
  "892": 151_368,
  "893": 307_981,
  "894": 163_427,
};

interface Holder {
  organisationId: string;
  /** Members counted on the size's day. */
  active: number;
}

/**
 * Every member row, the same on every machine: for each organisation exactly its size on its
 * day (published-sizes.ts; a share of it at the small scale), spread over its committees (or
 * grassroots unions) by commune weight, with members who had left before the day and who
 * joined after it, all within the organisation's rules.
 */
export function memberRows(organisations: readonly Organisation[], scale: SeedScale): Member[] {
  const rng = new SeededRandom(SEED);
  const factor = SCALE_FACTOR[scale];
  const rows: Member[] = [];
  const unionSizes = new Map(grassrootsUnionPlans().map((g) => [g.id, g.members]));
  for (const kind of ALL_ORGANISATION_KINDS) {
    const size = SIZES[kind];
    const profile = PROFILES[kind];
    const holders = holdersOf(kind, organisations, unionSizes, profile, factor, size.members, rng);
    const generate = new MemberGenerator(rng, kind, profile, size.on);
    for (const h of holders) {
      for (let i = 0; i < h.active; i++) rows.push(generate.counted(h.organisationId));
    }
    const weights = holders.map((h) => h.active);
    const formers = apportion(Math.round(sum(weights) * profile.former), weights);
    const yearsAfter = yearsBetween(size.on, HISTORY_UNTIL);
    const laters = apportion(Math.round(sum(weights) * profile.joinsPerYear * yearsAfter), weights);
    holders.forEach((h, i) => {
      for (let k = 0; k < formers[i]!; k++) rows.push(generate.former(h.organisationId));
      for (let k = 0; k < laters[i]!; k++) rows.push(generate.later(h.organisationId));
    });
  }
  return rows;
}

const sum = (xs: readonly number[]) => xs.reduce((a, b) => a + b, 0);

/** Who holds an organisation's members on its day, and how many each. */
function holdersOf(
  kind: OrganisationKind,
  organisations: readonly Organisation[],
  unionSizes: ReadonlyMap<string, number>,
  profile: Profile,
  factor: number,
  members: number | "grassroots unions' sizes",
  rng: SeededRandom,
): Holder[] {
  const ofKind = organisations.filter((o) => o.kind === kind);
  if (kind === OrganisationKind.LABOUR_FEDERATION) {
    const unions = ofKind.filter((o) => o.workplaceSector !== null);
    const weights = unions.map((u) => unionSizes.get(u.id)!);
    const total = members === "grassroots unions' sizes" ? sum(weights) : members;
    // Every grassroots union has members, at either scale.
    const parts = apportion(Math.max(Math.round(total * factor), unions.length) - unions.length, weights);
    return unions.map((u, i) => ({ organisationId: u.id, active: parts[i]! + 1 }));
  }
  if (members === "grassroots unions' sizes") throw new Error(`${kind}: a size is needed`);
  const own: Holder[] = [];
  const communes: Organisation[] = [];
  for (const o of ofKind) {
    if (o.unitCode.length === 5) communes.push(o);
    else {
      const [lo, hi] = o.unitCode.length === 2 ? profile.own!.province : profile.own!.district;
      own.push({ organisationId: o.id, active: Math.max(1, Math.round(rng.int(lo, hi) * factor)) });
    }
  }
  const weights = communes.map((o) => {
    const unit = unitByCode(o.unitCode)!;
    const district = unit.parentCode!;
    const perCommune = profile.spread === "people" ? DISTRICT_PEOPLE[district]! / childrenOf(district).length : 1;
    return perCommune * profile.byUnitKind[unit.kind]! * (0.6 + rng.next() * 0.8);
  });
  // Every committee of a commune has members, at either scale.
  const total = Math.max(Math.round(members * factor), sum(own.map((h) => h.active)) + communes.length);
  const parts = apportion(total - sum(own.map((h) => h.active)) - communes.length, weights);
  return [...own, ...communes.map((o, i) => ({ organisationId: o.id, active: parts[i]! + 1 }))];
}
