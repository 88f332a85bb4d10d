import { Arg, Ctx, FieldResolver, ID, Query, Resolver, Root } from "type-graphql";
import { BadUserInputError, NotFoundError } from "@danvan/kit";
import type { OrganisationsContext } from "../context.js";
import { orgMessage } from "../messages.js";
import { AdministrativeUnit } from "../units/administrative-unit.entity.js";
import { requireUnit } from "../units/unit-lookup.js";
import {
  existsAtLevel,
  kindsAtLevel,
  parseStateBodyId,
  STATE_BODY_KINDS,
  stateBodyIdOf,
  type StateBodyKindName,
} from "@danvan/kit/federation";
import { StateBody } from "./state-body.type.js";

export function stateBodyOf(kind: StateBodyKindName, unit: AdministrativeUnit): StateBody {
  return Object.assign(new StateBody(), {
    id: stateBodyIdOf(kind, unit.code),
    kind,
    name: `${STATE_BODY_KINDS[kind].namePrefix} ${unit.name}`,
    competence: STATE_BODY_KINDS[kind].competence,
    unit,
  });
}

/** The body an id names, or null (a well-formed id of a unit without that body, or an unknown unit). */
async function bodyById(ctx: OrganisationsContext, id: string): Promise<StateBody | null> {
  const parsed = parseStateBodyId(id);
  if (!parsed) return null;
  const unit = await ctx.loaders.unit.load(parsed.unitCode);
  if (!unit || !existsAtLevel(parsed.kind, unit.level)) return null;
  return stateBodyOf(parsed.kind, unit);
}

@Resolver(() => StateBody)
export class StateBodyResolver {
  @Query(() => StateBody, { nullable: true, description: "One state body by its id (public)." })
  async stateBody(@Arg("id", () => ID) id: string, @Ctx() ctx: OrganisationsContext): Promise<StateBody> {
    if (!parseStateBodyId(id)) throw BadUserInputError.field("id", orgMessage("stateBodyId"));
    const body = await bodyById(ctx, id);
    if (!body) throw new NotFoundError(orgMessage("thingStateBody"), "id");
    return body;
  }

  @Query(() => [StateBody], { nullable: true, description: "A unit's state bodies (public)." })
  async stateBodies(
    @Arg("unitCode", () => ID) unitCode: string,
    @Ctx() ctx: OrganisationsContext,
  ): Promise<StateBody[]> {
    const unit = await requireUnit(ctx, unitCode, "unitCode");
    return kindsAtLevel(unit.level).map((k) => stateBodyOf(k, unit));
  }
}

@Resolver(() => AdministrativeUnit)
export class AdministrativeUnitStateBodiesResolver {
  @FieldResolver(() => [StateBody], { description: "The unit's state bodies, to which petitions are forwarded." })
  stateBodies(@Root() unit: AdministrativeUnit): StateBody[] {
    return kindsAtLevel(unit.level).map((k) => stateBodyOf(k, unit));
  }
}

/** `_entities` for StateBody: batched through the unit loader; null for an id that names no body. */
export const stateBodyReference = {
  __resolveReference: (ref: { id: string }, ctx: OrganisationsContext) => bodyById(ctx, ref.id),
};
