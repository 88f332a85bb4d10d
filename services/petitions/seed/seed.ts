import type { DataSource } from "typeorm";
import {
  districtOf,
  illustrativeRemoteCommunes,
  isKienGiangUnit,
  referenceUnits,
  unitVersions,
} from "@danvan/kit/units";
import { insertAll, SeededRandom, type SeedProgress } from "@danvan/kit/seeding";
import { Petition, PetitionEvent } from "../src/petitions/petition.entity.js";
import { DenouncerIdentity, SealedDenouncerIdentity } from "../src/confidential/denouncer-identity.entity.js";
import { sealIdentity } from "../src/confidential/denouncer-identities.js";
import { ReceptionSession, SessionPetition } from "../src/sessions/reception-session.entity.js";
import { sessionRows } from "./sessions.seed.js";
import { addForwardingAndSecondRounds } from "./forwarding.seed.js";
import { addReorganisation } from "./reorganisation.seed.js";
import { drawPetition, type ReceiptPlace } from "./walk.seed.js";
import { continueOpen, laterReceipts, LATER_FROM, LATER_UNTIL } from "./later-years.seed.js";

export type SeedScale = "small" | "full";

const SEED = 20201231;
const PER_COMMUNE_YEAR: Record<SeedScale, number> = { small: 1, full: 25 };
/** The 2015–2020 petitions are walked to this day; those still open then continue (later-years.seed.ts). */
const FIRST_PERIOD_UNTIL = "2020-12-31";

/**
 * Walks each petition through the real lifecycle rules (apply; walk.seed.ts), so every stored state,
 * due date and event is one the rules allow: most accepted within days and resolved, some late, some
 * refused, withdrawn or not processable. Received 2015–2020 at the 2019 map's communes (the
 * published figures, from the first streams, exactly as before), then, from streams of their own,
 * 2021-01-01 to 2026-11-30 on the map of each day (later-years.seed.ts); the petitions open at the
 * end of 2020 continue, and those open on 2025-06-30 take the reorganise step.
 */
export function buildDataset(scale: SeedScale) {
  const rng = new SeededRandom(SEED);
  // Reassignments draw from a stream of their own, so the petitions themselves stay as they were.
  const reassignments = new SeededRandom(SEED + 2);
  const remote = illustrativeRemoteCommunes();
  const petitions: Petition[] = [];
  const events: PetitionEvent[] = [];
  const identities: DenouncerIdentity[] = [];
  for (const commune of referenceUnits.filter((u) => u.level === "COMMUNE")) {
    const place: ReceiptPlace = {
      code: commune.code,
      name: commune.name,
      districtCode: districtOf(commune.code)!,
      isRemoteArea: remote.has(commune.code),
      body: (r) => `MTTQ-${r.chance(0.7) ? commune.code : districtOf(commune.code)!}`,
    };
    for (let year = 2015; year <= 2020; year++) {
      for (let i = 0; i < PER_COMMUNE_YEAR[scale]; i++) {
        const d = drawPetition(rng, reassignments, petitions.length + 1, place, [`${year}-01-02`, `${year}-12-20`], {
          until: FIRST_PERIOD_UNTIL,
        });
        petitions.push(d.petition);
        events.push(...d.events);
        if (d.identity) identities.push(d.identity);
      }
    }
  }
  // Forwarded cases and second rounds, from a stream of their own (forwarding.seed.ts).
  addForwardingAndSecondRounds(petitions, events, SEED + 3);
  // Issue 27: the open ones continue, then the receipts of 2021-01-01 – 2026-11-30, each from its own stream.
  events.push(...continueOpen(petitions, SEED + 4));
  const later = laterReceipts(PER_COMMUNE_YEAR[scale], petitions.length + 1, SEED + 10);
  petitions.push(...later.petitions);
  events.push(...later.events);
  identities.push(...later.identities);
  addForwardingAndSecondRounds(petitions, events, SEED + 13, { from: LATER_FROM, until: LATER_UNTIL });
  // The petitions open at the 2025 reorganisation: the unit and body that took them over.
  addReorganisation(petitions, events);
  return { petitions, events, identities };
}

/** The months of the reception sessions: 2019–2020 as published, then the later years' (on their map). */
function sessionMonths(scale: SeedScale): [string[], string[]] {
  const months = (from: number, to: string) => {
    const list: string[] = [];
    for (let i = 0; ; i++) {
      const m = `${from + Math.floor(i / 12)}-${String((i % 12) + 1).padStart(2, "0")}`;
      if (m > to) return list;
      list.push(m);
    }
  };
  return scale === "small"
    ? [
        ["2020-01", "2020-02", "2020-03"],
        ["2025-06", "2025-07"],
      ]
    : [months(2019, "2020-12"), months(2021, LATER_UNTIL.slice(0, 7))];
}

/** The units of old An Giang and of the 2025 map, every version (old Kiên Giang's records are not held). */
const sessionUnits = () =>
  unitVersions.filter((v) => !isKienGiangUnit(v) && (v.validTo === null || v.validTo >= LATER_FROM));

/**
 * The reception sessions: 2019–2020 (2020-01 to 03 at small scale) from their first stream, as
 * published, then 2021-01 to 2026-11 (2025-06 and 07 at small scale) from a stream of their own,
 * held by the units of each month's map.
 */
export function buildSessions(scale: SeedScale, petitions: readonly Petition[]) {
  const [months, laterMonths] = sessionMonths(scale);
  const first = sessionRows(new SeededRandom(SEED + 1), months, petitions);
  const second = sessionRows(new SeededRandom(SEED + 11), laterMonths, petitions, {
    units: sessionUnits(),
    firstId: first.sessions.length + 1,
  });
  return { sessions: [...first.sessions, ...second.sessions], links: [...first.links, ...second.links] };
}

export async function seedPetitions(
  ds: DataSource,
  opts: { scale?: SeedScale; progress?: SeedProgress } = {},
): Promise<Record<string, number>> {
  const scale = opts.scale ?? "full";
  const { petitions, events, identities } = buildDataset(scale);
  const { sessions, links } = buildSessions(scale, petitions);
  // Encrypted at rest, as submitPetition stores them; sealed first, so a missing key
  // (PETITIONS_IDENTITY_KEYS in production) stops the seed before it writes anything.
  const sealed = identities.map((identity) => sealIdentity(identity));
  await ds.transaction(async (m) => {
    await insertAll(m, Petition, "petition", petitions, opts.progress);
    await insertAll(m, PetitionEvent, "petition_event", events, opts.progress);
    await insertAll(m, SealedDenouncerIdentity, "denouncer_identity", sealed, opts.progress);
    await insertAll(m, ReceptionSession, "reception_session", sessions, opts.progress);
    await insertAll(m, SessionPetition, "session_petition", links, opts.progress);
    if (m.connection.options.type === "postgres") {
      for (const table of ["petition", "reception_session"]) {
        await m.query(
          `SELECT setval(pg_get_serial_sequence('${table}', 'id'), COALESCE((SELECT MAX(id) FROM ${table}), 0) + 1, false)`,
        );
      }
    }
  });
  return {
    petition: petitions.length,
    petition_event: events.length,
    denouncer_identity: identities.length,
    reception_session: sessions.length,
    session_petition: links.length,
  };
}

export async function isSeeded(ds: DataSource): Promise<boolean> {
  return (await ds.getRepository(Petition).count()) > 0;
}
