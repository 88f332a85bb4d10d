import type { DataSource } from "typeorm";
import {
  BadUserInputError,
  kitMessage,
  placeholders,
  rate,
  todayInProvince,
  type FigureUnit,
  type RequestMemo,
  epochSql,
  epochsOf,
  windowsOf,
} from "@danvan/kit";
import { figureCoverage, unitRef } from "@danvan/kit/federation";
import { PetitionKind, PetitionStatus } from "../petitions/petition-graphql-enums.js";
import type { PetitionKindFigures, PetitionStatistics } from "./petition-statistics.type.js";

interface Counts {
  received: number;
  resolved: number;
  resolvedOnTime: number;
  overdue: number;
  acceptedLate: number;
  forwarded: number;
  forwardAnswered: number;
  forwardOverdue: number;
  grassroots: number;
  hotspots: number;
}
export interface PetitionFigures {
  /** `commune|epoch` → kind → counts */
  counts: Map<string, Map<PetitionKind, Counts>>;
  /** `commune|epoch` → days to resolve → how many */
  durations: Map<string, Map<number, number>>;
}

const OPEN = [PetitionStatus.RECEIVED, PetitionStatus.ACCEPTED, PetitionStatus.UNDER_VERIFICATION]
  .map((s) => `'${s}'`)
  .join(", ");

/** The period a request asks figures for, and the day that decides what is overdue. */
export interface FiguresPeriod {
  from: string;
  to: string;
  today: string;
}

/**
 * A period's figures for every commune in two aggregate statements: counts by commune, map epoch
 * (kit unit-windows.ts: a code and an epoch name one unit version) and kind, and a histogram of days
 * to resolve (for the median). Overdue means open and past the deadline
 * today, or resolved after it. On time means resolved by the deadline (or with none to meet).
 * Accepted late: accepted after the acceptance deadline of the law in force on receipt.
 */
export async function petitionFigures(
  ds: DataSource,
  from: string,
  to: string,
  today: string,
): Promise<PetitionFigures> {
  const days =
    ds.options.type === "postgres"
      ? "(closed_on - received_on)"
      : "CAST(julianday(closed_on) - julianday(received_on) AS INTEGER)";
  const resolved = `'${PetitionStatus.RESOLVED}'`;
  const epoch = epochSql("received_on");
  const [rows, histogram] = await Promise.all([
    ds.query(
      placeholders(
        ds,
        `SELECT commune_code, ${epoch} AS epoch, kind, COUNT(*) AS received,
           SUM(CASE WHEN status = ${resolved} THEN 1 ELSE 0 END) AS resolved,
           SUM(CASE WHEN status = ${resolved} AND (due_on IS NULL OR closed_on <= due_on) THEN 1 ELSE 0 END) AS on_time,
           SUM(CASE WHEN (status IN (${OPEN}) AND due_on < ?) OR (status = ${resolved} AND closed_on > due_on) THEN 1 ELSE 0 END) AS overdue,
           SUM(CASE WHEN accepted_on > acceptance_due_on THEN 1 ELSE 0 END) AS accepted_late,
           SUM(CASE WHEN forwarded_on IS NOT NULL THEN 1 ELSE 0 END) AS forwarded,
           SUM(CASE WHEN forward_answered_on IS NOT NULL THEN 1 ELSE 0 END) AS forward_answered,
           SUM(CASE WHEN (forward_answered_on IS NULL AND forward_follow_up_due_on < ?) OR forward_answered_on > forward_follow_up_due_on THEN 1 ELSE 0 END) AS forward_overdue,
           SUM(CASE WHEN resolved_at_grassroots THEN 1 ELSE 0 END) AS grassroots,
           SUM(CASE WHEN hotspot THEN 1 ELSE 0 END) AS hotspots
         FROM petition WHERE received_on >= ? AND received_on <= ? GROUP BY commune_code, ${epoch}, kind`,
      ),
      [today, today, from, to],
    ) as Promise<Record<string, string | number>[]>,
    ds.query(
      placeholders(
        ds,
        `SELECT commune_code, ${epoch} AS epoch, ${days} AS d, COUNT(*) AS n FROM petition
         WHERE status = ${resolved} AND received_on >= ? AND received_on <= ? GROUP BY commune_code, ${epoch}, ${days}`,
      ),
      [from, to],
    ) as Promise<Record<string, string | number>[]>,
  ]);
  const f: PetitionFigures = { counts: new Map(), durations: new Map() };
  const key = (r: Record<string, string | number>) => `${String(r.commune_code)}|${String(r.epoch)}`;
  for (const r of rows) {
    const byKind = f.counts.get(key(r)) ?? new Map<PetitionKind, Counts>();
    byKind.set(r.kind as PetitionKind, {
      received: Number(r.received),
      resolved: Number(r.resolved),
      resolvedOnTime: Number(r.on_time),
      overdue: Number(r.overdue),
      acceptedLate: Number(r.accepted_late),
      forwarded: Number(r.forwarded),
      forwardAnswered: Number(r.forward_answered),
      forwardOverdue: Number(r.forward_overdue),
      grassroots: Number(r.grassroots),
      hotspots: Number(r.hotspots),
    });
    f.counts.set(key(r), byKind);
  }
  for (const r of histogram) {
    const h = f.durations.get(key(r)) ?? new Map<number, number>();
    h.set(Number(r.d), (h.get(Number(r.d)) ?? 0) + Number(r.n));
    f.durations.set(key(r), h);
  }
  return f;
}

function median(histogram: Map<number, number>): number | null {
  const total = [...histogram.values()].reduce((a, b) => a + b, 0);
  if (total === 0) return null;
  const sorted = [...histogram.entries()].sort((a, b) => a[0] - b[0]);
  const at = (k: number) => {
    let seen = 0;
    for (const [d, n] of sorted) if ((seen += n) > k) return d;
    return sorted.at(-1)![0];
  };
  return total % 2 ? at((total - 1) / 2) : (at(total / 2 - 1) + at(total / 2)) / 2;
}

/**
 * Sums the period's figures over a unit's territory through time: each commune version of it
 * (kit unit-windows.ts), over the epochs it was in force. A 2025 commune's figures are its
 * predecessors' (chains included) and its own; a commune of 2010 counts its code until it ended.
 */
export function statisticsFor(unit: FigureUnit, from: string, to: string, f: PetitionFigures): PetitionStatistics {
  const byKind = new Map<PetitionKind, PetitionKindFigures>(
    Object.values(PetitionKind).map((kind) => [
      kind,
      {
        kind,
        received: 0,
        resolved: 0,
        resolvedOnTime: 0,
        overdue: 0,
        acceptedLate: 0,
        forwarded: 0,
        forwardAnswered: 0,
        forwardOverdue: 0,
      },
    ]),
  );
  let grassroots = 0;
  let hotspots = 0;
  const histogram = new Map<number, number>();
  const cells = windowsOf(unit).flatMap((w) => epochsOf(w).map((e) => `${w.code}|${e}`));
  for (const cell of cells) {
    for (const [kind, c] of f.counts.get(cell) ?? []) {
      const k = byKind.get(kind)!;
      k.received += c.received;
      k.resolved += c.resolved;
      k.resolvedOnTime += c.resolvedOnTime;
      k.overdue += c.overdue;
      k.acceptedLate += c.acceptedLate;
      k.forwarded += c.forwarded;
      k.forwardAnswered += c.forwardAnswered;
      k.forwardOverdue += c.forwardOverdue;
      grassroots += c.grassroots;
      hotspots += c.hotspots;
    }
    for (const [d, n] of f.durations.get(cell) ?? []) histogram.set(d, (histogram.get(d) ?? 0) + n);
  }
  const kinds = [...byKind.values()];
  const sum = (k: keyof Omit<PetitionKindFigures, "kind">) => kinds.reduce((a, x) => a + x[k], 0);
  const resolved = sum("resolved");
  return {
    unit: unitRef(unit.code, unit.validFrom),
    from,
    to,
    received: sum("received"),
    resolved,
    resolvedOnTime: sum("resolvedOnTime"),
    onTimeRate: rate(sum("resolvedOnTime"), resolved),
    overdue: sum("overdue"),
    acceptedLate: sum("acceptedLate"),
    forwarded: sum("forwarded"),
    forwardAnswered: sum("forwardAnswered"),
    forwardOverdue: sum("forwardOverdue"),
    resolvedAtGrassroots: grassroots,
    hotspots,
    medianDaysToResolve: median(histogram),
    byKind: kinds,
    coverage: figureCoverage(unit, (u) => unitRef(u.code, u.validFrom)),
  };
}

/**
 * A unit's petition figures for a period: public aggregates, no petition record; `from` after
 * `to` is refused. `figures` is the request's memo, shared by every unit the request asks for.
 * `unit` is one version: `figureUnit(unitCode)` for an argument (the unit the code names now),
 * `figureUnit(ref.code, ref.validFrom)` for a unit reached through the graph.
 */
export async function petitionStatisticsOf(
  figures: RequestMemo<FiguresPeriod, PetitionFigures>,
  unit: FigureUnit,
  from: string,
  to: string,
): Promise<PetitionStatistics> {
  if (from > to) throw BadUserInputError.field("from", kitMessage("notAfter", { other: "to" }));
  return statisticsFor(unit, from, to, await figures.get({ from, to, today: todayInProvince() }));
}
