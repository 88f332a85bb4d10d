import { spawn } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { parse, Kind, type DocumentNode } from "graphql";
import * as prettier from "prettier";
import { graphqlNames, ScaffoldError, type SubgraphNames } from "./names.js";

/** Formats a file's text as `npm run lint` (prettier) wants it, by its path. */
export async function formatted(file: string, text: string): Promise<string> {
  const options = (await prettier.resolveConfig(file)) ?? {};
  return prettier.format(text, { ...options, filepath: file });
}

/** Names the new subgraph would add that the composed graph already has: composition would merge or refuse them. */
export function clashesWith(supergraphSdl: string, n: SubgraphNames): string[] {
  const doc: DocumentNode = parse(supergraphSdl);
  const types = new Map<string, Set<string>>();
  for (const def of doc.definitions) {
    if (!("name" in def) || !def.name) continue;
    const fields =
      def.kind === Kind.OBJECT_TYPE_DEFINITION || def.kind === Kind.INPUT_OBJECT_TYPE_DEFINITION
        ? (def.fields ?? []).map((f) => f.name.value)
        : [];
    types.set(def.name.value, new Set(fields));
  }
  const wanted = graphqlNames(n);
  const clashes = wanted.types.filter((t) => types.has(t)).map((t) => `type ${t}`);
  for (const [type, fields] of [
    ["Query", wanted.query],
    ["Mutation", wanted.mutation],
    ["AdministrativeUnit", wanted.administrativeUnit],
  ] as const) {
    for (const f of fields) if (types.get(type)?.has(f)) clashes.push(`${type}.${f}`);
  }
  return clashes;
}

export interface StepResult {
  ok: boolean;
  output: string;
  seconds: number;
}

/** Runs a command in the repository, its output collected (shown when it fails). */
export function runStep(root: string, command: string, args: string[]): Promise<StepResult> {
  const started = Date.now();
  return new Promise((resolve) => {
    const child = spawn(command, args, { cwd: root, env: process.env, stdio: ["ignore", "pipe", "pipe"] });
    let output = "";
    child.stdout.on("data", (d: Buffer) => (output += d.toString()));
    child.stderr.on("data", (d: Buffer) => (output += d.toString()));
    const done = (ok: boolean, extra = "") =>
      resolve({ ok, output: (output + extra).trim(), seconds: (Date.now() - started) / 1000 });
    child.once("error", (err) => done(false, `\n${String(err)}`));
    child.once("exit", (code) => done(code === 0));
  });
}

/** npm, as the person ran it (`npm run` sets npm_execpath), else the one on PATH. */
export function npmCommand(): { command: string; prefix: string[] } {
  const cli = process.env.npm_execpath;
  return cli && /\.c?js$/.test(cli) ? { command: process.execPath, prefix: [cli] } : { command: "npm", prefix: [] };
}

/**
 * node_modules/@danvan/<name> → ../../services/<name>, the link npm makes for a workspace, so that
 * the build and the scripts resolve the new package before anyone runs `npm install`.
 */
export function linkWorkspace(root: string, name: string): void {
  const scope = path.join(root, "node_modules", "@danvan");
  const link = path.join(scope, name);
  fs.mkdirSync(scope, { recursive: true });
  const existing = fs.lstatSync(link, { throwIfNoEntry: false });
  if (existing && !existing.isSymbolicLink())
    throw new ScaffoldError(`node_modules/@danvan/${name} exists and is not a link: remove it first`);
  if (existing) fs.rmSync(link);
  fs.symlinkSync(path.join("..", "..", "services", name), link, "dir");
}

/** The compiled file of a script beside this one, if it exists (the deployment generator may not yet). */
export function scriptIfBuilt(root: string, name: string): string | undefined {
  const file = path.join(root, "scripts", "dist", name);
  return fs.existsSync(file) ? file : undefined;
}
