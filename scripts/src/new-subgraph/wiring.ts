import { ScaffoldError, type SubgraphNames } from "./names.js";

/**
 * The edits that wire a new subgraph into the repository, each a function from a file's text to
 * its new text. Each throws a ScaffoldError naming the file when it cannot find its place, so
 * nothing is half-wired silently.
 */

/** scripts/src/subgraphs.ts: the import and the entry that composition, npm start, seeding and tests read. */
export function addToSubgraphList(text: string, n: SubgraphNames): string {
  const imports = [...text.matchAll(/^import \{ \w+Subgraph \} from "@danvan\/[a-z-]+";\n/gm)];
  const list = text.indexOf("export const SUBGRAPHS");
  const end = list < 0 ? -1 : text.indexOf("\n];", list);
  if (!imports.length || end < 0)
    throw new ScaffoldError("scripts/src/subgraphs.ts: cannot find the subgraph imports and the SUBGRAPHS list");
  const last = imports.at(-1)!;
  const at = last.index + last[0].length;
  const entry = `
  {
    name: ${n.name}Subgraph.name,
    folder: "services/${n.name}",
    defaultPort: ${n.name}Subgraph.defaultPort,
    buildSchema: ${n.name}Subgraph.buildSchema,
  },`;
  return (
    text.slice(0, at) +
    `import { ${n.name}Subgraph } from "@danvan/${n.name}";\n` +
    text.slice(at, end) +
    entry +
    text.slice(end)
  );
}

/** Inserts `item` after the last element starting with `prefix` (else at the end). */
function insertAfterLast<T>(list: T[], item: T, matches: (x: T) => boolean): T[] {
  const i = list.findLastIndex(matches);
  return i < 0 ? [...list, item] : [...list.slice(0, i + 1), item, ...list.slice(i + 1)];
}

/** The root package.json: the workspace. */
export function addWorkspace(text: string, n: SubgraphNames): string {
  const pkg = JSON.parse(text) as { workspaces?: string[] };
  if (!Array.isArray(pkg.workspaces)) throw new ScaffoldError("package.json: no workspaces list");
  pkg.workspaces = insertAfterLast(pkg.workspaces, `services/${n.name}`, (w) => w.startsWith("services/"));
  return JSON.stringify(pkg, null, 2) + "\n";
}

/** A tsconfig.json's project references: `from` is the path from that tsconfig to services/. */
export function addReference(text: string, n: SubgraphNames, from: string, file: string): string {
  const config = JSON.parse(text) as { references?: { path: string }[] };
  if (!Array.isArray(config.references)) throw new ScaffoldError(`${file}: no references list`);
  config.references = insertAfterLast(config.references, { path: `${from}services/${n.name}` }, (r) =>
    r.path.startsWith(`${from}services/`),
  );
  return JSON.stringify(config, null, 2) + "\n";
}

/** scripts/package.json: the scripts import the new package (subgraphs.ts), so they depend on it. */
export function addScriptsDependency(text: string, n: SubgraphNames): string {
  const pkg = JSON.parse(text) as { dependencies?: Record<string, string> };
  const deps = { ...pkg.dependencies, [`@danvan/${n.name}`]: "0.1.0" };
  pkg.dependencies = Object.fromEntries(Object.entries(deps).sort(([a], [b]) => a.localeCompare(b)));
  return JSON.stringify(pkg, null, 2) + "\n";
}

/** .env.example: the gateway's SUBGRAPH_URL_<NAME> and the default port, beside the others'. */
export function addToEnvExample(text: string, n: SubgraphNames, port: number): string {
  const urls = [...text.matchAll(/^# SUBGRAPH_URL_[A-Z0-9_]+=.*\n/gm)];
  if (!urls.length) throw new ScaffoldError(".env.example: cannot find the SUBGRAPH_URL_<NAME> lines");
  const last = urls.at(-1)!;
  const at = last.index + last[0].length;
  const withUrl = `${text.slice(0, at)}# ${n.urlVariable}=http://127.0.0.1:${port}/graphql\n${text.slice(at)}`;
  // "# Port: gateway 4000; subgraphs organisations 4001, programs 4002, petitions 4003."
  return withUrl.replace(/^(# Port: gateway \d+; subgraphs [^\n]*?)\.$/m, `$1, ${n.name} ${port}.`);
}
