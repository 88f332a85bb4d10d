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

/**
 * Reception sessions by the chairs (commune weekly, district twice a month, province monthly)
 * with a plausible share missed or delegated, a few dialogues a year, and each petition that
 * arrived through a reception session linked to a session held that day in its commune.
 */
export function sessionRows(rng: SeededRandom, months: string[], petitions: readonly Petition[]) {
  const sessions: ReceptionSession[] = [];
  const links: SessionPetition[] = [];
  const chairs = new Map(referenceUnits.map((u) => [u.code, syntheticName(rng, rng.chance(0.3))]));
  const add = (unitCode: string, level: string, kind: SessionKind, heldOn: string, role: PresiderRole) => {
    const s = Object.assign(new ReceptionSession(), {
      id: sessions.length + 1,
      kind,
      unitCode,
      level,
      presiderRole: role,
      presiderName: role === PresiderRole.CHAIR ? chairs.get(unitCode)! : syntheticName(rng, rng.chance(0.4)),
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
  for (const unit of referenceUnits) {
    for (const month of months) {
      if (unit.level === "COMMUNE") {
        for (const week of weeksStartingIn(month))
          if (rng.chance(0.93))
            add(unit.code, unit.level, SessionKind.RECEPTION, addDays(week.start, rng.int(0, 4)), role());
      } else {
        const days = unit.level === "DISTRICT" ? [rng.int(1, 12), rng.int(15, 27)] : [rng.int(5, 25)];
        for (const d of days)
          if (rng.chance(0.92))
            add(unit.code, unit.level, SessionKind.RECEPTION, `${month}-${String(d).padStart(2, "0")}`, role());
      }
      if (unit.level !== "COMMUNE" && rng.chance(0.15))
        add(
          unit.code,
          unit.level,
          SessionKind.DIALOGUE,
          `${month}-${String(rng.int(1, 28)).padStart(2, "0")}`,
          PresiderRole.CHAIR,
        );
    }
  }
  const inMonths = new Set(months);
  for (const p of petitions) {
    if (p.channel !== PetitionChannel.RECEPTION_SESSION || !inMonths.has(p.receivedOn.slice(0, 7))) continue;
    const s = add(p.communeCode, "COMMUNE", SessionKind.RECEPTION, p.receivedOn, role());
    links.push(Object.assign(new SessionPetition(), { sessionId: s.id, petitionId: p.id }));
  }
  return { sessions, links };
}
