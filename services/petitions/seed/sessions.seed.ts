import { referenceUnits } from "@danvan/kit/units";
import { syntheticName, type SeededRandom } from "@danvan/kit/seeding";
import { addDays } from "../src/deadlines/index.js";
import { weeksStartingIn } from "../src/reception/index.js";
import {
  PresiderRole,
  ReceptionSession,
  SessionKind,
  SessionPetition,
} from "../src/sessions/reception-session.entity.js";
import type { Petition } from "../src/petitions/petition.entity.js";
import { PetitionChannel } from "../src/petitions/petition-graphql-enums.js";

/** A unit that holds sessions: the 2019 list's (always in force) or a version of the timeline. */
export interface SessionUnit {
  code: string;
  level: string;
  validFrom?: string;
  validTo?: string | null;
}

const inForceOn = (u: SessionUnit, day: string) =>
  (u.validFrom ?? "") <= day && (u.validTo == null || u.validTo >= day);

/**
 * Reception sessions by the chairs (commune weekly, district twice a month, province monthly)
 * with a plausible share missed or delegated, a few dialogues a year, and each petition that
 * arrived through a reception session linked to a session held that day in its commune. Each unit
 * holds them in the months it is in force on their first day (the map of the month: the districts
 * until 2025-06, province 91 and its 102 communes from 2025-07); ids from `firstId`.
 */
export function sessionRows(
  rng: SeededRandom,
  months: string[],
  petitions: readonly Petition[],
  opts: { units?: readonly SessionUnit[]; firstId?: number } = {},
) {
  const units: readonly SessionUnit[] = opts.units ?? referenceUnits;
  const firstId = opts.firstId ?? 1;
  const sessions: ReceptionSession[] = [];
  const links: SessionPetition[] = [];
  const chairs = new Map(units.map((u) => [`${u.code}@${u.validFrom ?? ""}`, syntheticName(rng, rng.chance(0.3))]));
  const add = (
    unitCode: string,
    level: string,
    kind: SessionKind,
    heldOn: string,
    role: PresiderRole,
    chair = chairs.get(`${unitCode}@`),
    validTo: string | null | undefined = null,
  ) => {
    // A week that starts in a unit's last month may end after it: no session of an ended unit.
    if (validTo && heldOn > validTo) return null;
    const s = Object.assign(new ReceptionSession(), {
      id: firstId + sessions.length,
      kind,
      unitCode,
      level,
      presiderRole: role,
      presiderName: role === PresiderRole.CHAIR && chair ? chair : syntheticName(rng, rng.chance(0.4)),
      heldOn,
      place: kind === SessionKind.RECEPTION ? "Trụ sở tiếp công dân" : "Hội trường Ủy ban nhân dân",
      topic:
        kind === SessionKind.DIALOGUE
          ? rng.pick(["Bồi thường giải phóng mặt bằng", "Chỉnh trang đô thị", "Giao thông nông thôn"])
          : null,
      citizensReceived: rng.int(0, 25),
    });
    sessions.push(s);
    return s;
  };
  const role = () =>
    rng.chance(0.85) ? PresiderRole.CHAIR : rng.pick([PresiderRole.VICE_CHAIR, PresiderRole.AUTHORISED_OFFICER]);
  for (const unit of units) {
    const chair = chairs.get(`${unit.code}@${unit.validFrom ?? ""}`);
    for (const month of months) {
      if (!inForceOn(unit, `${month}-01`)) continue;
      if (unit.level === "COMMUNE") {
        for (const week of weeksStartingIn(month))
          if (rng.chance(0.93))
            add(
              unit.code,
              unit.level,
              SessionKind.RECEPTION,
              addDays(week.start, rng.int(0, 4)),
              role(),
              chair,
              unit.validTo,
            );
      } else {
        const days = unit.level === "DISTRICT" ? [rng.int(1, 12), rng.int(15, 27)] : [rng.int(5, 25)];
        for (const d of days)
          if (rng.chance(0.92))
            add(
              unit.code,
              unit.level,
              SessionKind.RECEPTION,
              `${month}-${String(d).padStart(2, "0")}`,
              role(),
              chair,
              unit.validTo,
            );
      }
      if (unit.level !== "COMMUNE" && rng.chance(0.15))
        add(
          unit.code,
          unit.level,
          SessionKind.DIALOGUE,
          `${month}-${String(rng.int(1, 28)).padStart(2, "0")}`,
          PresiderRole.CHAIR,
          chair,
          unit.validTo,
        );
    }
  }
  const inMonths = new Set(months);
  for (const p of petitions) {
    if (p.channel !== PetitionChannel.RECEPTION_SESSION || !inMonths.has(p.receivedOn.slice(0, 7))) continue;
    const unit = units.find((u) => u.code === p.communeCode && inForceOn(u, p.receivedOn));
    const chair = unit && chairs.get(`${unit.code}@${unit.validFrom ?? ""}`);
    const s = add(p.communeCode, "COMMUNE", SessionKind.RECEPTION, p.receivedOn, role(), chair)!;
    links.push(Object.assign(new SessionPetition(), { sessionId: s.id, petitionId: p.id }));
  }
  return { sessions, links };
}
