import { after, describe, it } from "node:test";
import assert from "node:assert/strict";
import { execFile } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { repoRoot } from "@danvan/kit";
import {
  checkSchemas,
  defaultPaths,
  formatReport,
  printSubgraphs,
  readDeclared,
  readOperations,
  readReleased,
  schemaFiles,
  staleFiles,
  composeSubgraphs,
  EMPTY_DECLARATIONS,
  writeRelease,
} from "@danvan/scripts/composition";

const paths = defaultPaths(repoRoot);
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "schema-check-"));
after(() => fs.rmSync(tmp, { recursive: true, force: true }));

/** Runs `node scripts/dist/schema.js <args>` as `npm run schema:check` does, with its exit code and output. */
async function schemaCli(...args: string[]): Promise<{ code: number; output: string }> {
  const script = path.join(repoRoot, "scripts/dist/schema.js");
  try {
    const { stdout, stderr } = await promisify(execFile)(process.execPath, [script, ...args], { cwd: repoRoot });
    return { code: 0, output: stdout + stderr };
  } catch (err) {
    const e = err as { code?: number; stdout?: string; stderr?: string };
    return { code: e.code ?? -1, output: (e.stdout ?? "") + (e.stderr ?? "") };
  }
}

function edit(sdl: string, from: string, to: string): string {
  assert.ok(sdl.includes(from), `the SDL contains ${JSON.stringify(from)}`);
  return sdl.replace(from, to);
}

describe("schema check on this repository", () => {
  it("passes: files up to date, composition ok, no undeclared break, every checked-in operation valid", async () => {
    const subgraphs = await printSubgraphs();
    const composition = composeSubgraphs(subgraphs);
    assert.ok(composition.ok);
    const result = await checkSchemas({
      subgraphs,
      composition,
      released: readReleased(paths),
      declared: readDeclared(paths),
      operations: readOperations(paths),
      staleFiles: staleFiles({ files: schemaFiles(subgraphs, composition.supergraphSdl) }),
    });
    assert.deepEqual(result.failures, [], formatReport(result));
    assert.equal(result.ok, true);
    assert.equal(result.hasReleased, true);
    assert.deepEqual(result.staleFiles, []);
    assert.deepEqual(
      result.apiChanges.filter((c) => c.level === "breaking" && !c.declaredBy),
      [],
    );
    // test/operations and the manifest made from them: the same 8 documents, each checked once.
    assert.ok(result.operations.length >= 8);
    assert.ok(result.operations.some((o) => o.names.includes("DistrictPage") && o.sources.length === 2));
  });

  it("names the checked-in operation a change would break (ProvinceHeadline without FundSummary.housesBuilt)", async () => {
    const subgraphs = await printSubgraphs();
    const programs = subgraphs.find((s) => s.name === "programs")!;
    programs.sdl = edit(
      programs.sdl,
      '  """Great Solidarity houses newly built and handed over in the period."""\n  housesBuilt: Int!\n',
      "",
    );
    const result = await checkSchemas({
      subgraphs,
      released: readReleased(paths),
      declared: { file: "schema/breaking-changes.json", text: null },
      operations: readOperations(paths),
    });
    const report = formatReport(result);
    assert.equal(result.ok, false);
    const removed = result.apiChanges.find((c) => c.path === "FundSummary.housesBuilt");
    assert.equal(removed?.type, "FIELD_REMOVED");
    assert.deepEqual(removed?.subgraphs, ["programs"]);
    assert.ok(removed?.usedBy.includes("ProvinceHeadline"), report);
    assert.match(
      report,
      /✗ ProvinceHeadline BROKEN by this change — test\/operations\/ProvinceHeadline\.graphql, schema\/operations\.manifest\.json/,
    );
    assert.match(report, /ProvinceHeadline: Cannot query field "housesBuilt" on type "FundSummary"\. \(line \d+\)/);
  });

  it("a release written to a folder reads back as a baseline with no change", async () => {
    const subgraphs = await printSubgraphs();
    const composition = composeSubgraphs(subgraphs);
    assert.ok(composition.ok);
    const releasePaths = { ...paths, releasedDir: path.join(tmp, "released") };
    assert.equal(readReleased(releasePaths), null);
    writeRelease(releasePaths, subgraphs, composition.apiSdl);
    const released = readReleased(releasePaths)!;
    assert.deepEqual([...released.subgraphs.keys()].sort(), subgraphs.map((s) => s.name).sort());
    assert.match(released.api, /^# Released by `npm run schema -- --release`/);
    const result = await checkSchemas({
      subgraphs,
      composition,
      released,
      declared: { file: "breaking-changes.json", text: EMPTY_DECLARATIONS },
      operations: readOperations(paths),
    });
    assert.equal(result.ok, true, formatReport(result));
    assert.deepEqual(result.apiChanges, []);
    assert.ok(result.subgraphs.every((s) => s.status === "unchanged"));
  });

  it("`schema.js --check` exits 0 on this repository and says why", async () => {
    const { code, output } = await schemaCli("--check");
    assert.equal(code, 0, output);
    assert.match(output, /Composition: ok/);
    assert.match(output, /Committed files: up to date/);
    assert.match(output, /Client-facing changes since the release \(schema\/released\/supergraph-api\.graphql\)/);
    assert.match(output, /Result: PASSED/);
  });

  it("`schema.js --check` fails on a trial breaking change and passes once it is declared with a reason", async () => {
    const programs = (await printSubgraphs()).find((s) => s.name === "programs")!;
    const trial = path.join(tmp, "programs.graphql");
    fs.writeFileSync(trial, edit(programs.sdl, '  """Address; hidden from analysts."""\n  address: String\n', ""));
    const declared = path.join(tmp, "breaking-changes.json");
    // The breaks already declared in the repository stay declared: only the trial one is new.
    const repository = JSON.parse(fs.readFileSync(path.join(repoRoot, "schema/breaking-changes.json"), "utf8")) as {
      changes: unknown[];
    };
    fs.writeFileSync(declared, JSON.stringify(repository));

    const failing = await schemaCli("--check", `--sdl`, `programs=${trial}`, "--declared", declared);
    assert.equal(failing.code, 1, failing.output);
    assert.match(failing.output, /✗ BREAKING +Household\.address +FIELD_REMOVED +\[programs\]/);
    assert.match(failing.output, /Result: FAILED\n {2}- 1 undeclared breaking change for clients/);

    const entry = {
      coordinate: "Household.address",
      change: "FIELD_REMOVED",
      reason: "Addresses leave the graph (data minimisation); no front-end reads them.",
      approvedBy: "Fund board",
    };
    fs.writeFileSync(declared, JSON.stringify({ changes: [...repository.changes, entry] }));
    const passing = await schemaCli("--check", `--sdl`, `programs=${trial}`, "--declared", declared);
    assert.equal(passing.code, 0, passing.output);
    const n = repository.changes.length + 1;
    assert.match(passing.output, new RegExp(`declared \\(entry ${n}\\): Addresses leave the graph`));
    assert.match(passing.output, new RegExp(`Result: PASSED \\(${n} breaking \\(all declared\\)`));
  });
});
