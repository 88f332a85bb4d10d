import type { SubgraphNames } from "./names.js";

/** Everything the templates need to write a subgraph. */
export interface ScaffoldSpec {
  names: SubgraphNames;
  /** The owning agency, or null when --owner was not given (the README then says so). */
  owner: string | null;
  port: number;
  /** The first migration's timestamp (TypeORM orders migrations by it). */
  migrationTimestamp: number;
  /** The package's dependencies, with the versions the existing subgraphs use. */
  dependencies: Record<string, string>;
}

/** A file of the new subgraph: its path under services/<name>/ and its text (formatted later). */
export interface GeneratedFile {
  path: string;
  text: string;
}

export const OWNER_PLACEHOLDER = "NOT YET NAMED";
