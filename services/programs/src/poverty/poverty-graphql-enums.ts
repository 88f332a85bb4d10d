import { registerEnumType } from "type-graphql";
import { PovertyStatus, PovertyTransition } from "./poverty-status.js";

/** The review's enums, exposed to GraphQL here so the classification rules stay free of GraphQL. */
registerEnumType(PovertyStatus, {
  name: "PovertyStatus",
  description: "Poor (hộ nghèo), near-poor (hộ cận nghèo) or neither.",
});
registerEnumType(PovertyTransition, {
  name: "PovertyTransition",
  description:
    "Against the previous year's review: escaped poverty (thoát nghèo), fell into poverty (tái nghèo / phát sinh), or unchanged.",
});

export { PovertyStatus, PovertyTransition };
