import { registerEnumType } from "type-graphql";
import { MobilisationField, MobilisationTrack, ModelStatus, RegistrantKind } from "./model-enums.js";

/** The models' enums, exposed to GraphQL here so the rules stay free of GraphQL. */
registerEnumType(MobilisationField, {
  name: "MobilisationField",
  description:
    "Economy (kinh tế), culture and society (văn hóa - xã hội), defence and security (quốc phòng - an ninh), the political system (xây dựng hệ thống chính trị).",
});
registerEnumType(MobilisationTrack, {
  name: "MobilisationTrack",
  description: "General, new rural areas (nông thôn mới) or civilised urban areas (đô thị văn minh).",
});
registerEnumType(RegistrantKind, {
  name: "RegistrantKind",
  description: "A collective (tập thể) or an individual (cá nhân); an individual's name is personal.",
});
registerEnumType(ModelStatus, {
  name: "MobilisationModelStatus",
  description: "REGISTERED → IMPLEMENTING → EVALUATED → RECOGNISED or NOT_RECOGNISED; WITHDRAWN before a decision.",
});

export { MobilisationField, MobilisationTrack, ModelStatus, RegistrantKind };
