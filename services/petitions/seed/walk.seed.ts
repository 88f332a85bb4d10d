import { seededHandlingOfficers } from "@danvan/kit/identity";
import { syntheticName, type SeededRandom } from "@danvan/kit/seeding";
import { addDays } from "../src/deadlines/index.js";
import {
  apply,
  Complexity,
  isOpen,
  NotProcessableReason,
  OUTCOMES_BY_KIND,
  PetitionKind,
  PetitionStatus,
  receive,
  RefusalReason,
  REFUSAL_REASONS,
  type PetitionState,
} from "../src/lifecycle/index.js";
import type { Transition } from "../src/lifecycle/transition-rules.js";
import { Petition, PetitionEvent } from "../src/petitions/petition.entity.js";
import { PetitionChannel } from "../src/petitions/petition-graphql-enums.js";
import { DenouncerIdentity } from "../src/confidential/denouncer-identity.entity.js";
import { REORGANISATION_DAY } from "../src/units/reorganisation.js";
import { committeeId2025 } from "@danvan/kit/federation";
import { PROVINCE_CODE_2025, REORGANISATION_2025 } from "@danvan/kit/units";

/** One step the walk took: the transition, its day and its reason. */
export type Step = [Transition, string, string | null];

/** Where and until when a walk takes its steps. */
export interface WalkLimits {
  /** The data's last day: a step dated after it is not taken. */
  until: string;
  /** Continuing an earlier walk: no step is dated before this day. */
  floor?: string;
}

/**
 * The lifecycle script every seeded petition follows (apply: every state, due date and event one
 * the rules allow): an anonymous denunciation not processed, some refused, most accepted within
 * days, complaints and denunciations verified, a few withdrawn, some denunciations extended, a
 * share resolved late. Each stage runs from the status it starts from, so a petition left open at
 * the end of one walk continues with the same script (`floor`: its next steps dated from then).
 * A petition received before 2025-07-01 and open on that day takes the `reorganise` step then,
 * before any later step (src/units/reorganisation.ts; seed/reorganisation.seed.ts fills in where).
 */
export function walk(
  rng: SeededRandom,
  start: PetitionState,
  anonymous: boolean,
  limits: WalkLimits,
): { state: PetitionState; steps: Step[] } {
  let state = start;
  const steps: Step[] = [];
  const kind = state.kind;
  const reorganiseBefore = (on: string) => {
    if (on < REORGANISATION_DAY || state.receivedOn >= REORGANISATION_DAY || !isOpen(state.status)) return;
    if (state.lastStepOn >= REORGANISATION_DAY) return; // taken already
    state = apply(state, { type: "reorganise" }, REORGANISATION_DAY);
    steps.push([{ type: "reorganise" }, REORGANISATION_DAY, null]);
  };
  const step = (t: Transition, drawn: string, reason: string | null = null) => {
    const on = limits.floor && drawn < limits.floor ? limits.floor : drawn;
    if (on > limits.until) return false;
    reorganiseBefore(on);
    state = apply(state, t, on < state.lastStepOn ? state.lastStepOn : on);
    steps.push([t, state.lastStepOn, reason]);
    return true;
  };
  const after = (days: number) => addDays(state.lastStepOn, days);
  if (state.status === PetitionStatus.RECEIVED) {
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
    } else step({ type: "accept" }, after(rng.chance(0.9) ? rng.int(1, 10) : rng.int(11, 20)));
  }
  const verify = kind === PetitionKind.COMPLAINT || kind === PetitionKind.DENUNCIATION;
  if (state.status === PetitionStatus.ACCEPTED && verify) step({ type: "startVerification" }, after(rng.int(1, 7)));
  if (state.status === PetitionStatus.ACCEPTED || state.status === PetitionStatus.UNDER_VERIFICATION) {
    if (kind === PetitionKind.COMPLAINT && rng.chance(0.05)) {
      step({ type: "withdraw", inWriting: true }, after(rng.int(3, 20)));
    } else {
      if (kind === PetitionKind.DENUNCIATION && state.complexity !== Complexity.NORMAL && rng.chance(0.6)) {
        const on = after(rng.int(5, 20));
        // A continued walk extends only a deadline not yet passed, and once.
        const fits = !limits.floor || (state.extensionsUsed === 0 && state.dueOn !== null && on <= state.dueOn);
        if (fits) step({ type: "extendDeadline", days: 30 }, on);
      }
      const late = rng.chance(0.12);
      const due = state.dueOn ?? addDays(state.acceptedOn ?? state.lastStepOn, 30);
      const span = Math.max(1, Math.round((Date.parse(due) - Date.parse(state.lastStepOn)) / 86_400_000));
      const on = late ? addDays(due, rng.int(1, 25)) : after(rng.int(Math.min(5, span), span));
      step(
        { type: "resolve", outcome: rng.pick(OUTCOMES_BY_KIND[kind]) },
        on < state.lastStepOn ? state.lastStepOn : on,
      );
    }
  }
  if (limits.until >= REORGANISATION_DAY) reorganiseBefore(limits.until);
  return { state, steps };
}

/** A commune-level unit of the day a petition is received at. */
export interface ReceiptPlace {
  code: string;
  name: string;
  /** The district of the day; null from 2025-07-01. */
  districtCode: string | null;
  isRemoteArea: boolean;
  /** The handling body: one draw from the stream (the commune's or the level above's committee). */
  body: (rng: SeededRandom) => string;
}

/** The petition, its events and its denouncer's identity drawn by one petition's script. */
export interface Drawn {
  petition: Petition;
  events: PetitionEvent[];
  identity: DenouncerIdentity | null;
}

const eventOf = (petitionId: number, transition: string, from: string | null, to: string, on: string, hour = 9) =>
  Object.assign(new PetitionEvent(), {
    petitionId,
    transition,
    fromStatus: from,
    toStatus: to,
    occurredOn: on,
    actor: "seed",
    reason: null as string | null,
    note: null as string | null,
    recordedAt: new Date(`${on}T${String(hour).padStart(2, "0")}:00:00Z`),
    unitCode: null as string | null,
    unitValidFrom: null as string | null,
  });

/** The events of steps taken from `state`, in order (their statuses replayed through apply). */
export function eventsOf(id: number, start: PetitionState, steps: readonly Step[]): PetitionEvent[] {
  let replay = start;
  let from: string = start.status;
  return steps.map(([t, on, reason]) => {
    replay = apply(replay, t, on);
    const e = Object.assign(eventOf(id, t.type, from, replay.status, on), { reason });
    from = replay.status;
    return e;
  });
}

/**
 * One petition received at `place` in `year` (or between `window`'s days), walked to `limits.until`.
 * The draws, in this order, are the 2015–2020 dataset's own (seed.ts): so its petitions stay exact.
 */
export function drawPetition(
  rng: SeededRandom,
  reassignments: SeededRandom,
  id: number,
  place: ReceiptPlace,
  window: [string, string],
  limits: WalkLimits,
): Drawn {
  const kind = rng.weighted([
    [PetitionKind.COMPLAINT, 45],
    [PetitionKind.DENUNCIATION, 15],
    [PetitionKind.RECOMMENDATION, 25],
    [PetitionKind.REFLECTION, 15],
  ] as const);
  const anonymous = kind === PetitionKind.DENUNCIATION && rng.chance(0.15);
  const receivedOn = rng.dateBetween(window[0], window[1]);
  const received: PetitionState = receive(
    {
      kind,
      complexity: rng.weighted([
        [Complexity.NORMAL, 80],
        [Complexity.COMPLEX, 15],
        [Complexity.ESPECIALLY_COMPLEX, 5],
      ] as const),
      isRemoteArea: place.isRemoteArea,
    },
    receivedOn,
  );
  const { state, steps } = walk(rng, received, anonymous, limits);
  const resolved = state.status === "RESOLVED";
  const petition = Object.assign(new Petition(), {
    ...state,
    id,
    channel: rng.weighted([
      [PetitionChannel.DIRECT, 40],
      [PetitionChannel.POST, 25],
      [PetitionChannel.RECEPTION_SESSION, 20],
      [PetitionChannel.ONLINE, 10],
      [PetitionChannel.REFERRED, 5],
    ] as const),
    communeCode: place.code,
    districtCode: place.districtCode,
    summary: `${kind === PetitionKind.COMPLAINT ? "Khiếu nại" : kind === PetitionKind.DENUNCIATION ? "Tố cáo" : kind === PetitionKind.RECOMMENDATION ? "Kiến nghị" : "Phản ánh"} về ${rng.pick(["đất đai", "bồi thường, hỗ trợ tái định cư", "chính sách an sinh", "môi trường", "trật tự xây dựng", "cán bộ thôn, ấp"])}`,
    handledByOrganisationId: place.body(rng),
    // One draw, as rng.int(1, 3) was: the same data, the subjects the kit lists for the IDE page.
    handlingOfficer: rng.pick(seededHandlingOfficers(place.code)),
    decisionKnownOn: null,
    hotspot: rng.chance(0.02),
    resolvedAtGrassroots: resolved && rng.chance(0.6),
    anonymous,
    conclusion: conclusionOf(state),
    version: 1 + steps.length,
  });
  // Handled by the merged province's Front committee: received at the province itself (ReceptionLevel.PROVINCE).
  if (petition.handledByOrganisationId === committeeId2025("MTTQ", PROVINCE_CODE_2025)) {
    petition.handlingUnitCode = PROVINCE_CODE_2025;
    petition.handlingUnitValidFrom = REORGANISATION_2025;
  }
  // About 4% were handed over from another officer of the commune on the day of their first
  // step (reassignPetition): the officer who handles them now is the one drawn above.
  const handler = petition.handlingOfficer;
  const others = seededHandlingOfficers(place.code).filter((o) => o !== handler);
  // Not on the day of a reorganise step: the officers then were the old commune's.
  const reassignedOn = steps[0]?.[0].type === "reorganise" ? undefined : steps[0]?.[1];
  const reassign = reassignments.chance(0.04) && reassignedOn !== undefined && others.length > 0;
  const previousHandler = reassign ? reassignments.pick(others) : null;
  const events = [eventOf(id, "receive", null, "RECEIVED", receivedOn)];
  if (reassign) {
    petition.version += 1;
    events.push(
      Object.assign(eventOf(id, "reassign", "RECEIVED", "RECEIVED", reassignedOn, 8), {
        note: `Chuyển từ cán bộ ${previousHandler} sang cán bộ ${handler}`,
      }),
    );
  }
  events.push(...eventsOf(id, received, steps));
  const identity =
    kind === PetitionKind.DENUNCIATION && !anonymous
      ? Object.assign(new DenouncerIdentity(), {
          petitionId: id,
          fullName: syntheticName(rng, rng.chance(0.5)),
          address: `Ấp ${rng.int(1, 9)}, ${place.name}`,
          phone: `09${rng.int(10_000_000, 99_999_999)}`,
          idNumber: null,
        })
      : null;
  return { petition, events, identity };
}

/** The published conclusion of a resolved denunciation. */
export function conclusionOf(state: Pick<PetitionState, "status" | "kind">): string | null {
  return state.status === "RESOLVED" && state.kind === PetitionKind.DENUNCIATION
    ? "Kết luận nội dung tố cáo đã được công khai theo quy định."
    : null;
}
