import { Ctx, FieldResolver, Resolver, Root } from "type-graphql";
import type { ProgramsContext } from "../context.js";
import { Fund } from "../fund/fund.entity.js";
import { OrganisationRef } from "./organisation.ref.js";

/** What programs adds to every Organisation: the Front committees' Fund for the Poor. */
@Resolver(() => OrganisationRef)
export class OrganisationFieldsResolver {
  @FieldResolver(() => Fund, {
    nullable: true,
    description: "The Fund for the Poor this committee keeps (Front committees only).",
  })
  fund(@Root() o: OrganisationRef, @Ctx() ctx: ProgramsContext): Promise<Fund | null> {
    return ctx.loaders.fundOfOrganisation.load(o.id);
  }
}
