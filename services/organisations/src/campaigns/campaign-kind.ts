import { registerEnumType } from "type-graphql";

export enum CampaignKind {
  CAMPAIGN = "CAMPAIGN",
  EMULATION_MOVEMENT = "EMULATION_MOVEMENT",
}
registerEnumType(CampaignKind, {
  name: "CampaignKind",
  description: "A campaign (cuộc vận động) or an emulation movement (phong trào thi đua).",
});
