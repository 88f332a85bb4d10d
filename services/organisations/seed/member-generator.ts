import { SeededRandom, syntheticName } from "@danvan/kit/seeding";
import { Member } from "../src/members/member.entity.js";
import { Gender, MemberStatus } from "../src/members/member-status.js";
import { MEMBERSHIP_RULES } from "../src/members/membership-rules.js";
import type { OrganisationKind } from "../src/organisations/organisation-kind.js";
import type { Profile } from "./member-profiles.js";
import { HISTORY_UNTIL } from "./published-sizes.js";

export const year = (day: string) => Number(day.slice(0, 4));
export const addDays = (day: string, n: number) =>
  new Date(Date.parse(`${day}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);
/** Years between two days (Julian years, as the register's rates are per year). */
export const yearsBetween = (from: string, to: string) =>
  (Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 31_557_600_000;

/** Members of one organisation around its day: counted on it, gone before it, or come after it. */
export class MemberGenerator {
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
    let leftOn: string | null = this.leavesBy(birthYear, female, HISTORY_UNTIL);
    if (leftOn === null && this.day < HISTORY_UNTIL) {
      const years = (Date.parse(`${HISTORY_UNTIL}T00:00:00Z`) - Date.parse(`${this.day}T00:00:00Z`)) / 31_557_600_000;
      if (this.rng.chance(this.profile.exitsPerYear * years))
        leftOn = this.rng.dateBetween(addDays(this.day, 1), HISTORY_UNTIL);
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
    const joinedOn = this.rng.dateBetween(addDays(this.day, 1), HISTORY_UNTIL);
    const { female, birthYear } = this.person(year(joinedOn));
    return this.row(organisationId, female, birthYear, joinedOn, null);
  }

  /** A member who joined in [from, to] (2023 on: members-continued.gen.ts), leaving by the rules or by chance until `until`. */
  joinedBetween(organisationId: string, from: string, to: string, until: string): Member {
    const joinedOn = this.rng.dateBetween(from, to);
    const { female, birthYear } = this.person(year(joinedOn));
    const m = this.row(organisationId, female, birthYear, joinedOn, null);
    this.continueTo(m, joinedOn, until);
    return m;
  }

  /**
   * Continues a membership still running on `from` to `until`: it ends by the organisation's
   * own rule (age, retirement) if that falls by then, else by chance at the yearly exit rate.
   */
  continueTo(m: Member, from: string, until: string): void {
    if (m.leftOn !== null || m.birthYear === null) return;
    const female = m.gender === Gender.FEMALE;
    const start = from < m.joinedOn ? m.joinedOn : from;
    let leftOn = this.leavesBy(m.birthYear, female, until);
    if (leftOn !== null && leftOn <= m.joinedOn) leftOn = addDays(m.joinedOn, 1);
    if (leftOn === null && start < until && this.rng.chance(this.profile.exitsPerYear * yearsBetween(start, until)))
      leftOn = this.rng.dateBetween(addDays(start, 1), until);
    if (leftOn === null) return;
    m.leftOn = leftOn;
    m.status = this.exitStatus(m.birthYear, female, leftOn);
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
    const status = leftOn === null ? MemberStatus.ACTIVE : this.exitStatus(birthYear, female, leftOn);
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

  /** Why a membership ended on `leftOn`: aged out, died (from 70, by chance), transferred or ceased. */
  private exitStatus(birthYear: number, female: boolean, leftOn: string): MemberStatus {
    const agedOut = this.leavesBy(birthYear, female, leftOn) === leftOn;
    return agedOut
      ? MemberStatus.CEASED
      : year(leftOn) - birthYear >= 70 && this.rng.chance(0.5)
        ? MemberStatus.DECEASED
        : this.rng.pick([MemberStatus.TRANSFERRED, MemberStatus.CEASED]);
  }
}
