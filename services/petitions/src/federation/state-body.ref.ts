import { Directive, Field, ID, ObjectType } from "type-graphql";
import { unitByCode } from "@danvan/kit";
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
