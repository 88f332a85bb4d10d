import { referenceUnits, REORGANISATION_2025, unitVersions } from "@danvan/kit/units";
import { committeeId2025 } from "../src/organisations/committees-through-time.js";
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

interface ProvinceCampaign {
  name: string;
  kind: CampaignKind;
  by: OrganisationKind;
  startsOn: string;
  endsOn: string | null;
  goal: string;
}

/** Province-wide campaigns and movements of the period, each carried down to every district. */
const PROVINCE_CAMPAIGNS: ProvinceCampaign[] = [
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

/** The last day of the 2019 map: its campaigns still running then end with their committees. */
const OLD_MAP_LAST_DAY = "2025-06-30";

/**
 * The campaigns of 2010–2022 (the first generation, on the seed's shared stream); one still
 * running ends with its committees on 2025-06-30 and goes on, on the 2025 map, in CAMPAIGNS_2023.
 */
export function campaignPlans(rng: SeededRandom): CampaignPlan[] {
  const districts = referenceUnits.filter((u) => u.level === "DISTRICT");
  const plans = PROVINCE_CAMPAIGNS.map((c) =>
    plan(
      rng,
      c,
      organisationId(c.by, "89"),
      districts.map((d) => ({ id: organisationId(c.by, d.code), name: d.name })),
    ),
  );
  for (const p of plans) {
    if (p.campaign.endsOn !== null) continue;
    for (const span of [p.campaign, ...p.children, p.phases.at(-1)!]) span.endsOn = OLD_MAP_LAST_DAY;
  }
  return plans;
}

/** Campaigns and movements from 2023: on the 2019 map, by district, to 2025-06-30; on the 2025 map, by commune, from 2025-07-01. */
const CAMPAIGNS_2023: ProvinceCampaign[] = [
  ...[2023, 2024, 2025, 2026].map((y) => ({
    name: `Tháng cao điểm vì người nghèo năm ${y}`,
    kind: CampaignKind.CAMPAIGN,
    by: OrganisationKind.FATHERLAND_FRONT,
    startsOn: `${y}-10-17`,
    endsOn: `${y}-11-18`,
    goal: "Raise contributions to the Fund for the Poor during the peak month.",
  })),
  {
    name: "Người Việt Nam ưu tiên dùng hàng Việt Nam",
    kind: CampaignKind.CAMPAIGN,
    by: OrganisationKind.FATHERLAND_FRONT,
    startsOn: REORGANISATION_2025,
    endsOn: null,
    goal: "Raise the share of Vietnamese goods in household and public procurement, in the merged province.",
  },
  ...(
    [
      [
        OrganisationKind.FARMERS_UNION,
        "Nông dân thi đua sản xuất, kinh doanh giỏi, đoàn kết giúp nhau làm giàu và giảm nghèo bền vững",
        "Grow the number of farming households recognised as good producers.",
      ],
      [
        OrganisationKind.WOMENS_UNION,
        "Phụ nữ tích cực học tập, lao động sáng tạo, xây dựng gia đình hạnh phúc",
        "Support women's learning, work and family well-being.",
      ],
      [
        OrganisationKind.YOUTH_UNION,
        "Tuổi trẻ An Giang xung kích chuyển đổi số",
        "Youth volunteers help households and small businesses use public digital services.",
      ],
      [
        OrganisationKind.VETERANS_ASSOCIATION,
        "Cựu chiến binh gương mẫu",
        "Veterans lead by example in production, security and helping each other out of poverty.",
      ],
    ] as const
  ).flatMap(([by, name, goal]) => [
    {
      name: `${name} (2023–2025)`,
      kind: CampaignKind.EMULATION_MOVEMENT,
      by,
      startsOn: "2023-01-01",
      endsOn: OLD_MAP_LAST_DAY,
      goal,
    },
    { name, kind: CampaignKind.EMULATION_MOVEMENT, by, startsOn: REORGANISATION_2025, endsOn: null, goal },
  ]),
];

/**
 * The campaigns from 2023 (issue 27), on the continuation's own stream: those ending by
 * 2025-06-30 at the old province's committee with a sub-campaign per district, the others at the
 * committee of province 91 with one per 2025 commune.
 */
export function campaignPlans2023(rng: SeededRandom): CampaignPlan[] {
  const districts = referenceUnits.filter((u) => u.level === "DISTRICT");
  const communes2025 = unitVersions
    .filter((u) => u.validFrom === REORGANISATION_2025 && u.level === "COMMUNE")
    .sort((a, b) => a.code.localeCompare(b.code));
  return CAMPAIGNS_2023.map((c) =>
    c.startsOn >= REORGANISATION_2025
      ? plan(
          rng,
          c,
          committeeId2025(c.by, "91"),
          communes2025.map((u) => ({ id: committeeId2025(c.by, u.code), name: u.name })),
          "Commune",
        )
      : plan(
          rng,
          c,
          organisationId(c.by, "89"),
          districts.map((d) => ({ id: organisationId(c.by, d.code), name: d.name })),
        ),
  );
}

/** A campaign at `parentId`, with its phases and a sub-campaign at each of `below`. */
function plan(
  rng: SeededRandom,
  c: ProvinceCampaign,
  parentId: string,
  below: readonly { id: string; name: string }[],
  level: "District" | "Commune" = "District",
): CampaignPlan {
  {
    const end = c.endsOn ?? "2020-12-31";
    // A running campaign of the 2025 map: one phase so far.
    const running = c.endsOn === null && c.startsOn >= REORGANISATION_2025;
    const mid = `${Math.floor((Number(c.startsOn.slice(0, 4)) + Number(end.slice(0, 4))) / 2)}-06-30`;
    const phases: Span[] =
      running || c.startsOn.slice(0, 4) === end.slice(0, 4)
        ? [
            {
              name: "Triển khai",
              startsOn: c.startsOn,
              endsOn: c.endsOn ?? (running ? null : end),
              goal: "Launch and run the campaign.",
            },
          ]
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
        organisationId: parentId,
        startsOn: c.startsOn,
        endsOn: c.endsOn,
        goal: c.goal,
      },
      phases,
      children: below.map((d) => ({
        name: `${c.name} (${d.name})`,
        kind: c.kind,
        organisationId: d.id,
        startsOn: c.startsOn,
        endsOn: c.endsOn,
        goal: `${c.goal} ${level} target set by ${d.name}: ${rng.int(5, 40)} model households or groups.`,
      })),
    };
  }
}

function nextDay(date: string): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
}
