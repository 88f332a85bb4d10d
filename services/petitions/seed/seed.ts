import type { DataSource } from "typeorm";
import { seededHandlingOfficers } from "@danvan/kit/identity";
import { districtOf, illustrativeRemoteCommunes, referenceUnits } from "@danvan/kit/units";
import { insertAll, SeededRandom, syntheticName, type SeedProgress } from "@danvan/kit/seeding";
import { addDays } from "../src/deadlines/index.js";
import {
  apply,
  Complexity,
  NotProcessableReason,
  OUTCOMES_BY_KIND,
  PetitionKind,
  receive,
  RefusalReason,
  REFUSAL_REASONS,
  type PetitionState,
} from "../src/lifecycle/index.js";
import type { Transition } from "../src/lifecycle/transition-rules.js";
import { Petition, PetitionEvent } from "../src/petitions/petition.entity.js";
import { PetitionChannel } from "../src/petitions/petition-graphql-enums.js";
import { DenouncerIdentity, SealedDenouncerIdentity } from "../src/confidential/denouncer-identity.entity.js";
import { sealIdentity } from "../src/confidential/denouncer-identities.js";
import { ReceptionSession, SessionPetition } from "../src/sessions/reception-session.entity.js";
import { sessionRows } from "./sessions.seed.js";
import { addForwardingAndSecondRounds } from "./forwarding.seed.js";
import { addReorganisation } from "./reorganisation.seed.js";

export type SeedScale = "small" | "full";

const SEED = 20201231;
const PER_COMMUNE_YEAR: Record<SeedScale, number> = { small: 1, full: 25 };
/** The data describes petitions received 2015–2020; the last weeks are still open. */
const DATA_UNTIL = "2020-12-31";

/**
 * Walks each petition through the real lifecycle rules (apply), so every stored state, due date
 * and event is one the rules allow: most accepted within days and resolved, some late, some
 * refused, withdrawn, not processable or still open at the end of 2020.
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
    for (let year = 2015; year <= 2020; year++) {
      for (let i = 0; i < PER_COMMUNE_YEAR[scale]; i++) {
        const id = petitions.length + 1;
        const kind = rng.weighted([
          [PetitionKind.COMPLAINT, 45],
          [PetitionKind.DENUNCIATION, 15],
          [PetitionKind.RECOMMENDATION, 25],
          [PetitionKind.REFLECTION, 15],
        ] as const);
        const anonymous = kind === PetitionKind.DENUNCIATION && rng.chance(0.15);
        const receivedOn = rng.dateBetween(`${year}-01-02`, `${year}-12-20`);
        let state: PetitionState = receive(
          {
            kind,
            complexity: rng.weighted([
              [Complexity.NORMAL, 80],
              [Complexity.COMPLEX, 15],
              [Complexity.ESPECIALLY_COMPLEX, 5],
            ] as const),
            isRemoteArea: remote.has(commune.code),
          },
          receivedOn,
        );
        const steps: [Transition, string, string | null][] = [];
        const step = (t: Transition, on: string, reason: string | null = null) => {
          if (on > DATA_UNTIL) return false;
          state = apply(state, t, on);
          steps.push([t, on, reason]);
          return true;
        };
        const after = (days: number) => addDays(state.lastStepOn, days);
        if (anonymous) {
          step(
            { type: "markNotProcessable", reason: NotProcessableReason.ANONYMOUS },
            after(rng.int(1, 8)),
            NotProcessableReason.ANONYMOUS,
          );
          if (rng.chance(0.3)) step({ type: "referForInspection", contentIsConcrete: true }, after(rng.int(1, 10)));
        } else if (rng.chance(0.07)) {
          const reasons = (Object.keys(REFUSAL_REASONS) as RefusalReason[]).filter((r) =>
            REFUSAL_REASONS[r].appliesTo.includes(kind),
          );
          const reason = rng.pick(reasons);
          step({ type: "refuseAcceptance", reason }, after(rng.int(1, 10)), reason);
        } else if (step({ type: "accept" }, after(rng.chance(0.9) ? rng.int(1, 10) : rng.int(11, 20)))) {
          const verify = kind === PetitionKind.COMPLAINT || kind === PetitionKind.DENUNCIATION;
          if (verify) step({ type: "startVerification" }, after(rng.int(1, 7)));
          if (kind === PetitionKind.COMPLAINT && rng.chance(0.05)) {
            step({ type: "withdraw", inWriting: true }, after(rng.int(3, 20)));
          } else {
            if (kind === PetitionKind.DENUNCIATION && state.complexity !== Complexity.NORMAL && rng.chance(0.6))
              step({ type: "extendDeadline", days: 30 }, after(rng.int(5, 20)));
            const late = rng.chance(0.12);
            const due = state.dueOn ?? addDays(state.acceptedOn ?? state.lastStepOn, 30);
            const span = Math.max(1, Math.round((Date.parse(due) - Date.parse(state.lastStepOn)) / 86_400_000));
            const on = late ? addDays(due, rng.int(1, 25)) : after(rng.int(Math.min(5, span), span));
            step(
              { type: "resolve", outcome: rng.pick(OUTCOMES_BY_KIND[kind]) },
              on < state.lastStepOn ? state.lastStepOn : on,
              null,
            );
          }
        }
        const resolved = state.status === "RESOLVED";
        petitions.push(
          Object.assign(new Petition(), {
            ...state,
            id,
            channel: rng.weighted([
              [PetitionChannel.DIRECT, 40],
              [PetitionChannel.POST, 25],
              [PetitionChannel.RECEPTION_SESSION, 20],
              [PetitionChannel.ONLINE, 10],
              [PetitionChannel.REFERRED, 5],
            ] as const),
            communeCode: commune.code,
            districtCode: districtOf(commune.code)!,
            summary: `${kind === PetitionKind.COMPLAINT ? "Khiếu nại" : kind === PetitionKind.DENUNCIATION ? "Tố cáo" : kind === PetitionKind.RECOMMENDATION ? "Kiến nghị" : "Phản ánh"} về ${rng.pick(["đất đai", "bồi thường, hỗ trợ tái định cư", "chính sách an sinh", "môi trường", "trật tự xây dựng", "cán bộ thôn, ấp"])}`,
            handledByOrganisationId: `MTTQ-${rng.chance(0.7) ? commune.code : districtOf(commune.code)!}`,
            // One draw, as rng.int(1, 3) was: the same data, the subjects the kit lists for the IDE page.
            handlingOfficer: rng.pick(seededHandlingOfficers(commune.code)),
            decisionKnownOn: null,
            hotspot: rng.chance(0.02),
            resolvedAtGrassroots: resolved && rng.chance(0.6),
            anonymous,
            conclusion:
              resolved && kind === PetitionKind.DENUNCIATION
                ? "Kết luận nội dung tố cáo đã được công khai theo quy định."
                : null,
            version: 1 + steps.length,
          }),
        );
        // About 4% were handed over from another officer of the commune on the day of their first
        // step (reassignPetition): the officer who handles them now is the one drawn above.
        const handler = petitions[id - 1]!.handlingOfficer;
        const others = seededHandlingOfficers(commune.code).filter((o) => o !== handler);
        const reassignedOn = steps[0]?.[1];
        const reassign = reassignments.chance(0.04) && reassignedOn !== undefined && others.length > 0;
        const previousHandler = reassign ? reassignments.pick(others) : null;
        events.push(
          Object.assign(new PetitionEvent(), {
            petitionId: id,
            transition: "receive",
            fromStatus: null,
            toStatus: "RECEIVED",
            occurredOn: receivedOn,
            actor: "seed",
            reason: null,
            note: null,
            recordedAt: new Date(`${receivedOn}T09:00:00Z`),
          }),
        );
        if (reassign) {
          petitions[id - 1]!.version += 1;
          events.push(
            Object.assign(new PetitionEvent(), {
              petitionId: id,
              transition: "reassign",
              fromStatus: "RECEIVED",
              toStatus: "RECEIVED",
              occurredOn: reassignedOn,
              actor: "seed",
              reason: null,
              note: `Chuyển từ cán bộ ${previousHandler} sang cán bộ ${handler}`,
              recordedAt: new Date(`${reassignedOn}T08:00:00Z`),
            }),
          );
        }
        let from = "RECEIVED";
        let replay: PetitionState = receive(
          { kind, complexity: petitions[id - 1]!.complexity, isRemoteArea: remote.has(commune.code) },
          receivedOn,
        );
        for (const [t, on, reason] of steps) {
          replay = apply(replay, t, on);
          events.push(
            Object.assign(new PetitionEvent(), {
              petitionId: id,
              transition: t.type,
              fromStatus: from,
              toStatus: replay.status,
              occurredOn: on,
              actor: "seed",
              reason,
              note: null,
              recordedAt: new Date(`${on}T09:00:00Z`),
            }),
          );
          from = replay.status;
        }
        if (kind === PetitionKind.DENUNCIATION && !anonymous) {
          identities.push(
            Object.assign(new DenouncerIdentity(), {
              petitionId: id,
              fullName: syntheticName(rng, rng.chance(0.5)),
              address: `Ấp ${rng.int(1, 9)}, ${commune.name}`,
              phone: `09${rng.int(10_000_000, 99_999_999)}`,
              idNumber: null,
            }),
          );
        }
      }
    }
  }
  // Forwarded cases and second rounds, from a stream of their own (forwarding.seed.ts).
  addForwardingAndSecondRounds(petitions, events, SEED + 3);
  // The petitions open at the 2025 reorganisation move to the unit that took their commune.
  addReorganisation(petitions, events);
  return { petitions, events, identities };
}

export async function seedPetitions(
  ds: DataSource,
  opts: { scale?: SeedScale; progress?: SeedProgress } = {},
): Promise<Record<string, number>> {
  const scale = opts.scale ?? "full";
  const { petitions, events, identities } = buildDataset(scale);
  const months =
    scale === "small"
      ? ["2020-01", "2020-02", "2020-03"]
      : Array.from({ length: 24 }, (_, i) => `${2019 + Math.floor(i / 12)}-${String((i % 12) + 1).padStart(2, "0")}`);
  const { sessions, links } = sessionRows(new SeededRandom(SEED + 1), months, petitions);
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
