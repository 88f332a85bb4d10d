import { Directive, Field, ID, ObjectType } from "type-graphql";
import { unitByCode, unitOn } from "@danvan/kit";
import { existsAtLevel, parseStateBodyId } from "@danvan/kit/federation";

/**
 * The StateBody entity of organisations (a unit's People's Committee chairperson, inspectorate,
 * court, procuracy or police: src/state-bodies/ there), as this subgraph sees it: by key only,
 * never resolved here. A petition's `forwardedTo` returns it and the gateway completes it.
 */
@ObjectType("StateBody")
@Directive('@key(fields: "id", resolvable: false)')
export class StateBodyRef {
  @Field(() => ID)
  id: string;
}

export function stateBodyRef(id: string): StateBodyRef {
  return Object.assign(new StateBodyRef(), { id });
}

/**
 * Whether an id names a state body of a reference unit, by the kit's rule (its
 * federation/state-bodies.ts: UBND and CA at every level; TTR, TAND and VKSND at province and district).
 */
export function isStateBodyId(id: string): boolean {
  const parsed = parseStateBodyId(id);
  const unit = parsed && unitByCode(parsed.unitCode);
  return !!unit && existsAtLevel(parsed.kind, unit.level);
}

/**
 * Whether the body exists on `on`: its unit's version in force that day has a body of that kind.
 * A petition is forwarded to a body that exists on the forwarding day: from 2025-07-01 no
 * district's (Law 72/2025/QH15 and Resolution 202/2025/QH15: no district level) nor an old
 * commune's, but the 2025 communes' (UBND and CA) and province 91's; before, the units of the
 * map of the day (UBND-883 in 2020; UBND-30307 then names Phường Mỹ Hòa's chair, from
 * 2025-07-01 Phường Long Xuyên's).
 */
export function stateBodyExistsOn(id: string, on: string): boolean {
  const parsed = parseStateBodyId(id);
  const unit = parsed && unitOn(parsed.unitCode, on);
  return !!unit && existsAtLevel(parsed.kind, unit.level);
}
