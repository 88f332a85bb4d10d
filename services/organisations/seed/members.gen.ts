import { childrenOf, unitByCode } from "@danvan/kit/units";
import { SeededRandom, syntheticName } from "@danvan/kit/seeding";
import { Member } from "../src/members/member.entity.js";
import { Gender, MemberStatus } from "../src/members/member-status.js";
import { MEMBERSHIP_RULES } from "../src/members/membership-rules.js";
import { ALL_ORGANISATION_KINDS, OrganisationKind } from "../src/organisations/organisation-kind.js";
import type { Organisation } from "../src/organisations/organisation.entity.js";
import { apportion, REGISTER_UNTIL, SIZES } from "./published-sizes.js";
import { grassrootsUnionPlans } from "./grassroots-unions.js";

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

type Band = readonly [from: number, to: number, weight: number];

/** How an organisation's members look: synthetic, plausible, within its rules. */
interface Profile {
  /** Ages (year minus birth year) of the members counted on the size's day. */
  ages: readonly Band[];
  female: number;
  /** The earliest year anyone in the register joined. */
  earliestJoin: number;
  /** The youngest age members usually join at (never below the rule's minimum). */
  joinsFrom: number;
  /** Members who had left by the size's day, as a share of those counted on it. */
  former: number;
  /** Of those counted on the day, the share leaving each year after it. */
  exitsPerYear: number;
  /** New members each year after the day, as a share of those counted on it. */
  joinsPerYear: number;
  /** A commune committee's weight by the commune's kind (Xã, Thị trấn, Phường). */
  byUnitKind: Readonly<Record<string, number>>;
  /** Commune committees' sizes: by the commune's people, or about the same everywhere. */
  spread: "people" | "even";
  /** The district and province committees' own members (cadres, committee members). */
  own: { district: readonly [number, number]; province: readonly [number, number] } | null;
  /** Trade union members retire (Bộ luật Lao động 2012, Điều 187: 55 for women, 60 for men). */
  retiresAt?: { female: number; male: number };
}

const EVERYWHERE = { Xã: 1, "Thị trấn": 1, Phường: 1 };

const PROFILES: Record<OrganisationKind, Profile> = {
  FATHERLAND_FRONT: {
    ages: [
      [28, 44, 25],
      [45, 59, 45],
      [60, 78, 30],
    ],
    female: 0.3,
    earliestJoin: 1995,
    joinsFrom: 25,
    former: 0.5,
    exitsPerYear: 0.05,
    joinsPerYear: 0.05,
    byUnitKind: EVERYWHERE,
    // Its members are the committees' members: a commune committee has about the same number anywhere.
    spread: "even",
    own: { district: [45, 60], province: [90, 100] },
  },
  FARMERS_UNION: {
    ages: [
      [18, 29, 6],
      [30, 44, 24],
      [45, 59, 40],
      [60, 84, 30],
    ],
    female: 0.28,
    earliestJoin: 1976,
    joinsFrom: 18,
    former: 0.2,
    exitsPerYear: 0.02,
    joinsPerYear: 0.022,
    // Few farmers in wards and townships (synthetic weights).
    byUnitKind: { Xã: 1, "Thị trấn": 0.45, Phường: 0.08 },
    spread: "people",
    own: { district: [10, 18], province: [22, 32] },
  },
  WOMENS_UNION: {
    ages: [
      [18, 29, 14],
      [30, 44, 30],
      [45, 59, 30],
      [60, 89, 26],
    ],
    female: 1,
    earliestJoin: 1976,
    joinsFrom: 18,
    former: 0.15,
    exitsPerYear: 0.02,
    joinsPerYear: 0.025,
    byUnitKind: EVERYWHERE,
    spread: "people",
    own: { district: [12, 20], province: [25, 35] },
  },
  YOUTH_UNION: {
    ages: [
      [16, 18, 22],
      [19, 24, 36],
      [25, 30, 42],
    ],
    female: 0.48,
    earliestJoin: 1976,
    joinsFrom: 16,
    // Members leave by 31: the register holds about as many who have left as who are members.
    former: 1,
    exitsPerYear: 0.06,
    joinsPerYear: 0.08,
    byUnitKind: EVERYWHERE,
    spread: "people",
    own: { district: [8, 14], province: [20, 30] },
  },
  VETERANS_ASSOCIATION: {
    ages: [
      [24, 39, 4],
      [40, 54, 22],
      [55, 69, 46],
      [70, 95, 28],
    ],
    female: 0.07,
    // The Veterans' Association was founded in December 1989.
    earliestJoin: 1990,
    joinsFrom: 22,
    former: 0.3,
    exitsPerYear: 0.03,
    joinsPerYear: 0.02,
    byUnitKind: EVERYWHERE,
    spread: "people",
    own: { district: [8, 14], province: [18, 26] },
  },
  LABOUR_FEDERATION: {
    ages: [
      [18, 29, 24],
      [30, 44, 46],
      [45, 59, 30],
    ],
    female: 0.55,
    earliestJoin: 1976,
    joinsFrom: 18,
    former: 0.3,
    exitsPerYear: 0.05,
    joinsPerYear: 0.06,
    byUnitKind: EVERYWHERE,
    spread: "people",
    own: null, // trade union members are in grassroots unions only
    retiresAt: { female: 55, male: 60 },
  },
};

interface Holder {
  organisationId: string;
  /** Members counted on the size's day. */
  active: number;
}

const year = (day: string) => Number(day.slice(0, 4));
const addDays = (day: string, n: number) =>
  new Date(Date.parse(`${day}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);

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
    const yearsAfter =
      (Date.parse(`${REGISTER_UNTIL}T00:00:00Z`) - Date.parse(`${size.on}T00:00:00Z`)) / 31_557_600_000;
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

/** Members of one organisation around its day: counted on it, gone before it, or come after it. */
class MemberGenerator {
  private readonly rule;
  private readonly dayYear: number;

  constructor(
    private readonly rng: SeededRandom,
    private readonly kind: OrganisationKind,
    private readonly profile: Profile,
    private readonly day: string,
  ) {
    this.rule = MEMBERSHIP_RULES[kind];
    this.dayYear = year(day);
  }

  /** A member on the day: joined on or before it, not left by it. */
  counted(organisationId: string): Member {
    const { female, birthYear } = this.person(this.dayYear);
    const joinedOn = this.joinDate(birthYear, this.dayYear, this.day);
    // The day's ages are within the rules, so no rule ends the membership on or before the day.
    let leftOn: string | null = this.leavesBy(birthYear, female, REGISTER_UNTIL);
    if (leftOn === null && this.day < REGISTER_UNTIL) {
      const years = (Date.parse(`${REGISTER_UNTIL}T00:00:00Z`) - Date.parse(`${this.day}T00:00:00Z`)) / 31_557_600_000;
      if (this.rng.chance(this.profile.exitsPerYear * years))
        leftOn = this.rng.dateBetween(addDays(this.day, 1), REGISTER_UNTIL);
    }
    return this.row(organisationId, female, birthYear, joinedOn, leftOn);
  }

  /** A member who joined and left before the day. */
  former(organisationId: string): Member {
    const youth = this.rule.leavesAfter !== null;
    const person = this.person(this.dayYear);
    const female = person.female;
    let birthYear = person.birthYear;
    if (youth) birthYear = this.dayYear - this.rng.int(17, 40);
    birthYear = Math.min(birthYear, this.dayYear - this.profile.joinsFrom - 1);
    const joinedOn = this.joinDate(birthYear, this.dayYear - 1, `${this.dayYear - 1}-12-31`);
    const forced = this.leavesBy(birthYear, female, this.day);
    const leftOn =
      forced !== null && forced > joinedOn && this.rng.chance(0.75)
        ? forced
        : this.rng.dateBetween(addDays(joinedOn, 1), forced !== null && forced > joinedOn ? forced : this.day);
    return this.row(organisationId, female, birthYear, joinedOn, leftOn);
  }

  /** A member who joined after the day, still a member at the register's end. */
  later(organisationId: string): Member {
    const joinedOn = this.rng.dateBetween(addDays(this.day, 1), REGISTER_UNTIL);
    const { female, birthYear } = this.person(year(joinedOn));
    return this.row(organisationId, female, birthYear, joinedOn, null);
  }

  /** A person of the organisation's make-up, aged as its members are in `inYear`. */
  private person(inYear: number): { female: boolean; birthYear: number } {
    const female = this.rng.chance(this.profile.female);
    const [from, to] = this.rng.weighted(this.profile.ages.map((b) => [b, b[2]] as const));
    let age = this.rng.int(from, to);
    const retires = this.profile.retiresAt;
    if (retires) age = Math.min(age, (female ? retires.female : retires.male) - 1 - this.rng.int(0, 3));
    return { female, birthYear: inYear - Math.max(age, this.rule.joinAge.min) };
  }

  /** A join date no later than `latest` (in `latestYear`), at an age the rules admit. */
  private joinDate(birthYear: number, latestYear: number, latest: string): string {
    const { min, max } = this.rule.joinAge;
    const from = Math.max(this.profile.earliestJoin, birthYear + Math.max(min, this.profile.joinsFrom));
    const to = Math.min(latestYear, max === null ? latestYear : birthYear + max);
    const y = this.rng.int(Math.min(from, to), to);
    return this.rng.dateBetween(`${y}-01-01`, y === latestYear ? latest : `${y}-12-31`);
  }

  /**
   * The day a membership ends by the organisation's own rule, if on or before `until`: the
   * Youth Union's members leave after 30; trade union members retire.
   */
  private leavesBy(birthYear: number, female: boolean, until: string): string | null {
    const leaves = this.rule.leavesAfter;
    const retires = this.profile.retiresAt;
    const lastYear = leaves
      ? birthYear + leaves.age
      : retires
        ? birthYear + (female ? retires.female : retires.male)
        : null;
    if (lastYear === null) return null;
    const day = `${lastYear + 1}-01-01`;
    return day <= until ? day : null;
  }

  private row(
    organisationId: string,
    female: boolean,
    birthYear: number,
    joinedOn: string,
    leftOn: string | null,
  ): Member {
    let status = MemberStatus.ACTIVE;
    if (leftOn !== null) {
      const agedOut = this.leavesBy(birthYear, female, leftOn) === leftOn;
      status = agedOut
        ? MemberStatus.CEASED
        : year(leftOn) - birthYear >= 70 && this.rng.chance(0.5)
          ? MemberStatus.DECEASED
          : this.rng.pick([MemberStatus.TRANSFERRED, MemberStatus.CEASED]);
    }
    return Object.assign(new Member(), {
      organisationId,
      fullName: syntheticName(this.rng, female),
      gender: female ? Gender.FEMALE : Gender.MALE,
      birthYear,
      joinedOn,
      leftOn,
      status,
      version: 1,
    });
  }
}
