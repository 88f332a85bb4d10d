import { SupportKind } from "./support-kind.js";

/**
 * What the province's Fund for the Poor reports count as household-visits ("lượt hộ nghèo được hỗ
 * trợ": its "over 3.4 million" of 2010–2019, `FundSummary.supportVisits`): the Fund's own kinds of
 * help — visits and gifts ("thăm hỏi, tặng quà"), emergencies, study, medical and production
 * support — given to a household on the poor or near-poor list at its review of the event's year.
 * Loans and technology transfer are the organisations' projects, reported apart; support to any
 * other household is support all the same and counts in `FundSummary.supportEvents`. Why poor
 * and near-poor, and the sources: services/kit/data/README.md, "Support counted as published".
 */
export const PUBLISHED_VISIT_KINDS: readonly SupportKind[] = [
  SupportKind.TET_GIFT,
  SupportKind.EMERGENCY,
  SupportKind.STUDY,
  SupportKind.MEDICAL,
  SupportKind.PRODUCTION,
];

/**
 * The recipients' statuses that count: PovertyStatus values (poverty/poverty-status.ts), spelt out
 * here because poverty depends on support (a review moves the support rollups), not the reverse.
 */
export const LISTED_STATUSES: readonly string[] = ["POOR", "NEAR_POOR"];

/** Whether a household with this status at its review of the event's year is on the list (null: no review yet). */
export function isListed(recipientStatus: string | null): boolean {
  return recipientStatus !== null && LISTED_STATUSES.includes(recipientStatus);
}

/** Whether one support event counts as a published household-visit. */
export function countsAsVisit(kind: string, recipientStatus: string | null): boolean {
  return isListed(recipientStatus) && (PUBLISHED_VISIT_KINDS as readonly string[]).includes(kind);
}

/** SQL IN lists of the published kinds and the listed statuses (constants, never a client's value). */
export const VISIT_KINDS_SQL = PUBLISHED_VISIT_KINDS.map((k) => `'${k}'`).join(", ");
export const LISTED_STATUSES_SQL = LISTED_STATUSES.map((s) => `'${s}'`).join(", ");
