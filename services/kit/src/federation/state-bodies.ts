/**
 * The state bodies a case outside the Front's competence is forwarded to (chuyển đơn), as the
 * units' agencies: plain data, no GraphQL, no TypeORM. A body's id is its prefix and its unit's
 * code (`UBND-883`, `TTR-89`, `TAND-883`), stable and readable like an organisation's. Here, in
 * the kit, because organisations makes the bodies and petitions checks the ids it forwards to.
 */
export type StateBodyLevel = "PROVINCE" | "DISTRICT" | "COMMUNE";

export interface StateBodyKindRule {
  readonly prefix: string;
  /** The body's name is this word and the unit's name: "Chủ tịch Ủy ban nhân dân Thành phố Long Xuyên". */
  readonly namePrefix: string;
  readonly levels: readonly StateBodyLevel[];
  /** What it is competent for, as the law gives it (for a clerk choosing where to forward). */
  readonly competence: string;
}

export const STATE_BODY_KINDS = {
  PEOPLES_COMMITTEE_CHAIR: {
    prefix: "UBND",
    namePrefix: "Chủ tịch Ủy ban nhân dân",
    levels: ["PROVINCE", "DISTRICT", "COMMUNE"],
    competence:
      "Complaints about the committee's own decisions and acts and its officials' (Law on Complaints 2011, Art. 17, 18, 21); denunciations of its officials (Law on Denunciations 2018, Art. 13); recommendations and reflections on local administration",
  },
  INSPECTORATE: {
    prefix: "TTR",
    namePrefix: "Thanh tra",
    levels: ["PROVINCE", "DISTRICT"],
    competence:
      "Verification of complaints and denunciations the chairperson assigns; second-round reviews (Law on Inspection 2010, Art. 21 and 25; Law on Complaints 2011, Art. 18)",
  },
  PEOPLES_COURT: {
    prefix: "TAND",
    namePrefix: "Tòa án nhân dân",
    levels: ["PROVINCE", "DISTRICT"],
    competence:
      "Civil, administrative and family disputes brought to court (Law on Organisation of People's Courts 2014)",
  },
  PROCURACY: {
    prefix: "VKSND",
    namePrefix: "Viện kiểm sát nhân dân",
    levels: ["PROVINCE", "DISTRICT"],
    competence:
      "Complaints and denunciations in judicial activities (Criminal Procedure Code 2015, Chapter XXXIII; Law on Organisation of People's Procuracies 2014)",
  },
  POLICE: {
    prefix: "CA",
    namePrefix: "Công an",
    levels: ["PROVINCE", "DISTRICT", "COMMUNE"],
    competence: "Denunciations and reports of crime (Criminal Procedure Code 2015, Art. 144–145)",
  },
} as const satisfies Record<string, StateBodyKindRule>;

export type StateBodyKindName = keyof typeof STATE_BODY_KINDS;
export const STATE_BODY_KIND_NAMES = Object.keys(STATE_BODY_KINDS) as StateBodyKindName[];

const PREFIXES = STATE_BODY_KIND_NAMES.map((k) => STATE_BODY_KINDS[k].prefix);
export const STATE_BODY_ID = new RegExp(`^(${PREFIXES.join("|")})-(\\d{2}|\\d{3}|\\d{5})$`);

export function stateBodyIdOf(kind: StateBodyKindName, unitCode: string): string {
  return `${STATE_BODY_KINDS[kind].prefix}-${unitCode}`;
}

/** The kind and unit code an id names, or null when it is not a state body's id. */
export function parseStateBodyId(id: string): { kind: StateBodyKindName; unitCode: string } | null {
  const m = STATE_BODY_ID.exec(id);
  if (!m) return null;
  const kind = STATE_BODY_KIND_NAMES.find((k) => STATE_BODY_KINDS[k].prefix === m[1])!;
  return { kind, unitCode: m[2] };
}

/** The kinds of body a unit of this level has, in STATE_BODY_KINDS order. */
export function kindsAtLevel(level: StateBodyLevel): StateBodyKindName[] {
  return STATE_BODY_KIND_NAMES.filter((k) => (STATE_BODY_KINDS[k].levels as readonly string[]).includes(level));
}

/** Whether a unit of this level has a body of this kind. */
export function existsAtLevel(kind: StateBodyKindName, level: StateBodyLevel): boolean {
  return kindsAtLevel(level).includes(kind);
}
