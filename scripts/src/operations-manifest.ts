import { createHash } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { parse, type OperationDefinitionNode } from "graphql";
import { repoRoot } from "@danvan/kit";

export const operationsDir = path.join(repoRoot, "test/operations");

/**
 * The persisted-operation manifest of the operations checked into test/operations, in Apollo's
 * manifest format: each operation's id is the SHA-256 of its exact text, as Apollo Server's
 * automatic persisted queries compute it. A gateway with SAFELIST_MANIFEST runs only these
 * for the public and officers.
 */
export function operationsManifest(): string {
  const operations = fs
    .readdirSync(operationsDir)
    .filter((f) => f.endsWith(".graphql"))
    .sort()
    .map((f) => {
      const body = fs.readFileSync(path.join(operationsDir, f), "utf8");
      const op = parse(body).definitions.find((d): d is OperationDefinitionNode => d.kind === "OperationDefinition");
      if (!op?.name) throw new Error(`test/operations/${f}: needs one named operation`);
      return { id: createHash("sha256").update(body).digest("hex"), name: op.name.value, type: op.operation, body };
    });
  return JSON.stringify({ format: "apollo-persisted-query-manifest", version: 1, operations }, null, 2) + "\n";
}
