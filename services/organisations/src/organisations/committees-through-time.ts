import {
  PROVINCE_CODE_2025,
  REORGANISATION_2025,
  successorsOf,
  unitVersions,
  versionsOf,
  type UnitVersion,
} from "@danvan/kit/units";
import { COMMITTEE_2025_ID, committeeId2025 as committeeIdOf2025 } from "@danvan/kit";
import { ALL_ORGANISATION_KINDS, ORGANISATION_KINDS, OrganisationKind, organisationName } from "./organisation-kind.js";

/**
 * The committees follow the map (issue 27), as data free of GraphQL and TypeORM. From 2025-07-01
 * each organisation has a committee at the merged province 91 and at each 2025 commune where it
 * has one (PRESENCE_2025); every committee of the 2019 map ends with its unit and goes into the
 * committee of the same kind at the unit that took its commune (ORGANISATION_SUCCESSION), or, for
 * a district or province committee, into the province's. Members stay on their committee's rows:
 * the successions carry them over (src/members/member-reach.ts).
 */

/** Where each organisation has a committee on the 2025 map, with the source of the rule. */
export const PRESENCE_2025: Record<OrganisationKind, { communes: boolean; basis: string }> = {
  FATHERLAND_FRONT: { communes: true, basis: "Luật Mặt trận Tổ quốc Việt Nam 2015: Ủy ban MTTQ ở cấp xã" },
  FARMERS_UNION: {
    // The 2019 map's four Long Xuyên wards without one all went into Phường Long Xuyên, formed with
    // Phường Mỹ Bình, which had one; the province's Farmers' Union speaks of its "Hội Nông dân các xã,
    // phường, đặc khu" (danviet.vn, 2025-10-12) and founded the one of Đặc khu Phú Quốc
    // (danviet.vn, 2025-08-14). A list of the 102 was not found: every commune-level unit is assumed.
    communes: true,
    basis: "Hội Nông dân tỉnh An Giang (2025): Hội Nông dân các xã, phường, đặc khu",
  },
  WOMENS_UNION: { communes: true, basis: "Điều lệ Hội LHPN Việt Nam: Hội cơ sở ở xã, phường" },
  YOUTH_UNION: { communes: true, basis: "Điều lệ Đoàn TNCS Hồ Chí Minh: Đoàn cơ sở ở xã, phường" },
  VETERANS_ASSOCIATION: { communes: true, basis: "Điều lệ Hội Cựu chiến binh Việt Nam: Hội cơ sở ở xã, phường" },
  LABOUR_FEDERATION: {
    communes: false,
    basis: "Điều lệ Công đoàn Việt Nam: Liên đoàn Lao động tỉnh; công đoàn cơ sở ở cơ quan, đơn vị, doanh nghiệp",
  },
};

/** A 2025 committee's id ("HPN-30307-25", the kit's rule): it cannot collide with the 2019 map's "HPN-30307". */
export { COMMITTEE_2025_ID };

export function committeeId2025(kind: OrganisationKind, unitCode: string): string {
  return committeeIdOf2025(ORGANISATION_KINDS[kind].prefix, unitCode);
}

/** True when the organisation of `kind` has a committee at the 2025 unit. */
export function hasCommittee2025(kind: OrganisationKind, unit: Pick<UnitVersion, "level">): boolean {
  return unit.level === "PROVINCE" || PRESENCE_2025[kind].communes;
}

/** A committee of the 2019 map, as stored (grassroots trade unions are not among them). */
export interface OldCommittee {
  id: string;
  kind: OrganisationKind;
  unitCode: string;
}

export interface NewCommittee {
  id: string;
  kind: OrganisationKind;
  name: string;
  unitCode: string;
  parentId: string | null;
  validFrom: string;
}

export interface CommitteeSuccession {
  fromId: string;
  toId: string;
  /** The successor's first day in this role: the day after the old committee's last. */
  onDate: string;
}

export interface CommitteePlan {
  /** The last day of each old committee. */
  ends: Map<string, string>;
  /** The 2025 committees, the province's first. */
  committees: NewCommittee[];
  closure: { ancestorId: string; descendantId: string; depth: number }[];
  successions: CommitteeSuccession[];
}

const units2025 = () =>
  unitVersions
    .filter((u) => u.validFrom === REORGANISATION_2025)
    .sort((a, b) => a.code.length - b.code.length || a.code.localeCompare(b.code));

/** The 2019-map version a committee belongs to last: its code's last version before 2025-07-01. */
function lastOldVersion(code: string): UnitVersion | undefined {
  return versionsOf(code)
    .filter((v) => v.validFrom < REORGANISATION_2025)
    .at(-1);
}

/**
 * The version an old unit's records go into: the one keeping its code, else the first by code
 * (a split commune's members all go to one part, as the kit's todaysCommuneOf places its records:
 * no member row says which part they live in). Undefined for a unit without successor (a district).
 */
function nextVersion(v: UnitVersion): UnitVersion | undefined {
  const next = successorsOf(v);
  const same = next.find((s) => s.to.code === v.code);
  return (same ?? [...next].sort((a, b) => (a.to.code < b.to.code ? -1 : 1))[0])?.to;
}

/**
 * The 2025 committees and what happens to `old` (the committees of the 2019 map): the seed makes
 * it for a new database, migration 1764000000005 for an existing one, from the same rules.
 */
export function committeesThroughTime(old: readonly OldCommittee[]): CommitteePlan {
  const committees: NewCommittee[] = [];
  const closure: CommitteePlan["closure"] = [];
  const newIds = new Set<string>();
  for (const unit of units2025()) {
    for (const kind of ALL_ORGANISATION_KINDS) {
      if (!hasCommittee2025(kind, unit)) continue;
      const id = committeeId2025(kind, unit.code);
      const parentId = unit.level === "PROVINCE" ? null : committeeId2025(kind, PROVINCE_CODE_2025);
      committees.push({
        id,
        kind,
        name: organisationName(kind, unit.name),
        unitCode: unit.code,
        parentId,
        validFrom: unit.validFrom,
      });
      newIds.add(id);
      closure.push({ ancestorId: id, descendantId: id, depth: 0 });
      if (parentId) closure.push({ ancestorId: parentId, descendantId: id, depth: 1 });
    }
  }

  const oldIds = new Map(old.map((o) => [`${o.kind}:${o.unitCode}`, o.id]));
  const oldIdSet = new Set(old.map((o) => o.id));
  const ends = new Map<string, string>();
  const successions: CommitteeSuccession[] = [];
  const province = (kind: OrganisationKind) => committeeId2025(kind, PROVINCE_CODE_2025);
  for (const o of old) {
    const last = lastOldVersion(o.unitCode);
    if (!last?.validTo) throw new Error(`committee ${o.id}: its unit has no end before ${REORGANISATION_2025}`);
    ends.set(o.id, last.validTo);
    // Follow the unit through its changes to the first committee of the same kind that exists.
    let toId: string | undefined;
    let onDate = REORGANISATION_2025;
    for (let v = nextVersion(last), guard = 0; v && !toId && guard < 10; v = nextVersion(v), guard++) {
      onDate = v.validFrom;
      toId = v.validFrom >= REORGANISATION_2025 ? committeeId2025(o.kind, v.code) : oldIds.get(`${o.kind}:${v.code}`);
      if (toId && !newIds.has(toId) && v.validFrom >= REORGANISATION_2025) toId = undefined;
      if (v.validFrom >= REORGANISATION_2025) break;
    }
    if (!toId) [toId, onDate] = [province(o.kind), REORGANISATION_2025];
    if (!newIds.has(toId) && !oldIdSet.has(toId)) throw new Error(`committee ${o.id}: no successor ${toId}`);
    successions.push({ fromId: o.id, toId, onDate });
  }
  return { ends, committees, closure, successions };
}
