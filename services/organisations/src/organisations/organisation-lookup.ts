import { BadUserInputError, NotFoundError, ORGANISATION_ID } from "@danvan/kit";
import type { OrganisationsContext } from "../context.js";
import { orgMessage } from "../messages.js";
import type { Organisation } from "./organisation.entity.js";

/**
 * A committee named by an argument: an id that is not an organisation id is BAD_USER_INPUT, an
 * unknown one NOT_FOUND, both naming `field`. The ids are checked with the kit's codec, the one
 * every subgraph reads them with: this subgraph makes its ids with the same codec
 * (organisation-kind.ts), so it refuses nothing it could have made.
 */
export async function requireOrganisation(ctx: OrganisationsContext, id: string, field: string): Promise<Organisation> {
  if (!ORGANISATION_ID.test(id)) throw BadUserInputError.field(field, orgMessage("organisationId"));
  const organisation = await ctx.loaders.organisation.load(id);
  if (!organisation) throw new NotFoundError(orgMessage("thingOrganisation"), field);
  return organisation;
}
