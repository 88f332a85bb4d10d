import { registerEnumType } from "type-graphql";

/**
 * The kind of enterprise or agency a grassroots trade union (công đoàn cơ sở) is in: the
 * categories the Labour Federation reports its grassroots unions by (state agencies and public
 * service units; enterprises by ownership; cooperatives; trade guilds, "nghiệp đoàn").
 */
export enum WorkplaceSector {
  STATE_AGENCY = "STATE_AGENCY",
  PUBLIC_SERVICE_UNIT = "PUBLIC_SERVICE_UNIT",
  STATE_ENTERPRISE = "STATE_ENTERPRISE",
  DOMESTIC_ENTERPRISE = "DOMESTIC_ENTERPRISE",
  FOREIGN_INVESTED_ENTERPRISE = "FOREIGN_INVESTED_ENTERPRISE",
  NON_PUBLIC_SERVICE_UNIT = "NON_PUBLIC_SERVICE_UNIT",
  COOPERATIVE = "COOPERATIVE",
  TRADE_GUILD = "TRADE_GUILD",
}

registerEnumType(WorkplaceSector, {
  name: "WorkplaceSector",
  description:
    "Where a grassroots trade union (công đoàn cơ sở) is: a state agency (cơ quan), a public service unit such as a school or hospital (đơn vị sự nghiệp công lập), a state, domestic private or foreign-invested enterprise, a non-public service unit, a cooperative, or a trade guild (nghiệp đoàn).",
  valuesConfig: {
    STATE_AGENCY: {
      description: "Cơ quan nhà nước, Đảng, Mặt trận và đoàn thể (a commune's People's Committee included).",
    },
    PUBLIC_SERVICE_UNIT: { description: "Đơn vị sự nghiệp công lập: schools, health centres." },
    STATE_ENTERPRISE: { description: "Doanh nghiệp nhà nước." },
    DOMESTIC_ENTERPRISE: { description: "Doanh nghiệp ngoài nhà nước có vốn trong nước." },
    FOREIGN_INVESTED_ENTERPRISE: { description: "Doanh nghiệp có vốn đầu tư nước ngoài (joint ventures included)." },
    NON_PUBLIC_SERVICE_UNIT: { description: "Đơn vị sự nghiệp ngoài công lập." },
    COOPERATIVE: { description: "Hợp tác xã." },
    TRADE_GUILD: { description: "Nghiệp đoàn: self-employed workers of one trade." },
  },
});
