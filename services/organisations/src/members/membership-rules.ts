import type { FieldProblem } from "@danvan/kit";
import { orgMessage } from "../messages.js";
import { kindName } from "../organisations/kind-names.js";
import { OrganisationKind } from "../organisations/organisation-kind.js";
import { Gender } from "./member-status.js";

/**
 * Each organisation's membership rules as data, with the charter or law beside each rule, and
 * the checks that apply them (free of GraphQL and TypeORM). Ages are counted as the year minus
 * the birth year: the register keeps the birth year only, and the analysts' age bands count the
 * same way. What the register cannot show (that a farmer farms, that a veteran served, that a
 * worker is employed) is attested by the committee that admits the member and is not checked.
 */
export interface MembershipRules {
  /** The age at joining: at least `min`, at most `max` when there is a maximum. */
  joinAge: { min: number; max: number | null; basis: string };
  /** Ordinary members leave the year after they pass this age (office holders may stay). */
  leavesAfter: { age: number; basis: string } | null;
  /** Only women join. */
  womenOnly: { basis: string } | null;
  /** Members join a grassroots union, never a federation of a unit. */
  grassrootsUnionsOnly: { basis: string } | null;
  /** Admission is by age itself: a new member's birth year is required. */
  birthYearRequired: boolean;
  /** Eligibility the committee attests on admission; the register does not hold it. */
  attested: string | null;
}

export const MEMBERSHIP_RULES: Record<OrganisationKind, MembershipRules> = {
  FATHERLAND_FRONT: {
    // The Front's individual members are its committees' members: people of standing chosen by
    // consultation, as adults.
    joinAge: {
      min: 18,
      max: null,
      basis: "Luật Mặt trận Tổ quốc Việt Nam 2015 (cá nhân tiêu biểu); Bộ luật Dân sự 2015, Điều 20",
    },
    leavesAfter: null,
    womenOnly: null,
    grassrootsUnionsOnly: null,
    birthYearRequired: false,
    attested: "chosen by consultation (hiệp thương) as a person of standing or a member organisation's representative",
  },
  FARMERS_UNION: {
    joinAge: { min: 18, max: null, basis: "Điều lệ Hội Nông dân Việt Nam (2018), chương Hội viên" },
    leavesAfter: null,
    womenOnly: null,
    grassrootsUnionsOnly: null,
    birthYearRequired: false,
    attested: "a farmer, or working in agriculture and rural development",
  },
  WOMENS_UNION: {
    joinAge: { min: 18, max: null, basis: "Điều lệ Hội LHPN Việt Nam (2012, 2017), Điều 3" },
    leavesAfter: null,
    womenOnly: { basis: "Điều lệ Hội LHPN Việt Nam (2012, 2017), Điều 3" },
    grassrootsUnionsOnly: null,
    birthYearRequired: false,
    attested: null,
  },
  YOUTH_UNION: {
    joinAge: { min: 16, max: 30, basis: "Điều lệ Đoàn TNCS Hồ Chí Minh (2012, 2017), Điều 1" },
    leavesAfter: { age: 30, basis: "Điều lệ Đoàn TNCS Hồ Chí Minh (2012), Điều 4" },
    womenOnly: null,
    grassrootsUnionsOnly: null,
    birthYearRequired: true,
    attested: null,
  },
  VETERANS_ASSOCIATION: {
    // No age rule beyond having served: a veteran served, and service starts at 18.
    joinAge: {
      min: 18,
      max: null,
      basis: "Pháp lệnh Cựu chiến binh 2005, Điều 2; Luật Nghĩa vụ quân sự 2015, Điều 30",
    },
    leavesAfter: null,
    womenOnly: null,
    grassrootsUnionsOnly: null,
    birthYearRequired: false,
    attested: "served in the armed forces and has left them (Pháp lệnh Cựu chiến binh 2005, Điều 2)",
  },
  LABOUR_FEDERATION: {
    joinAge: { min: 15, max: null, basis: "Luật Công đoàn 2012, Điều 5; Bộ luật Lao động 2012, Điều 3" },
    leavesAfter: null,
    womenOnly: null,
    grassrootsUnionsOnly: { basis: "Điều lệ Công đoàn Việt Nam (2018), Điều 1" },
    birthYearRequired: false,
    attested: "works for a wage in an agency, unit or enterprise",
  },
};

/** The body a member joins: its organisation and whether it is a grassroots union. */
export interface Body {
  kind: OrganisationKind;
  isGrassrootsUnion: boolean;
}

/** A membership as recorded (the dates are ISO days). */
export interface Membership {
  gender: Gender;
  birthYear?: number | null;
  joinedOn: string;
}

export type MembershipRuleName = "joinAge" | "womenOnly" | "grassrootsUnionsOnly" | "birthYearRequired" | "leavesAfter";

/** Every rule a new membership of `body` breaks, by name. */
export function brokenJoinRules(body: Body, m: Membership): MembershipRuleName[] {
  const rules = MEMBERSHIP_RULES[body.kind];
  const broken: MembershipRuleName[] = [];
  if (rules.grassrootsUnionsOnly && !body.isGrassrootsUnion) broken.push("grassrootsUnionsOnly");
  if (rules.womenOnly && m.gender !== Gender.FEMALE) broken.push("womenOnly");
  if (m.birthYear == null) {
    if (rules.birthYearRequired) broken.push("birthYearRequired");
  } else {
    const age = Number(m.joinedOn.slice(0, 4)) - m.birthYear;
    if (age < rules.joinAge.min || (rules.joinAge.max !== null && age > rules.joinAge.max)) broken.push("joinAge");
  }
  return broken;
}

/**
 * Every rule a stored membership breaks over the days it ran, up to `until` (the last day the
 * register describes): the rules of joining, and for the Youth Union the age members leave at.
 */
export function brokenMembershipRules(
  body: Body,
  m: Membership & { leftOn: string | null },
  until: string,
): MembershipRuleName[] {
  const broken = brokenJoinRules(body, m);
  const leaves = MEMBERSHIP_RULES[body.kind].leavesAfter;
  if (leaves && m.birthYear != null) {
    // The last day counted is the day before leftOn (isMemberOn), or `until` while it runs.
    const lastYear = m.leftOn === null ? Number(until.slice(0, 4)) : Number(previousDay(m.leftOn).slice(0, 4));
    if (lastYear - m.birthYear > leaves.age) broken.push("leavesAfter");
  }
  return broken;
}

function previousDay(day: string): string {
  const d = new Date(`${day}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() - 1);
  return d.toISOString().slice(0, 10);
}

/** The rules a new membership breaks as field problems, each naming its rule and its basis. */
export function joinRuleProblems(body: Body, m: Membership): FieldProblem[] {
  const rules = MEMBERSHIP_RULES[body.kind];
  const organisation = kindName(body.kind);
  return brokenJoinRules(body, m).map((rule): FieldProblem => {
    switch (rule) {
      case "grassrootsUnionsOnly":
        return {
          path: "input.organisationId",
          message: orgMessage("ruleGrassrootsUnionsOnly", { basis: rules.grassrootsUnionsOnly!.basis }),
        };
      case "womenOnly":
        return {
          path: "input.gender",
          message: orgMessage("ruleWomenOnly", { organisation, basis: rules.womenOnly!.basis }),
        };
      case "birthYearRequired":
        return {
          path: "input.birthYear",
          message: orgMessage("ruleBirthYearRequired", { organisation, basis: rules.joinAge.basis }),
        };
      default: {
        const { min, max, basis } = rules.joinAge;
        return {
          path: "input.birthYear",
          message:
            max === null
              ? orgMessage("ruleJoinAgeFrom", { organisation, min, basis })
              : orgMessage("ruleJoinAgeBetween", { organisation, min, max, basis }),
        };
      }
    }
  });
}
