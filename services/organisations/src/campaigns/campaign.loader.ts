import { In, type DataSource } from "typeorm";
import { groupedLoader, keyedLoader } from "@danvan/kit";
import { Campaign, CampaignPhase } from "./campaign.entity.js";

export function campaignLoaders(ds: DataSource) {
  const campaigns = ds.getRepository(Campaign);
  const phases = ds.getRepository(CampaignPhase);
  return {
    campaign: keyedLoader<number, Campaign>(
      (ids) => campaigns.findBy({ id: In(ids) }),
      (c) => c.id,
    ),
    subCampaigns: groupedLoader<number, Campaign>(
      (ids) => campaigns.find({ where: { parentId: In(ids) }, order: { id: "ASC" } }),
      (c) => c.parentId!,
    ),
    campaignPhases: groupedLoader<number, CampaignPhase>(
      (ids) => phases.find({ where: { campaignId: In(ids) }, order: { ordinal: "ASC" } }),
      (p) => p.campaignId,
    ),
  };
}
