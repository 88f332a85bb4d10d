import { SeededRandom } from "@danvan/kit/seeding";
import { districtOf, PROVINCE_CODE_2025, successorsOf, todaysCommuneOf, unitOn } from "@danvan/kit/units";
import {
  acceptanceDueOn,
  BUILT_IN_CALENDAR,
  daysBetween,
  dueOn,
  forwardFollowUpDueOn,
  addDays,
} from "../src/deadlines/index.js";
import { ComplaintRound, PetitionKind, PetitionStatus, RefusalReason } from "../src/lifecycle/index.js";
import { PetitionEvent, type Petition } from "../src/petitions/petition.entity.js";
import { REORGANISATION_DAY } from "../src/units/reorganisation.js";

/**
 * Which petitions a pass draws for: by default every one, answers until the end of 2020 (the
 * 2015–2020 pass, exactly as before). The later years' pass (issue 27, its own stream) draws for
 * the refusals and second rounds from `from` only, with answers until `until`.
 */
export interface ForwardingWindow {
  from?: string;
  until: string;
}

/**
 * Issue 19 (part 2) on the generated dataset, from a random stream of its own (so the petitions
 * drawn before stay as they were, and so do every published figure):
 *
 * - **Forwarded.** Of the petitions refused as outside the competence (NOT_WITHIN_COMPETENCE),
 *   about 60% were forwarded to the competent state body the same day instead: status FORWARDED,
 *   their step `forward`. Neither status is open or resolved and neither has a deadline, so the
 *   received, resolved, on-time, overdue and late-acceptance figures are unchanged. About 75% have
 *   the body's answer recorded (a `forwardingAnswer` step), 5 to 45 days later, within 2020.
 * - **Second rounds.** A resolved complaint received 1 to 30 days after an earlier complaint of the
 *   same commune was decided is, with a chance of 30%, that decision's second round: SECOND, linked
 *   to it, `decisionKnownOn` the decision's day. Only where the second round's rules leave the
 *   acceptance deadline as it was and the resolution still on time (the second round's periods are
 *   longer), so that no figure moves.
 */
export function addForwardingAndSecondRounds(
  petitions: Petition[],
  events: PetitionEvent[],
  seed: number,
  window: ForwardingWindow = { until: "2020-12-31" },
): void {
  const rng = new SeededRandom(seed);
  const from = window.from ?? "";
  for (const p of petitions) {
    if (p.forwardedOn !== undefined) continue; // set by the earlier pass
    Object.assign(p, {
      forwardedToBodyId: null,
      forwardedOn: null,
      forwardLegalBasis: null,
      forwardFollowUpDueOn: null,
      forwardAnsweredOn: null,
      firstRoundPetitionId: null,
    });
  }
  const refusalEvent = new Map<number, PetitionEvent>();
  for (const e of events) if (e.transition === "refuseAcceptance") refusalEvent.set(e.petitionId, e);
  const extraEvents: PetitionEvent[] = [];
  for (const p of petitions) {
    if (p.status !== PetitionStatus.NOT_ACCEPTED || p.refusalReason !== RefusalReason.NOT_WITHIN_COMPETENCE) continue;
    if (p.closedOn! < from) continue;
    if (!rng.chance(0.6)) continue;
    const on = p.closedOn!;
    const [body, basis] = bodyFor(p, on, rng);
    Object.assign(p, {
      status: PetitionStatus.FORWARDED,
      refusalReason: null,
      forwardedToBodyId: body,
      forwardedOn: on,
      forwardLegalBasis: basis,
      forwardFollowUpDueOn: forwardFollowUpDueOn(on, BUILT_IN_CALENDAR),
    });
    Object.assign(refusalEvent.get(p.id)!, { transition: "forward", toStatus: PetitionStatus.FORWARDED, reason: null });
    const answered = addDays(on, rng.int(5, 45));
    if (rng.chance(0.75) && answered <= window.until) {
      p.forwardAnsweredOn = answered;
      p.lastStepOn = answered;
      p.version += 1;
      extraEvents.push(
        Object.assign(new PetitionEvent(), {
          petitionId: p.id,
          transition: "forwardingAnswer",
          fromStatus: PetitionStatus.FORWARDED,
          toStatus: PetitionStatus.FORWARDED,
          occurredOn: answered,
          actor: "seed",
          reason: null,
          note: null,
          recordedAt: new Date(`${answered}T09:00:00Z`),
        }),
      );
    }
  }
  events.push(...extraEvents);

  // By the commune version of the receipt (a code is reused: 30307 of 2019 and of 2026 are two units).
  const byCommune = new Map<string, Petition[]>();
  for (const p of petitions) {
    if (p.kind !== PetitionKind.COMPLAINT) continue;
    const key = `${p.communeCode}@${unitOn(p.communeCode, p.receivedOn)?.validFrom}`;
    const list = byCommune.get(key);
    if (list) list.push(p);
    else byCommune.set(key, [p]);
  }
  // A decision already answered by a second round of the earlier pass has one.
  const linked = new Set(petitions.map((p) => p.firstRoundPetitionId));
  for (const complaints of byCommune.values()) {
    const decided = complaints
      .filter((p) => p.status === PetitionStatus.RESOLVED && p.closedOn !== null)
      .sort((a, b) => (a.closedOn! < b.closedOn! ? -1 : a.closedOn! > b.closedOn! ? 1 : a.id - b.id));
    const used = new Set<number>();
    for (const p of complaints) if (linked.has(p.id) || p.firstRoundPetitionId !== null) used.add(p.id);
    for (const first of decided) {
      if (used.has(first.id) || first.round === ComplaintRound.SECOND) continue;
      const later = complaints.find((p) => {
        if (used.has(p.id) || p.id === first.id || p.status !== PetitionStatus.RESOLVED || p.receivedOn < from)
          return false;
        const gap = daysBetween(first.closedOn!, p.receivedOn);
        return gap >= 1 && gap <= 30;
      });
      if (!later || !rng.chance(0.3)) continue;
      const facts = { ...later, round: ComplaintRound.SECOND };
      const accept = acceptanceDueOn(facts, BUILT_IN_CALENDAR);
      const due = dueOn(facts, BUILT_IN_CALENDAR);
      const wasOnTime = later.dueOn === null || later.closedOn! <= later.dueOn;
      if (accept !== later.acceptanceDueOn || !wasOnTime || (due !== null && later.closedOn! > due)) continue;
      Object.assign(later, {
        round: ComplaintRound.SECOND,
        dueOn: due,
        firstRoundPetitionId: first.id,
        decisionKnownOn: first.closedOn,
      });
      used.add(first.id);
      used.add(later.id);
    }
  }
}

/** The commune a petition's case lies in on a day: its commune of receipt, or the unit that took it. */
function communeOnDay(p: Petition, on: string): string {
  if (unitOn(p.communeCode, on)?.level === "COMMUNE" && (p.receivedOn >= REORGANISATION_DAY || on < REORGANISATION_DAY))
    return p.communeCode;
  if (on >= REORGANISATION_DAY) return todaysCommuneOf(p.communeCode)!.code;
  let v = unitOn(p.communeCode, p.receivedOn)!;
  while (!(v.validFrom <= on && (v.validTo === null || v.validTo >= on))) v = successorsOf(v)[0]!.to;
  return v.code;
}

/**
 * Where a case outside the Front's competence goes, by kind, and the basis of that body's
 * competence: a body that exists on the forwarding day (before 2025-07-01 the commune's and its
 * district's of the day; from then, no district: the 2025 commune's and province 91's).
 */
function bodyFor(p: Petition, on: string, rng: SeededRandom): [string, string] {
  const commune = communeOnDay(p, on);
  if (on >= REORGANISATION_DAY) return bodyOnThe2025Map(p, commune, rng);
  const district = p.receivedOn >= "2021-01-01" ? unitOn(commune, on)!.parentCode! : districtOf(p.communeCode)!;
  switch (p.kind) {
    case PetitionKind.DENUNCIATION:
      return rng.chance(0.5)
        ? [`CA-${district}`, "Criminal Procedure Code 2015, Art. 145"]
        : [`UBND-${district}`, "Law on Denunciations 2018, Art. 13"];
    case PetitionKind.COMPLAINT:
      return rng.chance(0.7)
        ? [`UBND-${commune}`, "Law on Complaints 2011, Art. 17"]
        : [`UBND-${district}`, "Law on Complaints 2011, Art. 18"];
    default:
      return rng.chance(0.8)
        ? [`UBND-${commune}`, "Law on Citizen Reception 2013, Art. 28"]
        : [`TTR-${district}`, "Law on Inspection 2010, Art. 21"];
  }
}

/** From 2025-07-01: the 2025 commune's chair and police, and province 91's chair (no district level). */
function bodyOnThe2025Map(p: Petition, commune: string, rng: SeededRandom): [string, string] {
  const province = PROVINCE_CODE_2025;
  switch (p.kind) {
    case PetitionKind.DENUNCIATION:
      return rng.chance(0.5)
        ? [`CA-${commune}`, "Criminal Procedure Code 2015, Art. 145"]
        : [`UBND-${commune}`, "Law on Denunciations 2018, Art. 13"];
    case PetitionKind.COMPLAINT:
      return rng.chance(0.7)
        ? [`UBND-${commune}`, "Law on Complaints 2011, Art. 17"]
        : [`UBND-${province}`, "Law on Complaints 2011, Art. 21"];
    default:
      return rng.chance(0.8)
        ? [`UBND-${commune}`, "Law on Citizen Reception 2013, Art. 28"]
        : [`UBND-${province}`, "Law on Citizen Reception 2013, Art. 28"];
  }
}
