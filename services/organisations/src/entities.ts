import { recordKeepingEntities } from "@danvan/kit";
import { AdministrativeUnit } from "./units/administrative-unit.entity.js";
import { UnitSuccession } from "./units/unit-succession.entity.js";
import { Organisation, OrganisationClosure } from "./organisations/organisation.entity.js";
import { OrganisationSuccession } from "./organisations/organisation-succession.entity.js";
import { Member } from "./members/member.entity.js";
import { MemberCarry } from "./members/member-carry.entity.js";
import { LeadershipPosition } from "./positions/leadership-position.entity.js";
import { RecruitmentTarget } from "./recruitment/recruitment-target.entity.js";
import { Campaign, CampaignPhase } from "./campaigns/campaign.entity.js";

export const entities = [
  AdministrativeUnit,
  UnitSuccession,
  Organisation,
  OrganisationClosure,
  OrganisationSuccession,
  Member,
  MemberCarry,
  LeadershipPosition,
  RecruitmentTarget,
  Campaign,
  CampaignPhase,
  ...recordKeepingEntities,
];
