import { registerEnumType } from "type-graphql";

/** The field a "Dân vận khéo" model works in. */
export enum MobilisationField {
  ECONOMY = "ECONOMY",
  CULTURE_SOCIETY = "CULTURE_SOCIETY",
  DEFENCE_SECURITY = "DEFENCE_SECURITY",
  POLITICAL_SYSTEM = "POLITICAL_SYSTEM",
}
registerEnumType(MobilisationField, {
  name: "MobilisationField",
  description:
    "Economy (kinh tế), culture and society (văn hóa - xã hội), defence and security (quốc phòng - an ninh), the political system (xây dựng hệ thống chính trị).",
});

/** The emulation track the model is registered under. */
export enum MobilisationTrack {
  GENERAL = "GENERAL",
  NEW_RURAL = "NEW_RURAL",
  CIVILISED_URBAN = "CIVILISED_URBAN",
}
registerEnumType(MobilisationTrack, {
  name: "MobilisationTrack",
  description: "General, new rural areas (nông thôn mới) or civilised urban areas (đô thị văn minh).",
});

/** Who registered the model: a collective (a committee, a village) or one person. */
export enum RegistrantKind {
  COLLECTIVE = "COLLECTIVE",
  INDIVIDUAL = "INDIVIDUAL",
}
registerEnumType(RegistrantKind, {
  name: "RegistrantKind",
  description: "A collective (tập thể) or an individual (cá nhân); an individual's name is personal.",
});

/** The states of a model; the allowed moves are in model-lifecycle.ts. */
export enum ModelStatus {
  REGISTERED = "REGISTERED",
  IMPLEMENTING = "IMPLEMENTING",
  EVALUATED = "EVALUATED",
  RECOGNISED = "RECOGNISED",
  NOT_RECOGNISED = "NOT_RECOGNISED",
  WITHDRAWN = "WITHDRAWN",
}
registerEnumType(ModelStatus, {
  name: "MobilisationModelStatus",
  description: "REGISTERED → IMPLEMENTING → EVALUATED → RECOGNISED or NOT_RECOGNISED; WITHDRAWN before a decision.",
});
