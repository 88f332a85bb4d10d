import { illustrativeRemoteCommunes, referenceUnits, unitByCode, type ReferenceUnit } from "@danvan/kit/units";
import type { AdministrativeUnit } from "../src/units/administrative-unit.entity.js";
import { unitVersionRows } from "../src/units/unit-timeline-rows.js";
import { Organisation, OrganisationClosure } from "../src/organisations/organisation.entity.js";
import { OrganisationSuccession } from "../src/organisations/organisation-succession.entity.js";
import { committeesThroughTime } from "../src/organisations/committees-through-time.js";
import {
  ALL_ORGANISATION_KINDS,
  OrganisationKind,
  organisationId,
  organisationName,
} from "../src/organisations/organisation-kind.js";
import { hasCommuneCommittee } from "../src/organisations/organisation-structure.js";
import { partSuccessions, splitCommittees } from "../src/organisations/split-communes.js";
import { grassrootsUnionPlans } from "./grassroots-unions.js";

/** Every unit through time (services/kit/data/README.md), the demo's remote areas marked. */
export function unitRows(): AdministrativeUnit[] {
  return unitVersionRows(illustrativeRemoteCommunes());
}

/** True when the organisation of `kind` has a committee at `unit` (every province and district has each). */
export function hasCommittee(kind: OrganisationKind, unit: ReferenceUnit): boolean {
  return unit.level !== "COMMUNE" || hasCommuneCommittee(kind, unit.code);
}

/**
 * The committees of units (each organisation where it has one: organisation-structure.ts) and
 * the grassroots trade unions under the districts' Labour Federations, with the closure of
 * the tree; the committees of the 2025 map, the old ones' last days and their successions
 * (committees-through-time.ts; a split commune's into each of its parts: split-communes.ts); parents before children, so foreign keys hold row by row.
 */
export function organisationRows(): {
  organisations: Organisation[];
  closure: OrganisationClosure[];
  successions: OrganisationSuccession[];
  /** The split communes' committees and the committees of their parts (split-communes.ts). */
  split: Map<string, string[]>;
} {
  const organisations: Organisation[] = [];
  const closure: OrganisationClosure[] = [];
  const ancestry = (id: string, parents: string[]) =>
    [id, ...parents].forEach((ancestorId, depth) =>
      closure.push(Object.assign(new OrganisationClosure(), { ancestorId, descendantId: id, depth })),
    );
  for (const unit of referenceUnits) {
    for (const kind of ALL_ORGANISATION_KINDS) {
      if (!hasCommittee(kind, unit)) continue;
      const id = organisationId(kind, unit.code);
      organisations.push(
        Object.assign(new Organisation(), {
          id,
          kind,
          name: organisationName(kind, unit.name),
          unitCode: unit.code,
          parentId: unit.parentCode ? organisationId(kind, unit.parentCode) : null,
          workplaceSector: null,
          validFrom: null,
          validTo: null,
        }),
      );
      const parents: string[] = [];
      for (
        let u = unit.parentCode ? unitByCode(unit.parentCode) : undefined;
        u;
        u = u.parentCode ? unitByCode(u.parentCode) : undefined
      )
        parents.push(organisationId(kind, u.code));
      ancestry(id, parents);
    }
  }
  for (const g of grassrootsUnionPlans()) {
    const federation = organisationId(OrganisationKind.LABOUR_FEDERATION, g.districtCode);
    organisations.push(
      Object.assign(new Organisation(), {
        id: g.id,
        kind: OrganisationKind.LABOUR_FEDERATION,
        name: g.name,
        unitCode: g.unitCode,
        parentId: federation,
        workplaceSector: g.sector,
        validFrom: null,
        validTo: null,
      }),
    );
    ancestry(g.id, [federation, organisationId(OrganisationKind.LABOUR_FEDERATION, "89")]);
  }
  // The 2025 map: the old committees end, the new ones begin, the successions carry the members.
  const old = organisations.filter((o) => o.workplaceSector === null);
  const plan = committeesThroughTime(old);
  // A split commune's committees go, in part, into the committee of each of its parts.
  const split = splitCommittees(old);
  for (const o of organisations) o.validTo = plan.ends.get(o.id) ?? null;
  for (const c of plan.committees)
    organisations.push(Object.assign(new Organisation(), { ...c, workplaceSector: null, validTo: null }));
  closure.push(...plan.closure.map((c) => Object.assign(new OrganisationClosure(), c)));
  const share = (fromId: string) => (split.has(fromId) ? "part" : "whole");
  const successions = plan.successions.map((s) =>
    Object.assign(new OrganisationSuccession(), { ...s, share: share(s.fromId) }),
  );
  const linked = new Set(successions.map((s) => `${s.fromId}>${s.toId}`));
  for (const p of partSuccessions(split))
    if (!linked.has(`${p.fromId}>${p.toId}`))
      successions.push(Object.assign(new OrganisationSuccession(), { ...p, share: "part" }));
  // Parents before children: the province, the districts, then the communes' bodies.
  const depth = (o: Organisation) => (o.parentId === null ? 0 : o.unitCode.length === 3 ? 1 : 2);
  organisations.sort((a, b) => depth(a) - depth(b) || a.id.localeCompare(b.id));
  return { organisations, closure, successions, split };
}
