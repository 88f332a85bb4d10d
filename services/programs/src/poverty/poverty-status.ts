/**
 * The words of the annual poverty review (docs/product.md, "Poverty standards"). Plain TypeScript
 * enums and a rule: poverty-graphql-enums.ts registers the enums with GraphQL.
 */

export enum PovertyStatus {
  POOR = "POOR",
  NEAR_POOR = "NEAR_POOR",
  NOT_POOR = "NOT_POOR",
}

/** How a household's status moved since the previous year's review. */
export enum PovertyTransition {
  FIRST_REVIEW = "FIRST_REVIEW",
  REMAINED_POOR = "REMAINED_POOR",
  ESCAPED_POVERTY = "ESCAPED_POVERTY",
  FELL_INTO_POVERTY = "FELL_INTO_POVERTY",
  REMAINED_NOT_POOR = "REMAINED_NOT_POOR",
}

export function transitionBetween(previous: PovertyStatus | null, current: PovertyStatus): PovertyTransition {
  if (previous === null) return PovertyTransition.FIRST_REVIEW;
  const wasPoor = previous === PovertyStatus.POOR;
  const isPoor = current === PovertyStatus.POOR;
  if (wasPoor && isPoor) return PovertyTransition.REMAINED_POOR;
  if (wasPoor) return PovertyTransition.ESCAPED_POVERTY;
  if (isPoor) return PovertyTransition.FELL_INTO_POVERTY;
  return PovertyTransition.REMAINED_NOT_POOR;
}
