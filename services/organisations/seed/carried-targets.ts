import type { Member } from "../src/members/member.entity.js";
import type { Organisation } from "../src/organisations/organisation.entity.js";

/**
 * For tests: the 2025 committee a member's row counts in from 2025-07-01: its own (a 2025
 * committee's member), the part it was carried to (a split commune's), else the end of its
 * committee's whole successions (undefined for a grassroots union's member, who stays there).
 */
export function carriedTargets(d: {
  organisations: readonly Organisation[];
  successions: readonly { fromId: string; toId: string; share: string }[];
  carries: readonly { memberId: number; toId: string }[];
}): (m: Member, id: number) => string | undefined {
  const byId = new Map(d.organisations.map((o) => [o.id, o]));
  const next = new Map(d.successions.filter((s) => s.share === "whole").map((s) => [s.fromId, s.toId]));
  const carried = new Map(d.carries.map((c) => [c.memberId, c.toId]));
  return (m, id) => {
    const own = byId.get(m.organisationId)!;
    if (own.validFrom !== null) return own.id;
    if (own.workplaceSector !== null) return undefined;
    const to = carried.get(id);
    if (to) return to;
    let at = own.id;
    while (byId.get(at)!.validFrom === null && next.has(at)) at = next.get(at)!;
    return byId.get(at)!.validFrom === null ? undefined : at;
  };
}
