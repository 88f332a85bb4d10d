import type { Message } from "@danvan/kit";
import { orgMessage } from "../messages.js";
import { OrganisationKind } from "./organisation-kind.js";

const KEYS = {
  FATHERLAND_FRONT: "kindFatherlandFront",
  FARMERS_UNION: "kindFarmersUnion",
  WOMENS_UNION: "kindWomensUnion",
  YOUTH_UNION: "kindYouthUnion",
  VETERANS_ASSOCIATION: "kindVeteransAssociation",
  LABOUR_FEDERATION: "kindLabourFederation",
} as const satisfies Record<OrganisationKind, string>;

/** The organisation's name inside a sentence, in the reader's language ("the Youth Union", "Đoàn TNCS Hồ Chí Minh"). */
export function kindName(kind: OrganisationKind): Message {
  return orgMessage(KEYS[kind]);
}
