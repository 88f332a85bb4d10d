import { illustrativeRemoteCommunes, referenceUnits, unitByCode, type ReferenceUnit } from "@danvan/kit/units";
import { AdministrativeUnit } from "../src/units/administrative-unit.entity.js";
import { UnitLevel } from "../src/units/unit-level.js";
import { Organisation, OrganisationClosure } from "../src/organisations/organisation.entity.js";
import {
  ALL_ORGANISATION_KINDS,
  OrganisationKind,
  organisationId,
  organisationName,
} from "../src/organisations/organisation-kind.js";
import { hasCommuneCommittee } from "../src/organisations/organisation-structure.js";
import { grassrootsUnionPlans } from "./grassroots-unions.js";

/** The units as in force from December 2019 (see services/kit/data/README.md). */
export const UNITS_VALID_FROM = "2019-12-01";
export const UNITS_LEGAL_BASIS = "Danh mục đơn vị hành chính Việt Nam (GSO), as in force 2019-12 to 2020-12";

export function unitRows(): AdministrativeUnit[] {
  const remote = illustrativeRemoteCommunes();
  return referenceUnits.map((u) =>
    Object.assign(new AdministrativeUnit(), {
      code: u.code,
      name: u.name,
      kind: u.kind,
      level: u.level as UnitLevel,
      parentCode: u.parentCode,
      isRemoteArea: remote.has(u.code),
      validFrom: UNITS_VALID_FROM,
      validTo: null,
      legalBasis: UNITS_LEGAL_BASIS,
      version: 1,
    }),
  );
}

/** True when the organisation of `kind` has a committee at `unit` (every province and district has each). */
export function hasCommittee(kind: OrganisationKind, unit: ReferenceUnit): boolean {
  return unit.level !== "COMMUNE" || hasCommuneCommittee(kind, unit.code);
}

/**
 * The committees of units (each organisation where it has one: organisation-structure.ts) and
 * the grassroots trade unions under the districts' Labour Federations, with the closure of
 * the tree; parents before children, so foreign keys hold row by row.
 */
export function organisationRows(): { organisations: Organisation[]; closure: OrganisationClosure[] } {
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
      }),
    );
    ancestry(g.id, [federation, organisationId(OrganisationKind.LABOUR_FEDERATION, "89")]);
  }
  // Parents before children: the province, the districts, then the communes' bodies.
  const depth = (o: Organisation) => (o.parentId === null ? 0 : o.unitCode.length === 3 ? 1 : 2);
  organisations.sort((a, b) => depth(a) - depth(b) || a.id.localeCompare(b.id));
  return { organisations, closure };
}
