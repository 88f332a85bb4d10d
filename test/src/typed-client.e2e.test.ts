import { after, before, describe, it } from "node:test";
import assert from "node:assert/strict";
import { execFile } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import {
  buildSchema,
  getOperationAST,
  isEnumType,
  isListType,
  isNonNullType,
  isObjectType,
  isScalarType,
  Kind,
  parse,
  print,
  type DocumentNode,
  type FieldNode,
  type GraphQLObjectType,
  type GraphQLOutputType,
  type GraphQLSchema,
  type SelectionSetNode,
} from "graphql";
import ts from "typescript";
import * as client from "@danvan/client";
import {
  GraphQLRequestError,
  ProvinceHeadlineDocument,
  request,
  requestPartial,
  type TypedDocumentNode,
} from "@danvan/client";
import { repoRoot } from "@danvan/kit";
import { operationsManifest } from "@danvan/scripts/operations";
import { startFederation, type Federation } from "./support/federation.js";
import { checkedInOperations } from "./support/operations.js";

const generatedDir = path.join(repoRoot, "client/src/generated");
const codegen = path.join(repoRoot, "scripts/dist/codegen.js");
const fixtures = path.join(repoRoot, "test/fixtures/typed-client");

/** Runs the codegen script; resolves to its exit code and output. */
async function runCodegen(args: string[]): Promise<{ code: number; output: string }> {
  try {
    const { stdout, stderr } = await promisify(execFile)(process.execPath, [codegen, ...args], { cwd: repoRoot });
    return { code: 0, output: stdout + stderr };
  } catch (err) {
    const e = err as { code?: number; stdout?: string; stderr?: string };
    return { code: e.code ?? -1, output: `${e.stdout ?? ""}${e.stderr ?? ""}` };
  }
}

const readDir = (dir: string) =>
  new Map(
    fs
      .readdirSync(dir)
      .sort()
      .map((f) => [f, fs.readFileSync(path.join(dir, f), "utf8")]),
  );

/** Each TypeScript error of `files`, as `file:line TScode message`, under the repository's compiler options. */
function typeErrors(files: string[]): { file: string; line: number; code: number; text: string }[] {
  const config = ts.readConfigFile(path.join(repoRoot, "tsconfig.base.json"), (f) => ts.sys.readFile(f));
  const { options } = ts.parseJsonConfigFileContent(config.config, ts.sys, repoRoot);
  const program = ts.createProgram(files, { ...options, noEmit: true, composite: false, declaration: false });
  return ts.getPreEmitDiagnostics(program).map((d) => ({
    file: d.file ? path.basename(d.file.fileName) : "",
    line: d.file && d.start !== undefined ? d.file.getLineAndCharacterOfPosition(d.start).line + 1 : 0,
    code: d.code,
    text: ts.flattenDiagnosticMessageText(d.messageText, " "),
  }));
}

/** What each scalar may be in JSON, as the client types it (scripts/src/codegen.ts). */
const SCALARS: Record<string, (v: unknown) => boolean> = {
  Int: (v) => Number.isInteger(v),
  Float: (v) => typeof v === "number" && Number.isFinite(v),
  String: (v) => typeof v === "string",
  Boolean: (v) => typeof v === "boolean",
  ID: (v) => typeof v === "string",
  BigInt: (v) => Number.isSafeInteger(v) || (typeof v === "string" && /^-?\d+$/.test(v)),
  Date: (v) => typeof v === "string" && /^\d{4}-\d{2}-\d{2}$/.test(v),
  DateTime: (v) => typeof v === "string" && !Number.isNaN(Date.parse(v)),
};

/**
 * Where `data` departs from the shape the generated types give it: a selected field missing or
 * not selected, null where the schema says non-null, a value not of its scalar's or enum's type.
 */
function shapeProblems(schema: GraphQLSchema, document: DocumentNode, data: unknown): string[] {
  const problems: string[] = [];
  let leaves = 0;
  const checkValue = (value: unknown, type: GraphQLOutputType, field: FieldNode, at: string): void => {
    if (isNonNullType(type)) {
      if (value === null || value === undefined) problems.push(`${at}: null but ${String(type)}`);
      else checkValue(value, type.ofType, field, at);
    } else if (value === null) {
      leaves++;
    } else if (isListType(type)) {
      if (!Array.isArray(value)) problems.push(`${at}: not a list`);
      else value.forEach((v, i) => checkValue(v, type.ofType, field, `${at}[${i}]`));
    } else if (isObjectType(type)) {
      checkObject(value, field.selectionSet!, type, at);
    } else if (isEnumType(type)) {
      leaves++;
      if (typeof value !== "string" || !type.getValue(value))
        problems.push(`${at}: ${String(value)} not in ${type.name}`);
    } else if (isScalarType(type)) {
      leaves++;
      const ok = SCALARS[type.name];
      if (!ok) problems.push(`${at}: no check for scalar ${type.name}`);
      else if (!ok(value)) problems.push(`${at}: ${JSON.stringify(value)} is not a ${type.name}`);
    } else problems.push(`${at}: ${String(type)} is not checked`);
  };
  const checkObject = (value: unknown, set: SelectionSetNode, type: GraphQLObjectType, at: string): void => {
    if (typeof value !== "object" || value === null || Array.isArray(value)) {
      problems.push(`${at}: not an object`);
      return;
    }
    const selected = new Set<string>();
    for (const selection of set.selections) {
      if (selection.kind !== Kind.FIELD) throw new Error("fragments are not checked here");
      const key = selection.alias?.value ?? selection.name.value;
      selected.add(key);
      const def = type.getFields()[selection.name.value];
      if (!def) problems.push(`${at}.${key}: not a field of ${type.name}`);
      else if (!(key in value)) problems.push(`${at}.${key}: missing`);
      else checkValue((value as Record<string, unknown>)[key], def.type, selection, `${at}.${key}`);
    }
    for (const key of Object.keys(value)) if (!selected.has(key)) problems.push(`${at}.${key}: not selected`);
  };
  const op = getOperationAST(document)!;
  checkObject(data, op.selectionSet, schema.getRootType(op.operation)!, "data");
  if (leaves === 0) problems.push("no values at all");
  return problems;
}

describe("the typed client (client/, generated by npm run codegen)", () => {
  let federation: Promise<Federation>;
  const manifestFile = path.join(os.tmpdir(), `typed-client-manifest-${process.pid}.json`);
  const tmp: string[] = [];
  before(() => {
    // A production-like gateway that runs only the checked-in operations for the public and
    // officers: the client must send each one's exact text. It starts while the first tests run.
    fs.writeFileSync(manifestFile, operationsManifest());
    federation = startFederation({ extraEnv: { SAFELIST_MANIFEST: manifestFile } });
    federation.catch(() => undefined);
  });
  after(async () => {
    await (await federation.catch(() => undefined))?.stop();
    for (const dir of [...tmp, manifestFile]) fs.rmSync(dir, { recursive: true, force: true });
  });
  const tempDir = () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "typed-client-"));
    tmp.push(dir);
    return dir;
  };

  it("is committed as generated now from the supergraph and test/operations; --check names what is stale", async () => {
    // Regenerate and check a copy of the committed client with two planted faults: an edited
    // index.ts and a left-over file. --check must fail naming exactly these, so every other
    // committed file is what the generator produces now (and the check is not vacuous).
    const copy = tempDir();
    const committed = readDir(generatedDir);
    for (const [name, text] of committed) fs.writeFileSync(path.join(copy, name), text);
    fs.appendFileSync(path.join(copy, "index.ts"), "// edited by hand\n");
    fs.writeFileSync(path.join(copy, "left-over.ts"), "export {};\n");
    const check = await runCodegen(["--check", "--out", copy]);
    assert.equal(check.code, 1, check.output);
    const named = [...check.output.matchAll(/^ {2}- (.+)$/gm)].map((m) => m[1]);
    assert.deepEqual(named, ["index.ts", "left-over.ts (no longer generated)"], `run npm run codegen\n${check.output}`);

    assert.deepEqual([...committed.keys()], ["gql.ts", "graphql.ts", "index.ts", "schema.graphql"]);
    assert.match(committed.get("schema.graphql")!, /^type Query \{/m);
    assert.doesNotMatch(committed.get("schema.graphql")!, /join__|@link|@inaccessible/);
  });

  it("type-checks correct use and refuses misuse with the expected TypeScript errors", () => {
    const good = path.join(fixtures, "uses-client-correctly.ts");
    const bad = path.join(fixtures, "misuses-client.ts");
    const errors = typeErrors([good, bad]);
    const show = (list: typeof errors) => list.map((e) => `${e.file}:${e.line} TS${e.code} ${e.text}`).join("\n");
    const goodErrors = errors.filter((e) => e.file === path.basename(good));
    assert.deepEqual(goodErrors, [], show(goodErrors));
    // Each `// error TSnnnn` comment announces the error of the line below it; nothing else may fail.
    const expected = fs
      .readFileSync(bad, "utf8")
      .split("\n")
      .flatMap((line, i) => {
        const m = /\/\/ error TS(\d+):/.exec(line);
        return m ? [`${i + 2} TS${m[1]}`] : [];
      });
    assert.equal(expected.length, 7);
    const actual = errors.filter((e) => e.file === path.basename(bad)).map((e) => `${e.line} TS${e.code}`);
    assert.deepEqual(actual, expected, show(errors));
  });

  it("runs every operation of test/operations through the gateway, for the public and an officer, shaped as typed", async () => {
    const f = await federation;
    const schema = buildSchema(fs.readFileSync(path.join(generatedDir, "schema.graphql"), "utf8"));
    const officer = await f.token({ sub: "officer-1", roles: ["OFFICER"], unitCode: "883", organisationId: "HND-883" });
    const operations = checkedInOperations();
    assert.ok(operations.length >= 8);
    for (const op of operations) {
      const document = (client as Record<string, unknown>)[`${op.name}Document`] as
        TypedDocumentNode<unknown, Record<string, unknown>> | undefined;
      assert.ok(document, `the client exports no ${op.name}Document: run npm run codegen`);
      for (const token of [undefined, officer]) {
        const data: unknown = await request(f.gatewayUrl, document, op.variables, { token }).catch((err: unknown) => {
          assert.fail(`${op.name} (${token ? "officer" : "public"}): ${String(err)}`);
        });
        assert.deepEqual(shapeProblems(schema, document, data), [], op.name);
      }
    }
  });

  it("types the data it returns, and rejects errors as a GraphQLRequestError with their code", async () => {
    const f = await federation;
    const analyst = await f.token({ sub: "analyst-1", roles: ["ANALYST"] });
    const headline = await request(f.gatewayUrl, ProvinceHeadlineDocument);
    assert.ok(headline.povertyStatistics && headline.fundSummary, "the statistics fields are nullable, and here");
    assert.ok(headline.povertyStatistics.households > 0);
    assert.ok(headline.povertyStatistics.poor <= headline.povertyStatistics.households);
    assert.ok(BigInt(headline.fundSummary.raisedVnd) > 0n);

    // The same operation reprinted is not the safelisted text: refused to the public, run for analysts.
    const reprinted = parse(print(ProvinceHeadlineDocument)) as typeof ProvinceHeadlineDocument;
    const refused = await request(f.gatewayUrl, reprinted).catch((err: unknown) => err);
    assert.ok(refused instanceof GraphQLRequestError, String(refused));
    assert.equal(refused.status, 400);
    assert.equal(refused.code, "OPERATION_NOT_SAFELISTED");
    assert.deepEqual(await request(f.gatewayUrl, reprinted, {}, { token: analyst }), headline);

    const badToken = await request(f.gatewayUrl, ProvinceHeadlineDocument, {}, { token: "not-a-token" }).catch(
      (err: unknown) => err,
    );
    assert.ok(badToken instanceof GraphQLRequestError, String(badToken));
    assert.equal(badToken.status, 401);
    assert.equal(badToken.code, "UNAUTHENTICATED");
  });

  it("keeps a partial answer with requestPartial: the failing field null, its error beside the rest", async () => {
    const f = await federation;
    const analyst = await f.token({ sub: "analyst-1", roles: ["ANALYST"] });
    type Result = { a: { poor: number } | null; b: { poor: number } | null; units: { code: string }[] | null };
    const twoUnits = parse(`{
      a: povertyStatistics(unitCode: "89", year: 2019) { poor }
      b: povertyStatistics(unitCode: "99999", year: 2019) { poor }
      units: administrativeUnits(level: PROVINCE) { code }
    }`) as TypedDocumentNode<Result, Record<string, never>>;
    const { data, errors } = await requestPartial(f.gatewayUrl, twoUnits, {}, { token: analyst, language: "vi" });
    assert.ok(data.a && data.a.poor > 0);
    assert.equal(data.b, null);
    assert.deepEqual(data.units, [{ code: "91" }]);
    assert.equal(errors.length, 1);
    assert.deepEqual(errors[0]!.path, ["b"]);
    assert.equal(errors[0]!.extensions?.code, "NOT_FOUND");
    assert.equal(errors[0]!.message, "Không tìm thấy đơn vị hành chính");
    // request() rejects the same answer, keeping its partial data.
    const rejected = await request(f.gatewayUrl, twoUnits, {}, { token: analyst }).catch((err: unknown) => err);
    assert.ok(rejected instanceof GraphQLRequestError);
    assert.equal(rejected.code, "NOT_FOUND");
    assert.deepEqual((rejected.data as Result).units, [{ code: "91" }]);
  });
});
