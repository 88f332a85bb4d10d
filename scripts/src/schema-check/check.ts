import { parse, type GraphQLSchema } from "graphql";
import { composeSubgraphs, type CompositionOutcome, type SubgraphSdl } from "./compose.js";
import { declares, parseDeclaredBreaks, type DeclaredBreak } from "./declared.js";
import { diffSdl, isAtOrBelow, sdlSchema, type SchemaChange } from "./diff.js";
import {
  checkOperations,
  operationsUsing,
  operationUsage,
  type CheckedOperation,
  type OperationDocument,
} from "./operations.js";

/** The schemas of the last release: what clients and deployed subgraphs rely on now. */
export interface ReleasedSchemas {
  /** The client-facing API schema. */
  api: string;
  /** Each subgraph's SDL, by subgraph name. */
  subgraphs: Map<string, string>;
}

export interface SchemaCheckInput {
  /** Every subgraph's SDL as the code prints it now. */
  subgraphs: SubgraphSdl[];
  released: ReleasedSchemas | null;
  /** The declared-breaks file: its name for messages, its text (null when absent). */
  declared: { file: string; text: string | null };
  /** Front-end documents checked into the repository. */
  operations: OperationDocument[];
  /** Committed files that differ from what the code produces (computed by the caller); undefined: not compared. */
  staleFiles?: string[];
  /** The composition of `subgraphs`, when the caller has already composed them. */
  composition?: CompositionOutcome;
}

/** A change, with the subgraphs it comes from, the operations using what changed and its declaration. */
export interface ReportedChange extends SchemaChange {
  subgraphs: string[];
  usedBy: string[];
  declaredBy?: DeclaredBreak;
}

export interface SubgraphReport {
  name: string;
  status: "added" | "removed" | "changed" | "unchanged";
  /** Changes of this subgraph's SDL that no client-facing change explains (directives, keys, shared fields). */
  changes: ReportedChange[];
}

export interface OperationReport extends CheckedOperation {
  /** Already invalid against the released schema. */
  alreadyBroken: boolean;
  /** Declarations that list this operation as knowingly broken. */
  acknowledgedBy: DeclaredBreak[];
}

export interface SchemaCheckResult {
  ok: boolean;
  /** One line per reason the check fails. */
  failures: string[];
  subgraphNames: string[];
  composition: CompositionOutcome;
  staleFiles: string[];
  /** False when the caller did not compare the committed files (e.g. a trial SDL was given). */
  staleChecked: boolean;
  hasReleased: boolean;
  declaredFile: string;
  /** Changes of the client-facing API schema since the release. */
  apiChanges: ReportedChange[];
  subgraphs: SubgraphReport[];
  declarationProblems: string[];
  declarationWarnings: string[];
  /** Declarations that match no change: remove them. */
  staleDeclarations: DeclaredBreak[];
  operations: OperationReport[];
}

const RISKY = new Set(["breaking", "dangerous"]);

/** The failure when nothing was ever released (a first release is allowed despite it). */
export const NO_RELEASE = "no released schema to compare with";

/** Composes, diffs against the release, matches declarations and validates operations: the whole check. */
export async function checkSchemas(input: SchemaCheckInput): Promise<SchemaCheckResult> {
  const subgraphNames = input.subgraphs.map((s) => s.name);
  const composition = input.composition ?? composeSubgraphs(input.subgraphs);
  const declared = parseDeclaredBreaks(input.declared.text, input.declared.file);
  const result: SchemaCheckResult = {
    ok: false,
    failures: [],
    subgraphNames,
    composition,
    staleFiles: input.staleFiles ?? [],
    staleChecked: input.staleFiles !== undefined,
    hasReleased: input.released !== null,
    declaredFile: input.declared.file,
    apiChanges: [],
    subgraphs: [],
    declarationProblems: declared.problems,
    declarationWarnings: [],
    staleDeclarations: [],
    operations: [],
  };
  if (composition.ok) {
    const released = input.released;
    const oldApi = released ? sdlSchema(released.api) : null;
    if (released && oldApi)
      await diffAgainstRelease(result, input, released, composition.apiSdl, oldApi, declared.entries);
    result.operations = checkAllOperations(composition.apiSchema, oldApi, input.operations, declared.entries, result);
  }
  result.failures = failures(result);
  result.ok = result.failures.length === 0;
  return result;
}

async function diffAgainstRelease(
  result: SchemaCheckResult,
  input: SchemaCheckInput,
  released: ReleasedSchemas,
  apiSdl: string,
  oldApi: GraphQLSchema,
  entries: DeclaredBreak[],
): Promise<void> {
  const current = new Map(input.subgraphs.map((s) => [s.name, s.sdl]));
  const names = [...new Set([...released.subgraphs.keys(), ...current.keys()])];
  const subgraphDiffs = new Map<string, SchemaChange[]>();
  for (const name of names) {
    subgraphDiffs.set(name, await diffSdl(released.subgraphs.get(name) ?? null, current.get(name) ?? null));
  }
  const definedIn = typeOwners([...released.subgraphs, ...current]);
  const usage = operationUsage(oldApi, input.operations);
  const matches = new Map<DeclaredBreak, number>(entries.map((e) => [e, 0]));
  const declare = (change: SchemaChange, subgraphs: string[]): DeclaredBreak | undefined => {
    if (!RISKY.has(change.level)) return undefined;
    const entry = entries.find((e) => declares(e, change, subgraphs));
    if (entry) matches.set(entry, matches.get(entry)! + 1);
    return entry;
  };

  result.apiChanges = (await diffSdl(released.api, apiSdl)).map((change) => {
    const subgraphs = attribute(change, subgraphDiffs, definedIn);
    const usedBy = RISKY.has(change.level) ? operationsUsing(oldApi, usage, change.path) : [];
    const declaredBy = declare(change, subgraphs);
    return { ...change, subgraphs, usedBy, ...(declaredBy ? { declaredBy } : {}) };
  });

  result.subgraphs = names.map((name) => {
    const explained = (c: SchemaChange) =>
      result.apiChanges.some(
        (a) => a.subgraphs.includes(name) && (isAtOrBelow(c.path, a.path) || isAtOrBelow(a.path, c.path)),
      );
    const changes = subgraphDiffs
      .get(name)!
      .filter((c) => !explained(c))
      .map((c) => {
        const declaredBy = declare(c, [name]);
        return { ...c, subgraphs: [name], usedBy: [], ...(declaredBy ? { declaredBy } : {}) };
      });
    const status = !released.subgraphs.has(name)
      ? "added"
      : !current.has(name)
        ? "removed"
        : subgraphDiffs.get(name)!.length
          ? "changed"
          : "unchanged";
    return { name, status, changes };
  });
  result.staleDeclarations = entries.filter((e) => matches.get(e) === 0);
}

/**
 * The subgraphs a client-facing change comes from: those whose own SDL changed at the same element (or
 * inside it); else those whose change encloses it (a type they dropped); else those defining the type.
 */
function attribute(
  change: SchemaChange,
  subgraphDiffs: Map<string, SchemaChange[]>,
  definedIn: Map<string, Set<string>>,
): string[] {
  const tiers: ((c: SchemaChange) => boolean)[] = [
    (c) => isAtOrBelow(c.path, change.path),
    (c) => /^TYPE_/.test(c.type) && isAtOrBelow(change.path, c.path),
  ];
  for (const tier of tiers) {
    const found = [...subgraphDiffs].filter(([, changes]) => changes.some(tier)).map(([name]) => name);
    if (found.length) return found.sort();
  }
  return [...(definedIn.get(change.path.split(".")[0]!) ?? [])].sort();
}

function typeOwners(sdls: [string, string][]): Map<string, Set<string>> {
  const owners = new Map<string, Set<string>>();
  for (const [name, sdl] of sdls) {
    for (const d of parse(sdl).definitions) {
      if (!("name" in d) || !d.name) continue;
      if (!owners.has(d.name.value)) owners.set(d.name.value, new Set());
      owners.get(d.name.value)!.add(name);
    }
  }
  return owners;
}

function checkAllOperations(
  newApi: GraphQLSchema,
  oldApi: GraphQLSchema | null,
  docs: OperationDocument[],
  entries: DeclaredBreak[],
  result: SchemaCheckResult,
): OperationReport[] {
  const active = entries.filter((e) => !result.staleDeclarations.includes(e));
  const reports = checkOperations(newApi, docs).map((op) => {
    const alreadyBroken =
      op.errors.length > 0 &&
      oldApi !== null &&
      checkOperations(oldApi, [{ name: op.names[0]!, source: op.sources[0]!, document: op.document }])[0]!.errors
        .length > 0;
    const acknowledgedBy = op.errors.length ? active.filter((e) => e.operations.some((n) => op.names.includes(n))) : [];
    return { ...op, alreadyBroken, acknowledgedBy };
  });
  for (const e of active) {
    for (const name of e.operations) {
      const op = reports.find((r) => r.names.includes(name));
      if (!op) result.declarationWarnings.push(`entry ${e.index} (${e.coordinate}) lists ${name}: no such operation`);
      else if (!op.errors.length)
        result.declarationWarnings.push(`entry ${e.index} (${e.coordinate}) lists ${name}, which still validates`);
    }
  }
  return reports;
}

function failures(r: SchemaCheckResult): string[] {
  const out: string[] = [];
  const count = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;
  if (!r.composition.ok) out.push(`composition failed (${count(r.composition.problems.length, "error")})`);
  if (r.staleFiles.length) out.push(`${count(r.staleFiles.length, "committed schema file")} out of date`);
  if (r.composition.ok && !r.hasReleased) out.push(NO_RELEASE);
  if (r.declarationProblems.length)
    out.push(`${count(r.declarationProblems.length, "declaration")} refused in ${r.declaredFile}`);
  const undeclared = r.apiChanges.filter((c) => c.level === "breaking" && !c.declaredBy);
  if (undeclared.length) out.push(`${count(undeclared.length, "undeclared breaking change")} for clients`);
  if (r.staleDeclarations.length)
    out.push(`${count(r.staleDeclarations.length, "declaration")} in ${r.declaredFile} match no change`);
  const broken = r.operations.filter((o) => o.errors.length && !o.acknowledgedBy.length);
  if (broken.length)
    out.push(`${count(broken.length, "checked-in operation")} broken: ${broken.map(opName).join(", ")}`);
  return out;
}

export function opName(op: CheckedOperation): string {
  return op.names.join(", ");
}
