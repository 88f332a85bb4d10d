import { registerEnumType } from "type-graphql";

export enum PovertyStatus {
  POOR = "POOR",
  NEAR_POOR = "NEAR_POOR",
  NOT_POOR = "NOT_POOR",
}
registerEnumType(PovertyStatus, {
  name: "PovertyStatus",
  description: "Poor (hộ nghèo), near-poor (hộ cận nghèo) or neither.",
});

/** How a household's status moved since the previous year's review. */
export enum PovertyTransition {
  FIRST_REVIEW = "FIRST_REVIEW",
  REMAINED_POOR = "REMAINED_POOR",
  ESCAPED_POVERTY = "ESCAPED_POVERTY",
  FELL_INTO_POVERTY = "FELL_INTO_POVERTY",
  REMAINED_NOT_POOR = "REMAINED_NOT_POOR",
}
registerEnumType(PovertyTransition, {
  name: "PovertyTransition",
  description:
    "Against the previous year's review: escaped poverty (thoát nghèo), fell into poverty (tái nghèo / phát sinh), or unchanged.",
});

export function transitionBetween(previous: PovertyStatus | null, current: PovertyStatus): PovertyTransition {
  if (previous === null) return PovertyTransition.FIRST_REVIEW;
  const wasPoor = previous === PovertyStatus.POOR;
  const isPoor = current === PovertyStatus.POOR;
  if (wasPoor && isPoor) return PovertyTransition.REMAINED_POOR;
  if (wasPoor) return PovertyTransition.ESCAPED_POVERTY;
  if (isPoor) return PovertyTransition.FELL_INTO_POVERTY;
  return PovertyTransition.REMAINED_NOT_POOR;
}
