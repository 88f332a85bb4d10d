import fs from "node:fs";
import path from "node:path";
import { repoRoot } from "@danvan/kit";

/** A named operation checked into test/operations, with its example variables. */
export interface CheckedInOperation {
  name: string;
  document: string;
  variables: Record<string, unknown>;
}

export const operationsDir = path.join(repoRoot, "test/operations");

/** Every operation in test/operations; each file holds one operation named like the file. */
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
      const name = path.basename(f, ".graphql");
      const document = fs.readFileSync(path.join(operationsDir, f), "utf8");
      if (!new RegExp(`\\b(query|mutation)\\s+${name}\\b`).test(document))
        throw new Error(`${f}: its operation must be named ${name}`);
      if (!(name in variables)) throw new Error(`${f}: no example variables in variables.json`);
      return { name, document, variables: variables[name]! };
    });
}

export function operation(name: string): CheckedInOperation {
  const op = checkedInOperations().find((o) => o.name === name);
  if (!op) throw new Error(`no operation ${name} in test/operations`);
  return op;
}
