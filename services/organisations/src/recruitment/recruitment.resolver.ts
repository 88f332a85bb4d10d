import { Arg, Authorized, Ctx, Mutation, Resolver } from "type-graphql";
import { assertCanWriteUnit, audit, inTransaction } from "@danvan/kit";
import type { OrganisationsContext } from "../context.js";
import { requireOrganisation } from "../organisations/organisation-lookup.js";
import { scopeUnitOf } from "../organisations/organisation.entity.js";
import { SetRecruitmentTargetInput } from "./recruitment.input.js";
import { Recruitment, recruitmentOf } from "./recruitment.type.js";
import { RecruitmentTarget } from "./recruitment-target.entity.js";

@Resolver(() => Recruitment)
export class RecruitmentResolver {
  @Authorized("OFFICER", "ADMIN")
  @Mutation(() => Recruitment, {
    nullable: true,
    description: "Set a committee's recruitment target for a year (replaces any earlier one).",
  })
  async setRecruitmentTarget(
    @Arg("input") input: SetRecruitmentTargetInput,
    @Ctx() ctx: OrganisationsContext,
  ): Promise<Recruitment> {
    const organisation = await requireOrganisation(ctx, input.organisationId, "input.organisationId");
    assertCanWriteUnit(ctx.identity, scopeUnitOf(organisation));
    await inTransaction(ctx.ds, async (m) => {
      const before = await m.findOneBy(RecruitmentTarget, { organisationId: organisation.id, year: input.year });
      await m.upsert(RecruitmentTarget, { organisationId: organisation.id, year: input.year, target: input.target }, [
        "organisationId",
        "year",
      ]);
      await audit(m, ctx, {
        action: "setRecruitmentTarget",
        entityType: "RecruitmentTarget",
        entityId: `${organisation.id}:${input.year}`,
        before,
        after: input,
      });
    });
    const joined = await ctx.loaders.joinedBetween
      .for({ from: `${input.year}-01-01`, to: `${input.year}-12-31` })
      .load(organisation.id);
    return recruitmentOf(input.year, joined?.n ?? 0, input.target);
  }
}
