import { connectionFrom, pageRequest, type ConnectionShape, type PageArgs } from "@danvan/kit";
import type { ProgramsContext } from "../context.js";
import { checkIntegerCursor } from "../arguments.js";
import type { MobilisationModel } from "./mobilisation-model.entity.js";
import { modelPageKey } from "./model.loader.js";

/**
 * A page of the models registered with a committee (Organisation.mobilisationModels; public):
 * the pages of many committees come from one statement (model.loader.ts).
 */
export async function modelsOfOrganisation(
  ctx: ProgramsContext,
  organisationId: string,
  args: PageArgs,
): Promise<ConnectionShape<MobilisationModel>> {
  const page = pageRequest(args);
  checkIntegerCursor(page);
  const rows = await ctx.loaders.modelsOfOrganisation.for(modelPageKey(page)).load(organisationId);
  return connectionFrom(
    rows,
    page,
    (m) => m.id,
    async () => (await ctx.loaders.modelTotalOfOrganisation.load(organisationId))?.n ?? 0,
  );
}
