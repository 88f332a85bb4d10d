import { referenceUnits } from "@danvan/kit/units";
import { CampaignKind } from "../src/campaigns/campaign-kind.js";
import { organisationId, OrganisationKind } from "../src/organisations/organisation-kind.js";
import type { SeededRandom } from "@danvan/kit/seeding";

interface Span {
  name: string;
  startsOn: string;
  endsOn: string | null;
  goal: string;
}
export interface CampaignPlan {
  campaign: Span & { kind: CampaignKind; organisationId: string };
  phases: Span[];
  children: (Span & { kind: CampaignKind; organisationId: string })[];
}

/** Province-wide campaigns and movements of the period, each carried down to every district. */
const PROVINCE_CAMPAIGNS: {
  name: string;
  kind: CampaignKind;
  by: OrganisationKind;
  startsOn: string;
  endsOn: string | null;
  goal: string;
}[] = [
  {
    name: "Toàn dân đoàn kết xây dựng nông thôn mới, đô thị văn minh",
    kind: CampaignKind.CAMPAIGN,
    by: OrganisationKind.FATHERLAND_FRONT,
    startsOn: "2016-01-01",
    endsOn: "2020-12-31",
    goal: "Mobilise residents to meet new-rural and civilised-urban criteria in every commune.",
  },
  {
    name: "Người Việt Nam ưu tiên dùng hàng Việt Nam",
    kind: CampaignKind.CAMPAIGN,
    by: OrganisationKind.FATHERLAND_FRONT,
    startsOn: "2010-01-01",
    endsOn: null,
    goal: "Raise the share of Vietnamese goods in household and public procurement.",
  },
  {
    name: "Tháng cao điểm vì người nghèo",
    kind: CampaignKind.CAMPAIGN,
    by: OrganisationKind.FATHERLAND_FRONT,
    startsOn: "2019-10-17",
    endsOn: "2019-11-18",
    goal: "Raise contributions to the Fund for the Poor during the peak month.",
  },
  {
    name: "Nông dân thi đua sản xuất, kinh doanh giỏi",
    kind: CampaignKind.EMULATION_MOVEMENT,
    by: OrganisationKind.FARMERS_UNION,
    startsOn: "2017-01-01",
    endsOn: "2022-12-31",
    goal: "Grow the number of farming households recognised as good producers.",
  },
  {
    name: "Phụ nữ tích cực học tập, lao động sáng tạo, xây dựng gia đình hạnh phúc",
    kind: CampaignKind.EMULATION_MOVEMENT,
    by: OrganisationKind.WOMENS_UNION,
    startsOn: "2017-01-01",
    endsOn: "2022-12-31",
    goal: "Support women's learning, work and family well-being.",
  },
  {
    name: "Tuổi trẻ chung tay xây dựng nông thôn mới",
    kind: CampaignKind.EMULATION_MOVEMENT,
    by: OrganisationKind.YOUTH_UNION,
    startsOn: "2018-03-26",
    endsOn: "2020-12-31",
    goal: "Youth volunteer work on rural roads, lighting and clean water.",
  },
];

export function campaignPlans(rng: SeededRandom): CampaignPlan[] {
  const districts = referenceUnits.filter((u) => u.level === "DISTRICT");
  return PROVINCE_CAMPAIGNS.map((c) => {
    const end = c.endsOn ?? "2020-12-31";
    const mid = `${Math.floor((Number(c.startsOn.slice(0, 4)) + Number(end.slice(0, 4))) / 2)}-06-30`;
    const phases: Span[] =
      c.startsOn.slice(0, 4) === end.slice(0, 4)
        ? [{ name: "Triển khai", startsOn: c.startsOn, endsOn: end, goal: "Launch and run the campaign." }]
        : [
            {
              name: "Giai đoạn 1: triển khai",
              startsOn: c.startsOn,
              endsOn: mid,
              goal: "Launch, train committees, set targets.",
            },
            {
              name: "Giai đoạn 2: nhân rộng và tổng kết",
              startsOn: nextDay(mid),
              endsOn: c.endsOn,
              goal: "Spread good models and review results.",
            },
          ];
    return {
      campaign: {
        name: c.name,
        kind: c.kind,
        organisationId: organisationId(c.by, "89"),
        startsOn: c.startsOn,
        endsOn: c.endsOn,
        goal: c.goal,
      },
      phases,
      children: districts.map((d) => ({
        name: `${c.name} (${d.name})`,
        kind: c.kind,
        organisationId: organisationId(c.by, d.code),
        startsOn: c.startsOn,
        endsOn: c.endsOn,
        goal: `${c.goal} District target set by ${d.name}: ${rng.int(5, 40)} model households or groups.`,
      })),
    };
  });
}

function nextDay(date: string): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
}
