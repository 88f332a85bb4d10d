import { OrganisationKind } from "../organisations/organisation-kind.js";
import { PositionTitle } from "./position-title.js";

/**
 * The leadership titles each organisation uses, as data (free of GraphQL and TypeORM): its
 * head and deputies, its standing body and its committee, with the names it writes them in.
 * The Youth Union is led by a secretary (Bí thư); the Front, the unions and the associations
 * by a chairperson (Chủ tịch).
 */
export interface TitleSet {
  /** The title of the one person who heads the committee at a time. */
  head: PositionTitle;
  /** Each title the organisation uses, with its own name for it. */
  names: Partial<Record<PositionTitle, string>>;
  basis: string;
}

const CHAIRED = (standing: string, committee: string, basis: string): TitleSet => ({
  head: PositionTitle.CHAIR,
  names: {
    CHAIR: "Chủ tịch",
    VICE_CHAIR: "Phó Chủ tịch",
    STANDING_MEMBER: standing,
    MEMBER: committee,
  },
  basis,
});

export const TITLES: Record<OrganisationKind, TitleSet> = {
  FATHERLAND_FRONT: CHAIRED(
    "Ủy viên Ban Thường trực",
    "Ủy viên Ủy ban",
    "Luật Mặt trận Tổ quốc Việt Nam 2015; Điều lệ Mặt trận Tổ quốc Việt Nam (2019)",
  ),
  FARMERS_UNION: CHAIRED("Ủy viên Ban Thường vụ", "Ủy viên Ban Chấp hành", "Điều lệ Hội Nông dân Việt Nam (2018)"),
  WOMENS_UNION: CHAIRED("Ủy viên Ban Thường vụ", "Ủy viên Ban Chấp hành", "Điều lệ Hội LHPN Việt Nam (2017)"),
  YOUTH_UNION: {
    head: PositionTitle.SECRETARY,
    names: {
      SECRETARY: "Bí thư",
      DEPUTY_SECRETARY: "Phó Bí thư",
      STANDING_MEMBER: "Ủy viên Ban Thường vụ",
      MEMBER: "Ủy viên Ban Chấp hành",
    },
    basis: "Điều lệ Đoàn TNCS Hồ Chí Minh (2017)",
  },
  VETERANS_ASSOCIATION: CHAIRED(
    "Ủy viên Ban Thường vụ",
    "Ủy viên Ban Chấp hành",
    "Điều lệ Hội Cựu chiến binh Việt Nam (2017)",
  ),
  LABOUR_FEDERATION: CHAIRED("Ủy viên Ban Thường vụ", "Ủy viên Ban Chấp hành", "Điều lệ Công đoàn Việt Nam (2018)"),
};

/** The name the organisation writes `title` in, or null when it does not use the title. */
export function titleName(kind: OrganisationKind, title: PositionTitle): string | null {
  return TITLES[kind].names[title] ?? null;
}

/** The head's title and its name, "Bí thư (SECRETARY)", for messages. */
export function headTitle(kind: OrganisationKind): string {
  const { head, names } = TITLES[kind];
  return `${names[head]} (${head})`;
}
