import { REORGANISATION_2025 } from "@danvan/kit/units";
import { SeededRandom } from "@danvan/kit/seeding";
import type { Member } from "../src/members/member.entity.js";
import { isMemberOn } from "../src/members/membership.js";
import { ALL_ORGANISATION_KINDS, type OrganisationKind } from "../src/organisations/organisation-kind.js";
import type { Organisation } from "../src/organisations/organisation.entity.js";
import { carryRows, type MemberCarryRow } from "../src/organisations/split-communes.js";
import { PROFILES } from "./member-profiles.js";
import { addDays, MemberGenerator, yearsBetween } from "./member-generator.js";
import { apportion, HISTORY_UNTIL, REGISTER_UNTIL } from "./published-sizes.js";

/** The continuation's own random stream: the rows of 2010–2022 (seed 20200102) stay as they were. */
const SEED = 20230101;

const OLD_MAP_LAST_DAY = addDays(REORGANISATION_2025, -1);

export interface ContinuedRegister {
  /** The rows of 2010–2022 (their running memberships continued), then the new ones; a row's id is its index + 1. */
  members: Member[];
  /** Each member of a split commune's committee carried to the part where they live. */
  carries: MemberCarryRow[];
  /** How many rows the 2010–2022 register holds (the first rows of `members`). */
  historyRows: number;
}

/**
 * The register from 2023 to REGISTER_UNTIL (2026-11-30), on the map of each day (issue 27):
 * memberships running at the end of 2022 end by the rules (age, retirement) or by chance, carried
 * over members included; members join the committees of the 2019 map (and the grassroots trade
 * unions) until each committee's last day, and from 2025-07-01 the committees of the 2025 map,
 * at each organisation's yearly rate, in proportion to the members a committee holds (at the end
 * of 2022; a 2025 committee: the members carried to it). No one joins an ended committee. The
 * members of a split commune's committees are carried to the parts where they live (carryRows).
 */
export function continueMembers(
  organisations: readonly Organisation[],
  successions: readonly { fromId: string; toId: string; share: string }[],
  split: ReadonlyMap<string, readonly string[]>,
  history: Member[],
): ContinuedRegister {
  const rng = new SeededRandom(SEED);
  const byId = new Map(organisations.map((o) => [o.id, o]));
  const generators = new Map(
    ALL_ORGANISATION_KINDS.map((k) => [k, new MemberGenerator(rng, k, PROFILES[k], HISTORY_UNTIL)] as const),
  );
  const generator = (orgId: string) => generators.get(byId.get(orgId)!.kind)!;

  // Running memberships continue: some end, by the rules or by chance.
  for (const m of history)
    if (m.leftOn === null) generator(m.organisationId).continueTo(m, HISTORY_UNTIL, REGISTER_UNTIL);

  // Joins on the 2019 map, each committee until its last day; grassroots unions until the register's end.
  const active = new Map<string, number>();
  for (const m of history)
    if (isMemberOn(m, HISTORY_UNTIL)) active.set(m.organisationId, (active.get(m.organisationId) ?? 0) + 1);
  const old = organisations.filter((o) => o.validFrom === null && active.has(o.id));
  const lastDay = (o: Organisation) => (o.validTo !== null && o.validTo < REGISTER_UNTIL ? o.validTo : REGISTER_UNTIL);
  const members = [...history];
  joins(
    old,
    (o) => active.get(o.id)! * yearsBetween(HISTORY_UNTIL, lastDay(o)),
    (o, gen) => gen.joinedBetween(o.id, addDays(HISTORY_UNTIL, 1), lastDay(o), REGISTER_UNTIL),
  ).forEach((m) => members.push(m));

  // The split communes' members go to the parts where they live; the others follow their committee.
  const carries = carryRows(
    members.map((m, i) => ({ id: i + 1, committee: byId.get(m.organisationId)! })),
    split,
  );
  const carriedTo = new Map(carries.map((c) => [c.memberId, c.toId]));
  const next = new Map(successions.filter((s) => s.share === "whole").map((s) => [s.fromId, s.toId]));
  const successorOf = (id: string) => {
    let at = id;
    for (let guard = 0; byId.get(at)!.validFrom === null && next.has(at) && guard < 10; guard++) at = next.get(at)!;
    return byId.get(at)!.validFrom === null ? undefined : at;
  };
  const carried = new Map<string, number>();
  members.forEach((m, i) => {
    const o = byId.get(m.organisationId)!;
    // A committee of the 2019 map (not a grassroots union, which goes on); its members on its last day.
    if (o.validFrom !== null || o.workplaceSector !== null || !isMemberOn(m, OLD_MAP_LAST_DAY)) return;
    const to = carriedTo.get(i + 1) ?? successorOf(o.id);
    if (to) carried.set(to, (carried.get(to) ?? 0) + 1);
  });

  // Joins on the 2025 map, from 2025-07-01.
  const fresh = organisations.filter((o) => o.validFrom !== null && carried.has(o.id));
  joins(
    fresh,
    (o) => carried.get(o.id)! * yearsBetween(OLD_MAP_LAST_DAY, REGISTER_UNTIL),
    (o, gen) => gen.joinedBetween(o.id, REORGANISATION_2025, REGISTER_UNTIL, REGISTER_UNTIL),
  ).forEach((m) => members.push(m));
  return { members, carries, historyRows: history.length };

  /** New members of `holders`, each organisation's total at its yearly rate, apportioned by `weight`. */
  function joins(
    holders: readonly Organisation[],
    weight: (o: Organisation) => number,
    make: (o: Organisation, gen: MemberGenerator) => Member,
  ): Member[] {
    const rows: Member[] = [];
    for (const kind of ALL_ORGANISATION_KINDS) {
      const ofKind = holders.filter((o) => o.kind === (kind as OrganisationKind));
      const weights = ofKind.map(weight);
      const total = Math.round(weights.reduce((a, b) => a + b, 0) * PROFILES[kind].joinsPerYear);
      const parts = apportion(total, weights);
      ofKind.forEach((o, i) => {
        for (let k = 0; k < parts[i]!; k++) rows.push(make(o, generators.get(kind)!));
      });
    }
    return rows;
  }
}
