import { BadUserInputError, NotFoundError } from "@danvan/kit";
import type { OrganisationsContext } from "../context.js";
import { orgMessage } from "../messages.js";
import type { Organisation } from "./organisation.entity.js";
import { BODY_ID } from "./organisation-structure.js";

/**
 * A committee named by an argument: an id that is not an organisation id is BAD_USER_INPUT, an
 * unknown one NOT_FOUND, both naming `field`. A committee's id is checked with the kit's codec,
 * the one every subgraph reads them with, and a grassroots union's with its own pattern
 * (organisation-structure.ts): this subgraph refuses nothing it could have made.
 */
export async function requireOrganisation(ctx: OrganisationsContext, id: string, field: string): Promise<Organisation> {
  if (!BODY_ID.test(id)) throw BadUserInputError.field(field, orgMessage("organisationId"));
  const organisation = await ctx.loaders.organisation.load(id);
  if (!organisation) throw new NotFoundError(orgMessage("thingOrganisation"), field);
  return organisation;
}
