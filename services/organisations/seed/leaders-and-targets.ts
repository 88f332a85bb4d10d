import { REORGANISATION_2025 } from "@danvan/kit/units";
import { type SeededRandom, syntheticName } from "@danvan/kit/seeding";
import type { Organisation } from "../src/organisations/organisation.entity.js";
import { OrganisationKind } from "../src/organisations/organisation-kind.js";
import type { Member } from "../src/members/member.entity.js";
import { LeadershipPosition } from "../src/positions/leadership-position.entity.js";
import { PositionTitle } from "../src/positions/position-title.js";
import { TITLES } from "../src/positions/position-titles.js";
import { RecruitmentTarget } from "../src/recruitment/recruitment-target.entity.js";
import type { SeedScale } from "./members.gen.js";

/** A congress term: its first and last day (null while it runs). */
export type Term = readonly [start: string, end: string | null];

/** The 2019 map's terms as first generated: 2014–2019 ended, 2019–2024 running (ended by continuePositions). */
export const TERMS_2014_2019: readonly Term[] = [
  ["2014-10-01", "2019-09-30"],
  ["2019-10-01", null],
];

/** The 2019–2024 term's last day and the next term's first (the congresses of 2024/2025). */
export const TERM_2019_END = "2024-09-30";
export const TERM_2024_START = "2024-10-01";

/** Leaders of `organisations`, each the seats of its level, for each of the organisation's terms. */
export function positionRows(
  rng: SeededRandom,
  organisations: readonly Organisation[],
  termsOf: (o: Organisation) => readonly Term[],
): LeadershipPosition[] {
  const rows: LeadershipPosition[] = [];
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
    for (const [start, end] of termsOf(o)) {
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

/**
 * The terms after 2024 (issue 27): the 2019–2024 term ends on 2024-09-30 (`first`'s running
 * rows are ended in place); the 2019 map's committees and the grassroots unions start a new term
 * on 2024-10-01, to the committee's last day (a grassroots union's runs on); the 2025 committees
 * get their leaders from 2025-07-01. `rng` is the continuation's own stream.
 */
export function continuePositions(
  rng: SeededRandom,
  organisations: readonly Organisation[],
  first: readonly LeadershipPosition[],
): LeadershipPosition[] {
  for (const p of first) if (p.termStart === TERMS_2014_2019[1]![0] && p.termEnd === null) p.termEnd = TERM_2019_END;
  return positionRows(rng, organisations, (o) =>
    o.validFrom === null
      ? o.validTo === null || o.validTo >= TERM_2024_START
        ? [[TERM_2024_START, o.validTo]]
        : []
      : [[o.validFrom < REORGANISATION_2025 ? REORGANISATION_2025 : o.validFrom, o.validTo]],
  );
}

/** The years recruitment targets were first set for; the continuation sets 2023–2026. */
export const TARGET_YEARS = [2018, 2019, 2020, 2021, 2022];
/** The 2019 map's committees' years after 2022, and the 2025 committees' (2025 from 2025-07-01). */
export const TARGET_YEARS_OLD_MAP = [2023, 2024];
export const TARGET_YEARS_2025_MAP = [2025, 2026];

/**
 * Recruitment targets for `years`: the grassroots committees' (communes) and the Labour
 * Federation's for its districts (on the 2025 map, for the province: every grassroots union),
 * each about the joins of its year.
 */
export function targetRows(
  rng: SeededRandom,
  organisations: readonly Organisation[],
  members: readonly Member[],
  scale: SeedScale,
  years: readonly number[],
  only: (o: Organisation) => boolean = () => true,
): RecruitmentTarget[] {
  // Joins by organisation and year; `:new` those from 2025-07-01 (a 2025 committee's first year).
  const joinedPerOrgYear = new Map<string, number>();
  const add = (k: string) => joinedPerOrgYear.set(k, (joinedPerOrgYear.get(k) ?? 0) + 1);
  for (const m of members) {
    add(`${m.organisationId}:${m.joinedOn.slice(0, 4)}`);
    if (m.joinedOn >= REORGANISATION_2025) add(`${m.organisationId}:${m.joinedOn.slice(0, 4)}:new`);
  }
  const below = new Map<string, string[]>();
  for (const o of organisations) if (o.parentId) below.set(o.parentId, [...(below.get(o.parentId) ?? []), o.id]);
  const unions = organisations.filter((o) => o.workplaceSector !== null).map((o) => o.id);
  const rows: RecruitmentTarget[] = [];
  for (const o of organisations) {
    if (!only(o)) continue;
    // Targets are set for grassroots committees, and the Labour Federation's for its districts.
    const commune = o.unitCode.length === 5 && o.workplaceSector === null;
    const federation = o.kind === OrganisationKind.LABOUR_FEDERATION && o.unitCode.length === 3;
    const province2025 =
      o.kind === OrganisationKind.LABOUR_FEDERATION && o.validFrom !== null && o.unitCode.length === 2;
    if (!commune && !federation && !province2025) continue;
    const ids = province2025 ? unions : federation ? (below.get(o.id) ?? []) : [o.id];
    for (const year of years) {
      const key = (id: string) => `${id}:${year}${province2025 ? ":new" : ""}`;
      const actual = ids.reduce((n, id) => n + (joinedPerOrgYear.get(key(id)) ?? 0), 0);
      const target = Math.max(1, Math.round(actual * (0.8 + rng.next() * 0.5)) || (scale === "small" ? 1 : 3));
      rows.push(Object.assign(new RecruitmentTarget(), { organisationId: o.id, year, target }));
    }
  }
  return rows;
}
