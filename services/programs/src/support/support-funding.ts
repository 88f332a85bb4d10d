/**
 * Who paid for a support event, as the analysts' aggregates group it: the Fund for the Poor of
 * which level (the paying fund's unit), or not the fund at all (a sponsor, the State's
 * programmes). A plain TypeScript enum; the aggregates register it with GraphQL.
 */
export enum SupportFunding {
  COMMUNE_FUND = "COMMUNE_FUND",
  DISTRICT_FUND = "DISTRICT_FUND",
  PROVINCE_FUND = "PROVINCE_FUND",
  NOT_THE_FUND = "NOT_THE_FUND",
}

/** The funding of an event paid by a fund of a unit at `level` (null: no fund paid). */
export function fundingOfLevel(level: "PROVINCE" | "DISTRICT" | "COMMUNE" | null): SupportFunding {
  if (level === null) return SupportFunding.NOT_THE_FUND;
  return level === "PROVINCE"
    ? SupportFunding.PROVINCE_FUND
    : level === "DISTRICT"
      ? SupportFunding.DISTRICT_FUND
      : SupportFunding.COMMUNE_FUND;
}

/** The recipient's status key of an event whose household had no review yet for the event's year. */
export const UNREVIEWED = "UNREVIEWED";

/**
 * SQL for an event's SupportFunding, from its fund id and that fund's unit code: official GSO
 * codes have 2 digits for the province, 3 for a district, 5 for a commune (the kit's
 * UNIT_CODE_PATTERN), so the code's length is its level.
 */
export function fundingSql(fundIdColumn: string, fundUnitColumn: string): string {
  return `CASE WHEN ${fundIdColumn} IS NULL THEN '${SupportFunding.NOT_THE_FUND}'
    WHEN length(${fundUnitColumn}) = 2 THEN '${SupportFunding.PROVINCE_FUND}'
    WHEN length(${fundUnitColumn}) = 3 THEN '${SupportFunding.DISTRICT_FUND}'
    ELSE '${SupportFunding.COMMUNE_FUND}' END`;
}

/** SQL for the `YYYY-MM` of a date column (a date cast to text is `YYYY-MM-DD` on both databases). */
export function monthOfSql(column: string): string {
  return `substr(CAST(${column} AS TEXT), 1, 7)`;
}

/**
 * The support events `e` with what the month rollup keys them by, the recipient's status being
 * the event's own column (kept by every review). The fund `f` (for its level) is joined unless
 * a reader does not need it (`funding: false`), whose key then reads NOT_THE_FUND for every event.
 */
export function supportEventSource(needs: { funding: boolean } = { funding: true }): {
  from: string;
  key: { month: string; communeCode: string; kind: string; funding: string; recipientStatus: string };
} {
  return {
    from: `support_event e${needs.funding ? " LEFT JOIN fund f ON f.id = e.fund_id" : ""}`,
    key: {
      month: monthOfSql("e.given_on"),
      communeCode: "e.commune_code",
      kind: "e.kind",
      funding: needs.funding ? fundingSql("e.fund_id", "f.unit_code") : `'${SupportFunding.NOT_THE_FUND}'`,
      recipientStatus: `COALESCE(e.recipient_status, '${UNREVIEWED}')`,
    },
  };
}
