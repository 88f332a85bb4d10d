import { createHash } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { parse, type OperationDefinitionNode } from "graphql";
import { repoRoot } from "@danvan/kit";

export const operationsDir = path.join(repoRoot, "test/operations");

/** A named operation checked into test/operations, with its example variables. */
export interface CheckedInOperation {
  name: string;
  type: "query" | "mutation" | "subscription";
  document: string;
  /** SHA-256 of the exact text, as Apollo Server's persisted queries compute it. */
  id: string;
  variables: Record<string, unknown>;
}

/** Every operation in test/operations: one per file, named like the file, with example variables. */
export function checkedInOperations(): CheckedInOperation[] {
  const variables = JSON.parse(fs.readFileSync(path.join(operationsDir, "variables.json"), "utf8")) as Record<
    string,
    Record<string, unknown>
  >;
  return fs
    .readdirSync(operationsDir)
    .filter((f) => f.endsWith(".graphql"))
    .sort()
    .map((f) => {
      const document = fs.readFileSync(path.join(operationsDir, f), "utf8");
      const op = parse(document).definitions.find(
        (d): d is OperationDefinitionNode => d.kind === "OperationDefinition",
      );
      const name = path.basename(f, ".graphql");
      if (op?.name?.value !== name) throw new Error(`test/operations/${f}: its operation must be named ${name}`);
      if (!(name in variables)) throw new Error(`test/operations/${f}: no example variables in variables.json`);
      const id = createHash("sha256").update(document).digest("hex");
      return { name, type: op.operation, document, id, variables: variables[name]! };
    });
}

export function operation(name: string): CheckedInOperation {
  const op = checkedInOperations().find((o) => o.name === name);
  if (!op) throw new Error(`no operation ${name} in test/operations`);
  return op;
}

/**
 * The persisted-operation manifest of those operations, in Apollo's manifest format. A gateway
 * with SAFELIST_MANIFEST runs only these for the public and officers.
 */
export function operationsManifest(): string {
  const operations = checkedInOperations().map(({ id, name, type, document }) => ({ id, name, type, body: document }));
  return JSON.stringify({ format: "apollo-persisted-query-manifest", version: 1, operations }, null, 2) + "\n";
}
