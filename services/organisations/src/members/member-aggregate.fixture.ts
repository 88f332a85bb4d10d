/** What the memberAggregate tests share: the query with every dimension, and its row. */
import type { AgeBand } from "./age-band.js";
import type { OrganisationKind } from "../organisations/organisation-kind.js";

export const AGGREGATE = `query($unitCode: ID!, $asOf: Date, $groupBy: [MemberDimension!]!, $filter: MemberAggregateFilter,
    $orderBy: [MemberAggregateOrder!], $first: Int) {
  memberAggregate(unitCode: $unitCode, asOf: $asOf, groupBy: $groupBy, filter: $filter, orderBy: $orderBy, first: $first) {
    totalRows
    rows { district { code level } commune { code level } organisationKind gender ageBand joinYear members suppressed }
  }
}`;

export interface Row {
  district: { code: string; level: string } | null;
  commune: { code: string; level: string } | null;
  organisationKind: OrganisationKind | null;
  gender: string | null;
  ageBand: AgeBand | null;
  joinYear: string | null;
  members: number | null;
  suppressed: boolean;
}
export type Args = { unitCode: string; groupBy: string[] } & Record<string, unknown>;
