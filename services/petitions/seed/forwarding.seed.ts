import { SeededRandom } from "@danvan/kit/seeding";
import { districtOf } from "@danvan/kit/units";
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
export function addForwardingAndSecondRounds(petitions: Petition[], events: PetitionEvent[], seed: number): void {
  const rng = new SeededRandom(seed);
  for (const p of petitions) {
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
    if (!rng.chance(0.6)) continue;
    const [body, basis] = bodyFor(p, rng);
    const on = p.closedOn!;
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
    if (rng.chance(0.75) && answered <= "2020-12-31") {
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

  const byCommune = new Map<string, Petition[]>();
  for (const p of petitions) {
    if (p.kind !== PetitionKind.COMPLAINT) continue;
    byCommune.set(p.communeCode, [...(byCommune.get(p.communeCode) ?? []), p]);
  }
  for (const complaints of byCommune.values()) {
    const decided = complaints
      .filter((p) => p.status === PetitionStatus.RESOLVED && p.closedOn !== null)
      .sort((a, b) => (a.closedOn! < b.closedOn! ? -1 : a.closedOn! > b.closedOn! ? 1 : a.id - b.id));
    const used = new Set<number>();
    for (const first of decided) {
      if (used.has(first.id) || first.round === ComplaintRound.SECOND) continue;
      const later = complaints.find((p) => {
        if (used.has(p.id) || p.id === first.id || p.status !== PetitionStatus.RESOLVED) return false;
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

/** Where a case outside the Front's competence goes, by kind, and the basis of that body's competence. */
function bodyFor(p: Petition, rng: SeededRandom): [string, string] {
  const district = districtOf(p.communeCode)!;
  switch (p.kind) {
    case PetitionKind.DENUNCIATION:
      return rng.chance(0.5)
        ? [`CA-${district}`, "Criminal Procedure Code 2015, Art. 145"]
        : [`UBND-${district}`, "Law on Denunciations 2018, Art. 13"];
    case PetitionKind.COMPLAINT:
      return rng.chance(0.7)
        ? [`UBND-${p.communeCode}`, "Law on Complaints 2011, Art. 17"]
        : [`UBND-${district}`, "Law on Complaints 2011, Art. 18"];
    default:
      return rng.chance(0.8)
        ? [`UBND-${p.communeCode}`, "Law on Citizen Reception 2013, Art. 28"]
        : [`TTR-${district}`, "Law on Inspection 2010, Art. 21"];
  }
}
