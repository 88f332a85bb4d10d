import { Arg, Args, Authorized, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from "type-graphql";
import {
  createOnce,
  assertCanWriteUnit,
  audit,
  BadUserInputError,
  ConnectionType,
  connectionFrom,
  NotFoundError,
  pageRequest,
  type ConnectionShape,
} from "@danvan/kit";
import type { OrganisationsContext } from "../context.js";
import { Organisation, scopeUnitOf } from "../organisations/organisation.entity.js";
import { requireOrganisation } from "../organisations/organisation-lookup.js";
import { Campaign, CampaignPhase } from "./campaign.entity.js";
import { CampaignsArgs, CreateCampaignInput } from "./campaign.input.js";
import { campaignProblems } from "./campaign-rules.js";
import { recordId } from "../record-ids.js";
import { orgMessage } from "../messages.js";

export const CampaignConnection = ConnectionType(Campaign);

@Resolver(() => Campaign)
export class CampaignResolver {
  @Query(() => Campaign, { nullable: true })
  async campaign(@Arg("id", () => ID) id: string, @Ctx() ctx: OrganisationsContext): Promise<Campaign> {
    const campaign = await ctx.loaders.campaign.load(recordId(id, "id", orgMessage("thingCampaign")));
    if (!campaign) throw new NotFoundError(orgMessage("thingCampaign"), "id");
    return campaign;
  }

  @Query(() => CampaignConnection, { nullable: true, description: "Campaigns and emulation movements, by id." })
  async campaigns(@Args() args: CampaignsArgs, @Ctx() ctx: OrganisationsContext): Promise<ConnectionShape<Campaign>> {
    const page = pageRequest(args);
    if (args.organisationId != null) await requireOrganisation(ctx, args.organisationId, "organisationId");
    const base = () => {
      const q = ctx.ds.getRepository(Campaign).createQueryBuilder("c");
      if (args.organisationId != null) q.andWhere("c.organisation_id = :org", { org: args.organisationId });
      if (args.kind != null) q.andWhere("c.kind = :kind", { kind: args.kind });
      if (args.topLevel) q.andWhere("c.parent_id IS NULL");
      return q;
    };
    const q = base()
      .orderBy("c.id")
      .take(page.limit + 1);
    if (page.afterKey !== null) q.andWhere("c.id > :after", { after: Number(page.afterKey) });
    const rows = await q.getMany();
    return connectionFrom(
      rows,
      page,
      (c) => c.id,
      () => base().getCount(),
    );
  }

  @FieldResolver(() => Organisation, { description: "The committee that launched it." })
  async organisation(@Root() c: Campaign, @Ctx() ctx: OrganisationsContext): Promise<Organisation> {
    return (await ctx.loaders.organisation.load(c.organisationId))!;
  }

  @FieldResolver(() => Campaign, { nullable: true })
  parent(@Root() c: Campaign, @Ctx() ctx: OrganisationsContext): Promise<Campaign | null> | null {
    return c.parentId ? ctx.loaders.campaign.load(c.parentId) : null;
  }

  @FieldResolver(() => [Campaign], { description: "District and commune campaigns under this one." })
  subCampaigns(@Root() c: Campaign, @Ctx() ctx: OrganisationsContext): Promise<Campaign[]> {
    return ctx.loaders.subCampaigns.load(c.id);
  }

  @FieldResolver(() => [CampaignPhase])
  phases(@Root() c: Campaign, @Ctx() ctx: OrganisationsContext): Promise<CampaignPhase[]> {
    return ctx.loaders.campaignPhases.load(c.id);
  }

  @Authorized("OFFICER", "ADMIN")
  @Mutation(() => Campaign, {
    nullable: true,
    description: "Launch a campaign with its phases; idempotent with idempotencyKey.",
  })
  async createCampaign(@Arg("input") input: CreateCampaignInput, @Ctx() ctx: OrganisationsContext): Promise<Campaign> {
    const organisation = await requireOrganisation(ctx, input.organisationId, "input.organisationId");
    assertCanWriteUnit(ctx.identity, scopeUnitOf(organisation));
    const parent = input.parentId != null ? await ctx.loaders.campaign.load(Number(input.parentId)) : null;
    if (input.parentId != null && !parent) throw new NotFoundError(orgMessage("thingCampaign"), "input.parentId");
    const problems = campaignProblems(input, parent);
    if (problems.length) throw new BadUserInputError(problems);
    return createOnce(ctx.ds, ctx, Campaign, { key: input.idempotencyKey, operation: "createCampaign" }, async (m) => {
      const inserted = await m.insert(Campaign, {
        organisationId: organisation.id,
        parentId: parent?.id ?? null,
        name: input.name.trim(),
        kind: input.kind,
        startsOn: input.startsOn,
        endsOn: input.endsOn ?? null,
        goal: input.goal.trim(),
        version: 1,
      });
      const campaignId = Number(inserted.identifiers[0]!.id);
      if (input.phases.length) {
        await m.insert(
          CampaignPhase,
          input.phases.map((p, i) => ({
            campaignId,
            ordinal: i + 1,
            name: p.name,
            startsOn: p.startsOn,
            endsOn: p.endsOn ?? null,
            goal: p.goal,
          })),
        );
      }
      await audit(m, ctx, {
        action: "createCampaign",
        entityType: "Campaign",
        entityId: campaignId,
        after: { ...input, idempotencyKey: undefined },
      });
      return campaignId;
    });
  }
}
