import { describe, it } from "node:test";
import assert from "node:assert/strict";
import fs from "node:fs";
import path from "node:path";
import { repoRoot } from "@danvan/kit";
import {
  checkSchemas,
  composeSubgraphs,
  formatReport,
  parseDeclaredBreaks,
  readOperations,
  type ReleasedSchemas,
  type SchemaCheckPaths,
} from "@danvan/scripts/composition";

// Two small subgraphs as released (test/fixtures/schema-check), changed here one edit at a time.
const fixtures = path.join(repoRoot, "test/fixtures/schema-check");
const base = {
  units: fs.readFileSync(path.join(fixtures, "units.graphql"), "utf8"),
  relief: fs.readFileSync(path.join(fixtures, "relief.graphql"), "utf8"),
};
const paths: SchemaCheckPaths = {
  root: repoRoot,
  releasedDir: fixtures,
  declaredFile: path.join(fixtures, "breaking-changes.json"),
  operationDirs: [path.join(fixtures, "operations")],
  manifestDirs: [path.join(fixtures, "apps")],
};
const operations = readOperations(paths);

function released(): ReleasedSchemas {
  const composed = composeSubgraphs(subgraphs(base));
  assert.ok(composed.ok, "the released fixture composes");
  return { api: composed.apiSdl, subgraphs: new Map(Object.entries(base)) };
}

function subgraphs(sdl: typeof base) {
  return Object.entries(sdl).map(([name, s]) => ({ name, sdl: s, file: `${name}.graphql` }));
}

/** The fixture SDL with one edit; fails when the text to replace is not there (a fixture changed). */
function edit(sdl: string, from: string, to: string): string {
  assert.ok(sdl.includes(from), `fixture contains ${JSON.stringify(from)}`);
  return sdl.replace(from, to);
}

async function check(changed: Partial<typeof base>, declarations?: unknown[] | string) {
  const text =
    declarations === undefined
      ? null
      : typeof declarations === "string"
        ? declarations
        : JSON.stringify({ changes: declarations });
  const result = await checkSchemas({
    subgraphs: subgraphs({ ...base, ...changed }),
    released: released(),
    declared: { file: "breaking-changes.json", text },
    operations,
  });
  return { result, report: formatReport(result) };
}

const withoutHeadName = () => ({ relief: edit(base.relief, "  headName: String!\n", "") });
const headNameDeclared = {
  coordinate: "Household.headName",
  change: "FIELD_REMOVED",
  reason: "Personal data minimisation: the head's name leaves the public graph (decision 12/2025).",
  approvedBy: "Front-end leads of the Fund and the Front",
};

describe("schema check on fixtures", () => {
  it("reads the fixture operations from .graphql files and an app manifest", () => {
    assert.deepEqual(
      operations.map((o) => [o.name, o.source]),
      [
        ["HouseholdCard", "test/fixtures/schema-check/operations/HouseholdCard.graphql"],
        ["UnitOverview", "test/fixtures/schema-check/operations/UnitOverview.graphql"],
        ["Districts", "test/fixtures/schema-check/apps/field-app.manifest.json"],
      ],
    );
  });

  it("passes with no change, every operation valid", async () => {
    const { result, report } = await check({});
    assert.equal(result.ok, true, report);
    assert.deepEqual(result.apiChanges, []);
    assert.equal(result.operations.length, 3);
    assert.ok(result.operations.every((o) => o.errors.length === 0));
    assert.match(report, /Result: PASSED/);
  });

  it("fails on a removed field, naming the field, the change and the subgraph", async () => {
    const { result, report } = await check(withoutHeadName());
    assert.equal(result.ok, false);
    const removed = result.apiChanges.find((c) => c.path === "Household.headName");
    assert.deepEqual(
      { type: removed?.type, level: removed?.level, subgraphs: removed?.subgraphs, usedBy: removed?.usedBy },
      { type: "FIELD_REMOVED", level: "breaking", subgraphs: ["relief"], usedBy: [] },
    );
    assert.deepEqual(result.failures, ["1 undeclared breaking change for clients"]);
    assert.match(report, /✗ BREAKING +Household\.headName +FIELD_REMOVED +\[relief\]/);
    assert.match(report, /Field 'headName' was removed from object type 'Household'/);
    assert.match(report, /"coordinate":"Household\.headName","change":"FIELD_REMOVED","reason":"…"/);
    assert.match(report, /Result: FAILED\n {2}- 1 undeclared breaking change for clients/);
  });

  it("passes when the same break is declared with a reason, and shows the reason", async () => {
    const { result, report } = await check(withoutHeadName(), [headNameDeclared]);
    assert.equal(result.ok, true, report);
    assert.equal(result.apiChanges.find((c) => c.path === "Household.headName")?.declaredBy?.index, 1);
    assert.match(report, /✓ BREAKING +Household\.headName +FIELD_REMOVED +\[relief\]/);
    assert.match(report, /declared \(entry 1\): Personal data minimisation.* — approved by Front-end leads/);
    assert.match(report, /Result: PASSED \(1 breaking \(all declared\), 0 dangerous, 0 safe/);
  });

  it("refuses a declaration without a reason, so the break stays undeclared", async () => {
    const { reason: _reason, ...withoutReason } = headNameDeclared;
    for (const entry of [withoutReason, { ...headNameDeclared, reason: "  " }]) {
      const { result, report } = await check(withoutHeadName(), [entry]);
      assert.equal(result.ok, false);
      assert.equal(result.declarationProblems.length, 1);
      assert.match(result.declarationProblems[0]!, /entry 1 \(Household\.headName\): refused, it has no "reason"/);
      assert.ok(result.failures.includes("1 declaration refused in breaking-changes.json"), report);
      assert.ok(result.failures.includes("1 undeclared breaking change for clients"), report);
    }
  });

  it("reports a declaration that matches no change as stale, and one for another change type as not covering", async () => {
    const stale = await check({}, [{ coordinate: "Unit.name", reason: "Renamed to officialName." }]);
    assert.equal(stale.result.ok, false);
    assert.deepEqual(
      stale.result.staleDeclarations.map((d) => d.coordinate),
      ["Unit.name"],
    );
    assert.match(stale.report, /stale: entry 1 \(Unit\.name\) matches no change since the release; remove it/);

    const wrongType = await check(withoutHeadName(), [{ ...headNameDeclared, change: "FIELD_TYPE_CHANGED" }]);
    assert.equal(wrongType.result.ok, false);
    assert.equal(wrongType.result.apiChanges.find((c) => c.path === "Household.headName")?.declaredBy, undefined);
    assert.equal(wrongType.result.staleDeclarations.length, 1);
  });

  it("refuses malformed declaration files and entries", () => {
    assert.match(parseDeclaredBreaks("{", "f.json").problems[0]!, /f\.json: not valid JSON/);
    assert.match(parseDeclaredBreaks("[]", "f.json").problems[0]!, /expected an object \{ "changes"/);
    const entries = parseDeclaredBreaks(
      JSON.stringify({
        changes: [
          { coordinate: "A.b", reason: "ok", reviewer: "x" },
          { coordinate: "A.b", reason: "ok", change: "FIELD_GONE" },
          { reason: "no coordinate" },
          { coordinate: "A.b", reason: "fine", operations: ["Op"] },
        ],
      }),
      "f.json",
    );
    assert.equal(entries.problems.length, 3);
    assert.match(entries.problems[0]!, /entry 1 \(A\.b\): unknown key\(s\) reviewer/);
    assert.match(entries.problems[1]!, /entry 2 \(A\.b\): "change" FIELD_GONE is not a change type/);
    assert.match(entries.problems[2]!, /entry 3: "coordinate" is required/);
    assert.deepEqual(
      entries.entries.map((e) => [e.index, e.operations]),
      [[4, ["Op"]]],
    );
  });

  it("lists a safe change (new optional field, new type) as safe and passes", async () => {
    const relief = edit(
      base.relief,
      "  unit: Unit!\n}\n",
      "  unit: Unit!\n  phone: String\n  visits: [Visit!]!\n}\n\ntype Visit {\n  on: String!\n}\n",
    );
    const { result, report } = await check({ relief });
    assert.equal(result.ok, true, report);
    // Visit's own fields are part of its addition, not listed apart.
    assert.deepEqual(result.apiChanges.map((c) => `${c.level} ${c.type} ${c.path} ${c.subgraphs.join(",")}`).sort(), [
      "safe FIELD_ADDED Household.phone relief",
      "safe FIELD_ADDED Household.visits relief",
      "safe TYPE_ADDED Visit relief",
    ]);
    assert.match(report, /\+ safe +Household\.phone +FIELD_ADDED +\[relief\]: Field 'phone' was added/);
    assert.match(report, /0 breaking, 0 dangerous, \d+ safe/);
  });

  it("warns of a dangerous change (enum value added) without failing", async () => {
    const units = edit(base.units, "  COMMUNE\n", "  COMMUNE\n  WARD\n");
    const { result, report } = await check({ units });
    assert.equal(result.ok, true, report);
    assert.deepEqual(
      result.apiChanges.map((c) => [c.level, c.type, c.path, c.subgraphs]),
      [["dangerous", "ENUM_VALUE_ADDED", "UnitLevel.WARD", ["units"]]],
    );
    assert.match(report, /! DANGEROUS +UnitLevel\.WARD +ENUM_VALUE_ADDED +\[units\]/);
    assert.match(report, /used by checked-in operations: Districts, UnitOverview/);
  });

  it("classifies retyped fields, required arguments and removed enum values as breaking, with their users", async () => {
    const units = edit(edit(base.units, "  COMMUNE\n", ""), "units(level: UnitLevel)", "units(level: UnitLevel!)");
    const relief = edit(
      edit(base.relief, "memberCount: Int!", "memberCount: String!"),
      "households(unitCode: ID,",
      "households(unitCode: ID!,",
    );
    const { result, report } = await check({ units, relief });
    assert.equal(result.ok, false);
    const breaking = result.apiChanges
      .filter((c) => c.level === "breaking")
      .map((c) => [c.type, c.path, c.subgraphs.join(","), c.usedBy.join(",")]);
    assert.deepEqual(breaking.sort(), [
      ["ENUM_VALUE_REMOVED", "UnitLevel.COMMUNE", "units", "Districts,UnitOverview"],
      ["FIELD_ARGUMENT_TYPE_CHANGED", "Query.households.unitCode", "relief", ""],
      ["FIELD_ARGUMENT_TYPE_CHANGED", "Query.units.level", "units", "Districts"],
      ["FIELD_TYPE_CHANGED", "Household.memberCount", "relief", "HouseholdCard"],
    ]);
    // Only the manifest's Districts omits the now-required argument: it is the one operation broken.
    const broken = result.operations.filter((o) => o.errors.length);
    assert.deepEqual(
      broken.map((o) => [o.names, o.sources]),
      [[["Districts"], ["test/fixtures/schema-check/apps/field-app.manifest.json"]]],
    );
    assert.match(broken[0]!.errors[0]!.message, /argument "unitCode" of type "ID!" is required/);
    assert.match(
      report,
      /✗ Districts BROKEN by this change — test\/fixtures\/schema-check\/apps\/field-app\.manifest\.json/,
    );
    assert.ok(result.failures.includes("1 checked-in operation broken: Districts"), report);
  });

  it("reports an operation a change breaks by name, even when the change is declared, until its owners agree", async () => {
    const units = edit(base.units, "  level: UnitLevel!\n}", "}");
    const undeclared = await check({ units });
    assert.deepEqual(undeclared.result.failures, [
      "1 undeclared breaking change for clients",
      "1 checked-in operation broken: UnitOverview",
    ]);
    assert.match(
      undeclared.report,
      /FIELD_REMOVED +\[units\]\n[\s\S]*?\n {6}used by checked-in operations: UnitOverview\n/,
    );
    assert.match(undeclared.report, /UnitOverview: Cannot query field "level" on type "Unit"\. \(line 6\)/);

    const entry = { coordinate: "Unit.level", reason: "Level is derived from the code now." };
    const declared = await check({ units }, [entry]);
    assert.deepEqual(declared.result.failures, ["1 checked-in operation broken: UnitOverview"]);

    const agreed = await check({ units }, [{ ...entry, operations: ["UnitOverview"] }]);
    assert.equal(agreed.result.ok, true, agreed.report);
    assert.match(agreed.report, /! UnitOverview broken, acknowledged by entry 1/);
  });

  it("reports a field moved between subgraphs per subgraph, not as a client break", async () => {
    const relief = edit(base.relief, "  poorHouseholds(year: Int!): Int!\n", "");
    const units = edit(
      base.units,
      "  level: UnitLevel!\n",
      "  level: UnitLevel!\n  poorHouseholds(year: Int!): Int!\n",
    );
    const { result, report } = await check({ units, relief });
    assert.equal(result.ok, true, report);
    assert.deepEqual(result.apiChanges, []);
    const bySubgraph = Object.fromEntries(
      result.subgraphs.map((s) => [s.name, s.changes.map((c) => `${c.level} ${c.type} ${c.path}`)]),
    );
    assert.deepEqual(bySubgraph.relief, ["breaking FIELD_REMOVED Unit.poorHouseholds"]);
    // The new field's argument is part of the addition, not a change of its own.
    assert.deepEqual(bySubgraph.units, ["safe FIELD_ADDED Unit.poorHouseholds"]);
    assert.match(report, /Subgraph-level changes not visible to clients/);
    assert.match(report, /relief \(changed\)\n {4}✗ BREAKING +Unit\.poorHouseholds +FIELD_REMOVED +\[relief\]/);
  });

  it("reports a composition failure with its code, the subgraphs, the type and the line", async () => {
    const relief = edit(
      base.relief,
      "  code: ID!\n  poorHouseholds",
      "  code: ID!\n  name: String!\n  level: String\n  poorHouseholds",
    );
    const { result, report } = await check({ relief });
    assert.equal(result.ok, false);
    assert.ok(!result.composition.ok);
    const problems = result.composition.problems.map((p) => [p.code, p.subgraphs, p.coordinates]);
    assert.deepEqual(
      problems.find(([code]) => code === "INVALID_FIELD_SHARING"),
      ["INVALID_FIELD_SHARING", ["relief", "units"], ["Unit.name"]],
    );
    assert.deepEqual(
      problems.find(([code]) => code === "FIELD_TYPE_MISMATCH"),
      ["FIELD_TYPE_MISMATCH", ["relief", "units"], ["Unit.level"]],
    );
    const lineOfName = relief.split("\n").indexOf("  name: String!") + 1;
    assert.match(report, /✗ INVALID_FIELD_SHARING in subgraphs relief, units — Unit\.name/);
    assert.match(
      report,
      new RegExp(`at relief\\.graphql:${lineOfName}:3 \\(Unit\\.name\\), units\\.graphql:\\d+:3 \\(Unit\\.name\\)`),
    );
    assert.match(report, /Result: FAILED\n {2}- composition failed \(\d+ errors\)/);
  });

  it("reports a subgraph's syntax error with its subgraph and line", async () => {
    const { result, report } = await check({ units: edit(base.units, "  name: String!\n", "  name: String!!\n") });
    assert.equal(result.ok, false);
    assert.match(report, /✗ SYNTAX_ERROR in subgraph units\n {6}Syntax Error: .*\n {6}at units\.graphql:17:/);
  });
});
