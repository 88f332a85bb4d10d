import type { CompositionProblem } from "./compose.js";
import { declarationTemplate } from "./declared.js";
import { opName, type ReportedChange, type SchemaCheckResult } from "./check.js";

export interface ReportOptions {
  /** Where the released API schema is kept, for the heading. */
  releasedApiFile?: string;
  /** At most this many safe changes are listed (default 40). */
  maxSafe?: number;
}

const MARK = { breaking: "✗ BREAKING ", dangerous: "! DANGEROUS", safe: "+ safe     " } as const;

/** The check's result as a person reads it: what failed, why, and what to do. */
export function formatReport(r: SchemaCheckResult, options: ReportOptions = {}): string {
  const out: string[] = [`Schema check: ${r.subgraphNames.length} subgraphs (${r.subgraphNames.join(", ")})`, ""];
  if (!r.composition.ok) {
    out.push(...formatCompositionProblems(r.composition.problems), "");
  } else {
    const hints = r.composition.hints;
    out.push(`Composition: ok${hints.length ? `, ${hints.length} hint(s)` : ""}`);
    for (const h of hints) out.push(`  ! ${h.code}: ${h.message}`);
  }
  if (r.staleChecked) {
    out.push(
      r.staleFiles.length
        ? `Committed files: out of date, run \`npm run schema\` and commit: ${r.staleFiles.join(", ")}`
        : "Committed files: up to date",
    );
  } else out.push("Committed files: not compared");

  out.push("");
  if (r.composition.ok) out.push(...formatChanges(r, options), ...formatDeclarations(r), ...formatOperations(r), "");
  else out.push(...formatDeclarations(r));
  if (r.ok) {
    const n = (level: string) => r.apiChanges.filter((c) => c.level === level).length;
    const breaking = n("breaking") ? `${n("breaking")} breaking (all declared)` : "0 breaking";
    out.push(`Result: PASSED (${breaking}, ${n("dangerous")} dangerous, ${n("safe")} safe client-facing changes)`);
  } else {
    out.push("Result: FAILED", ...r.failures.map((f) => `  - ${f}`));
  }
  return out.join("\n");
}

export function formatCompositionProblems(problems: CompositionProblem[]): string[] {
  const out = [`Composition: FAILED with ${problems.length} error(s)`];
  for (const p of problems) {
    const where = p.subgraphs.length
      ? ` in subgraph${p.subgraphs.length > 1 ? "s" : ""} ${p.subgraphs.join(", ")}`
      : "";
    const what = p.coordinates.length ? ` — ${p.coordinates.join(", ")}` : "";
    out.push(`  ✗ ${p.code}${where}${what}`, `      ${p.message}`);
    if (p.locations.length) {
      const at = p.locations.map(
        (l) => `${l.file ?? l.subgraph}:${l.line}:${l.column}${l.coordinate ? ` (${l.coordinate})` : ""}`,
      );
      out.push(`      at ${at.join(", ")}`);
    }
  }
  return out;
}

function formatChanges(r: SchemaCheckResult, options: ReportOptions): string[] {
  if (!r.hasReleased) return ["Client-facing changes: no released schema; run `npm run schema -- --release`", ""];
  const count = (level: string) => r.apiChanges.filter((c) => c.level === level).length;
  const file = options.releasedApiFile ? ` (${options.releasedApiFile})` : "";
  const out = [
    `Client-facing changes since the release${file}: ${count("breaking")} breaking, ${count("dangerous")} dangerous, ${count("safe")} safe`,
  ];
  const order = { breaking: 0, dangerous: 1, safe: 2 };
  const sorted = [...r.apiChanges].sort((a, b) => order[a.level] - order[b.level]);
  const maxSafe = options.maxSafe ?? 40;
  let safeShown = 0;
  for (const c of sorted) {
    if (c.level === "safe" && safeShown++ >= maxSafe) continue;
    out.push(...formatChange(c, r.declaredFile, true));
  }
  if (safeShown > maxSafe) out.push(`  … and ${safeShown - maxSafe} more safe changes`);
  if (!r.apiChanges.length) out.push("  (none)");

  const touched = r.subgraphs.filter((s) => s.status !== "unchanged");
  const only = touched.filter((s) => s.changes.length || s.status !== "changed");
  if (only.length) {
    out.push("", "Subgraph-level changes not visible to clients (they matter for the order of deployment):");
    for (const s of only) {
      out.push(`  ${s.name} (${s.status})${s.changes.length ? "" : ": no other change"}`);
      for (const c of s.changes) out.push(...formatChange(c, r.declaredFile, false).map((l) => `  ${l}`));
    }
  }
  out.push("");
  return out;
}

function formatChange(c: ReportedChange, declaredFile: string, clientFacing: boolean): string[] {
  const from = c.subgraphs.length ? `  [${c.subgraphs.join(", ")}]` : "";
  const mark = c.declaredBy ? MARK[c.level].replace(/^./, "✓") : MARK[c.level];
  const head = `  ${mark}  ${c.path || "(schema)"}  ${c.type}${from}`;
  if (c.level === "safe") return [`${head}: ${c.message}`];
  const out = [head, `      ${c.message}`];
  // The inspector's explanations run long; their first two sentences say it.
  if (c.reason)
    out.push(
      `      why it matters: ${c.reason
        .split(/(?<=\.)\s+/)
        .slice(0, 2)
        .join(" ")}`,
    );
  if (clientFacing)
    out.push(
      c.usedBy.length
        ? `      used by checked-in operations: ${c.usedBy.join(", ")}`
        : "      used by no checked-in operation",
    );
  if (c.declaredBy) {
    const d = c.declaredBy;
    out.push(`      declared (entry ${d.index}): ${d.reason}${d.approvedBy ? ` — approved by ${d.approvedBy}` : ""}`);
  } else if (c.level === "breaking" && clientFacing) {
    out.push(
      `      not declared: keep the old element (deprecate it first), or add to ${declaredFile} "changes":`,
      `        ${declarationTemplate(c)}`,
    );
  }
  return out;
}

function formatDeclarations(r: SchemaCheckResult): string[] {
  const problems = [
    ...r.declarationProblems.map((p) => `  ✗ refused: ${p}`),
    ...r.staleDeclarations.map(
      (d) =>
        `  ✗ stale: entry ${d.index} (${d.coordinate}${d.change ? ` ${d.change}` : ""}) matches no change since the release; remove it`,
    ),
    ...r.declarationWarnings.map((w) => `  ! ${w}`),
  ];
  return problems.length ? [`Declared breaking changes (${r.declaredFile}):`, ...problems, ""] : [];
}

function formatOperations(r: SchemaCheckResult): string[] {
  const sources = [...new Set(r.operations.flatMap((o) => o.sources.map(folderOf)))];
  const out = [
    `Operations: ${r.operations.length} checked-in document(s) validated against the new API schema${sources.length ? ` (${sources.join(", ")})` : ""}`,
  ];
  for (const o of r.operations) {
    if (o.errors.length) {
      const status = o.acknowledgedBy.length
        ? `broken, acknowledged by entry ${o.acknowledgedBy.map((d) => d.index).join(", ")}`
        : o.alreadyBroken
          ? "BROKEN (already invalid against the released schema)"
          : "BROKEN by this change";
      out.push(`  ${o.acknowledgedBy.length ? "!" : "✗"} ${opName(o)} ${status} — ${o.sources.join(", ")}`);
      for (const e of o.errors) out.push(`      ${e.operation}: ${e.message}${e.line ? ` (line ${e.line})` : ""}`);
    }
    for (const e of o.deprecated) out.push(`  ! ${e.operation} uses a deprecated element: ${e.message}`);
  }
  if (!r.operations.some((o) => o.errors.length)) out.push("  all valid");
  return out;
}

function folderOf(source: string): string {
  return source.endsWith(".graphql") ? source.slice(0, source.lastIndexOf("/") + 1) : source;
}
