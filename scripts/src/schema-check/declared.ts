import { ChangeType } from "@graphql-inspector/core";
import type { SchemaChange } from "./diff.js";

/** One reviewed breaking (or dangerous) change, declared in schema/breaking-changes.json. */
export interface DeclaredBreak {
  /** Its position in the file, from 1, for messages. */
  index: number;
  /** The schema coordinate the change is at: `Household.headName`, `Query.households.unitCode`, `Level.B`. */
  coordinate: string;
  /** Only changes of this @graphql-inspector type (FIELD_REMOVED, FIELD_TYPE_CHANGED, ...). */
  change?: string;
  /** Only changes whose message contains this text. */
  message?: string;
  /** Only changes coming from this subgraph. */
  subgraph?: string;
  reason: string;
  approvedBy?: string;
  /** Checked-in operations this change is known to break (their owners agreed): reported, not failed. */
  operations: string[];
}

export interface DeclaredBreaks {
  entries: DeclaredBreak[];
  /** Entries refused (no reason, unknown keys, ...) and file errors: each one fails the check. */
  problems: string[];
}

const ENTRY_KEYS = new Set(["coordinate", "change", "message", "subgraph", "reason", "approvedBy", "operations"]);
const CHANGE_TYPES = new Set<string>(Object.values(ChangeType));

/** Reads the declared-breaks file's text (null when there is no file). Every refused entry is a problem. */
export function parseDeclaredBreaks(text: string | null, file: string): DeclaredBreaks {
  if (text === null || text.trim() === "") return { entries: [], problems: [] };
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (err) {
    return { entries: [], problems: [`${file}: not valid JSON (${(err as Error).message})`] };
  }
  const list = (json as { changes?: unknown } | null)?.changes;
  if (typeof json !== "object" || json === null || Array.isArray(json) || !Array.isArray(list)) {
    return { entries: [], problems: [`${file}: expected an object { "changes": [ ... ] }`] };
  }
  const entries: DeclaredBreak[] = [];
  const problems: string[] = [];
  list.forEach((raw: unknown, i) => {
    const entry = readEntry(raw, i + 1);
    if (typeof entry === "string") problems.push(`${file}: ${entry}`);
    else entries.push(entry);
  });
  return { entries, problems };
}

function readEntry(raw: unknown, index: number): DeclaredBreak | string {
  if (typeof raw !== "object" || raw === null || Array.isArray(raw)) return `entry ${index} is not an object`;
  const e = raw as Record<string, unknown>;
  const label = `entry ${index}${typeof e.coordinate === "string" ? ` (${e.coordinate})` : ""}`;
  const unknown = Object.keys(e).filter((k) => !ENTRY_KEYS.has(k));
  if (unknown.length) return `${label}: unknown key(s) ${unknown.join(", ")}; allowed: ${[...ENTRY_KEYS].join(", ")}`;
  if (typeof e.coordinate !== "string" || !e.coordinate.trim()) return `${label}: "coordinate" is required`;
  if (typeof e.reason !== "string" || !e.reason.trim())
    return `${label}: refused, it has no "reason" (say why breaking clients is acceptable and who agreed)`;
  for (const key of ["change", "message", "subgraph", "approvedBy"] as const) {
    if (e[key] !== undefined && typeof e[key] !== "string") return `${label}: "${key}" must be a string`;
  }
  if (typeof e.change === "string" && !CHANGE_TYPES.has(e.change))
    return `${label}: "change" ${e.change} is not a change type (e.g. FIELD_REMOVED, FIELD_TYPE_CHANGED, ENUM_VALUE_REMOVED)`;
  const operations = e.operations ?? [];
  if (!Array.isArray(operations) || operations.some((o) => typeof o !== "string"))
    return `${label}: "operations" must be a list of operation names`;
  return {
    index,
    coordinate: e.coordinate.trim(),
    ...(typeof e.change === "string" ? { change: e.change } : {}),
    ...(typeof e.message === "string" ? { message: e.message } : {}),
    ...(typeof e.subgraph === "string" ? { subgraph: e.subgraph } : {}),
    reason: e.reason.trim(),
    ...(typeof e.approvedBy === "string" ? { approvedBy: e.approvedBy } : {}),
    operations: operations as string[],
  };
}

/** Does this declaration cover this change, which comes from these subgraphs? */
export function declares(entry: DeclaredBreak, change: SchemaChange, subgraphs: string[]): boolean {
  if (change.path !== entry.coordinate) return false;
  if (entry.change && change.type !== entry.change) return false;
  if (entry.message && !change.message.includes(entry.message)) return false;
  return !entry.subgraph || subgraphs.includes(entry.subgraph);
}

/** A declaration to paste into the file for an undeclared change. */
export function declarationTemplate(change: SchemaChange): string {
  return JSON.stringify({ coordinate: change.path, change: change.type, reason: "…", approvedBy: "…" });
}
