import { registerEnumType } from "type-graphql";
import {
  ComplaintRound,
  Complexity,
  NotProcessableReason,
  PetitionKind,
  PetitionStatus,
  RefusalReason,
  ResolutionOutcome,
} from "../lifecycle/index.js";

/** The domain's enums, exposed to GraphQL here so the rules stay free of GraphQL. */
registerEnumType(PetitionKind, {
  name: "PetitionKind",
  description: "Complaint (khiếu nại), denunciation (tố cáo), recommendation (kiến nghị), reflection (phản ánh).",
});
registerEnumType(PetitionStatus, { name: "PetitionStatus" });
registerEnumType(ComplaintRound, {
  name: "ComplaintRound",
  description: "First-round (lần đầu) or second-round (lần hai) complaint.",
});
registerEnumType(Complexity, { name: "PetitionComplexity" });
registerEnumType(RefusalReason, {
  name: "RefusalReason",
  description: "Coded grounds for refusing acceptance, each from the law.",
});
registerEnumType(NotProcessableReason, { name: "NotProcessableReason" });
registerEnumType(ResolutionOutcome, { name: "ResolutionOutcome" });

export enum PetitionChannel {
  DIRECT = "DIRECT",
  POST = "POST",
  RECEPTION_SESSION = "RECEPTION_SESSION",
  ONLINE = "ONLINE",
  REFERRED = "REFERRED",
}
registerEnumType(PetitionChannel, { name: "PetitionChannel", description: "How the petition arrived." });

export {
  ComplaintRound,
  Complexity,
  NotProcessableReason,
  PetitionKind,
  PetitionStatus,
  RefusalReason,
  ResolutionOutcome,
};
