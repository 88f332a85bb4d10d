import { after, before, describe, it } from "node:test";
import assert from "node:assert/strict";
import { spawn, spawnSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { SignJWT } from "jose";
import { freePort, repoRoot, spawnService, unitByCode, waitForReady, type ServiceProcess } from "@danvan/kit";
import { createTestDatabase, type TestDatabase } from "@danvan/kit/testing";
import { seededDatabasesFromEnv, seedTestDatabases } from "@danvan/scripts/seeded-databases";
import { SUBGRAPHS } from "@danvan/scripts/subgraphs";

/**
 * `npm run new:subgraph` end to end, in a temporary copy of the repository (never this one): the
 * scaffold runs there as a process, builds, composes and writes the deployment files; then the
 * whole federation starts from the copy, the new subgraph answers through the gateway (joined to
 * AdministrativeUnit from organisations), and the new subgraph's own tests pass on this run's
 * database (SQLite, or PostgreSQL with TEST_DATABASE=postgres).
 */
const NAME = "volunteers";
const OWNER = "the Youth Union's volunteer board (Ban Thường vụ Tỉnh Đoàn)";

/** Copies what a checkout holds (tracked and new files), the build output and its build info. */
function copyRepository(dest: string): void {
  const listed = spawnSync("git", ["ls-files", "-z", "--cached", "--others", "--exclude-standard"], {
    cwd: repoRoot,
    encoding: "utf8",
    maxBuffer: 64 * 1024 * 1024,
  });
  assert.equal(listed.status, 0, `git ls-files failed: ${listed.stderr}`);
  for (const file of listed.stdout.split("\0").filter(Boolean)) {
    const from = path.join(repoRoot, file);
    // Deleted in the working tree but still tracked.
    if (!fs.existsSync(from)) continue;
    fs.mkdirSync(path.dirname(path.join(dest, file)), { recursive: true });
    fs.cpSync(from, path.join(dest, file), { preserveTimestamps: true });
  }
  const { workspaces } = JSON.parse(fs.readFileSync(path.join(repoRoot, "package.json"), "utf8")) as {
    workspaces: string[];
  };
  for (const ws of workspaces) {
    // Same timestamps, so that `tsc -b` there rebuilds only what the scaffold changes.
    if (fs.existsSync(path.join(repoRoot, ws, "dist")))
      fs.cpSync(path.join(repoRoot, ws, "dist"), path.join(dest, ws, "dist"), {
        recursive: true,
        preserveTimestamps: true,
      });
    for (const f of fs.readdirSync(path.join(repoRoot, ws)).filter((f) => f.endsWith(".tsbuildinfo")))
      fs.cpSync(path.join(repoRoot, ws, f), path.join(dest, ws, f), { preserveTimestamps: true });
    if (fs.existsSync(path.join(repoRoot, ws, "node_modules")))
      fs.symlinkSync(path.join(repoRoot, ws, "node_modules"), path.join(dest, ws, "node_modules"), "dir");
  }
  // The installed packages by link, never copied; @danvan is the copy's own (its workspaces, and
  // the new one the scaffold links). Dot-files (npm's hidden lockfile) are left out: npm writes them.
  const modules = path.join(repoRoot, "node_modules");
  fs.mkdirSync(path.join(dest, "node_modules", "@danvan"), { recursive: true });
  for (const entry of fs.readdirSync(modules).filter((e) => !e.startsWith(".") && e !== "@danvan"))
    fs.symlinkSync(path.join(modules, entry), path.join(dest, "node_modules", entry), "dir");
  for (const ws of fs.readdirSync(path.join(modules, "@danvan")))
    fs.symlinkSync(
      fs.readlinkSync(path.join(modules, "@danvan", ws)),
      path.join(dest, "node_modules", "@danvan", ws),
      "dir",
    );
}

interface Run {
  code: number;
  output: string;
  seconds: number;
}

/** Runs a Node script in the copy, collecting its output. */
function runIn(cwd: string, args: string[], env: NodeJS.ProcessEnv = process.env): Promise<Run> {
  const started = Date.now();
  // Without the test runner's own marker, a nested `node --test` reports in plain text, not to us.
  const { NODE_TEST_CONTEXT: _runner, ...clean } = env;
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, args, { cwd, env: clean, stdio: ["ignore", "pipe", "pipe"] });
    let output = "";
    child.stdout.on("data", (d: Buffer) => (output += d.toString()));
    child.stderr.on("data", (d: Buffer) => (output += d.toString()));
    child.once("error", reject);
    child.once("exit", (code, signal) =>
      resolve({ code: code ?? (signal ? 1 : 0), output, seconds: (Date.now() - started) / 1000 }),
    );
  });
}

async function graphql(url: string, query: string, token?: string, variables?: Record<string, unknown>) {
  const res = await fetch(url, {
    method: "POST",
    headers: { "content-type": "application/json", ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify({ query, variables }),
  });
  const text = await res.text();
  let body: { data?: Record<string, any>; errors?: any[] } = {};
  try {
    body = JSON.parse(text) as typeof body;
  } catch {
    /* not JSON: the status says why */
  }
  return { status: res.status, ...body };
}

describe("npm run new:subgraph, in a temporary copy of the repository", { timeout: 600_000 }, () => {
  let copy: string;
  const processes: ServiceProcess[] = [];
  const databases: TestDatabase[] = [];
  const started = Date.now();
  const scaffold = (args: string[]) => runIn(copy, ["scripts/dist/new-subgraph.js", ...args]);
  const inCopy = (...p: string[]) => path.join(copy, ...p);

  before(() => {
    copy = fs.mkdtempSync(path.join(os.tmpdir(), "danvan-new-subgraph-"));
    copyRepository(copy);
    console.log(`# copied the repository in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  });

  after(async () => {
    for (const p of processes.reverse()) await p.stop();
    for (const d of databases) await d.drop();
    // rm removes the links into node_modules, never what they point at.
    if (copy) fs.rmSync(copy, { recursive: true, force: true });
    console.log(`# new:subgraph end to end: ${((Date.now() - started) / 1000).toFixed(1)} s`);
  });

  it("refuses a bad name, an existing subgraph and names the graph already has, changing nothing", async () => {
    const list = fs.readFileSync(inCopy("scripts/src/subgraphs.ts"), "utf8");
    const bad = await scaffold(["Volunteers"]);
    assert.equal(bad.code, 1);
    assert.match(bad.output, /"Volunteers" is not a subgraph name: use 3 to 30 lowercase letters/);
    const existing = await scaffold(["petitions", "--owner", "anyone"]);
    assert.equal(existing.code, 1);
    assert.match(existing.output, /services\/petitions already exists: new:subgraph never overwrites a subgraph/);
    const clash = await scaffold(["households", "--owner", "anyone"]);
    assert.equal(clash.code, 1);
    assert.match(clash.output, /the graph already has type Household, .*Query\.households/);
    const port = await scaffold([NAME, "--port", "80"]);
    assert.equal(port.code, 1);
    assert.match(port.output, /--port 80: use a whole number from 1024 to 65535/);
    assert.equal(fs.existsSync(inCopy("services/households")), false);
    assert.equal(fs.readFileSync(inCopy("scripts/src/subgraphs.ts"), "utf8"), list);
  });

  it("creates the subgraph, wires it in, builds, composes and writes the deployment files", async () => {
    const run = await scaffold([NAME, "--owner", OWNER]);
    console.log(`# scaffold: ${run.seconds.toFixed(1)} s\n${run.output.replace(/^/gm, "# ")}`);
    assert.equal(run.code, 0, run.output);
    assert.match(run.output, /Created services\/volunteers\/:/);
    assert.match(run.output, /npm run build \(tsc -b\) +compiled/);
    assert.match(run.output, /Next steps:[\s\S]*npm run schema:check[\s\S]*npm run schema -- --release/);
    for (const file of [
      "README.md",
      "migrations/index.ts",
      "seed/seed.ts",
      "src/volunteers/volunteer.entity.ts",
      "src/volunteers/volunteer.resolver.ts",
      "src/loaders.ts",
      "src/n-plus-one.test.ts",
      "src/volunteers/volunteers.test.ts",
      "dist/src/main.js",
    ])
      assert.ok(fs.existsSync(inCopy("services", NAME, file)), `services/${NAME}/${file}`);
    assert.match(fs.readFileSync(inCopy("services", NAME, "README.md"), "utf8"), /\*\*Owner:\*\* the Youth Union/);
    const pkg = JSON.parse(fs.readFileSync(inCopy("services", NAME, "package.json"), "utf8"));
    const organisations = JSON.parse(fs.readFileSync(inCopy("services/organisations/package.json"), "utf8"));
    assert.deepEqual(pkg.dependencies, organisations.dependencies, "the same dependency versions");
    assert.match(fs.readFileSync(inCopy("scripts/src/subgraphs.ts"), "utf8"), /folder: "services\/volunteers"/);
    assert.match(fs.readFileSync(inCopy("package-lock.json"), "utf8"), /"node_modules\/@danvan\/volunteers"/);
    assert.match(fs.readFileSync(inCopy(".env.example"), "utf8"), /^# SUBGRAPH_URL_VOLUNTEERS=/m);
    const supergraph = fs.readFileSync(inCopy("schema/supergraph.graphql"), "utf8");
    assert.match(supergraph, /join__graph\(name: "volunteers", url: "http:\/\/127\.0\.0\.1:4004\/graphql"\)/);
    assert.match(supergraph, /type Volunteer\s+@join__type\(graph: VOLUNTEERS, key: "id"\)/);
    assert.match(supergraph, /volunteerCount: Int! @join__field\(graph: VOLUNTEERS\)/);
    if (fs.existsSync(inCopy("scripts/dist/deployment.js")))
      assert.match(fs.readFileSync(inCopy("docker/compose.yaml"), "utf8"), /^ {2}volunteers:$/m);
  });

  it("passes schema:check (its additions are safe), ESLint and Prettier", async () => {
    const code = [`services/${NAME}`, "scripts/src/subgraphs.ts"];
    const touched = [...code, "package.json", "tsconfig.json", "scripts/tsconfig.json", "scripts/package.json"];
    const [check, eslint, prettier] = await Promise.all([
      // Every safe change listed: the repository's own unreleased ones may be many.
      runIn(copy, ["scripts/dist/schema.js", "--check", "--all-safe"]),
      runIn(copy, ["node_modules/eslint/bin/eslint.js", "--max-warnings", "0", ...code]),
      runIn(copy, ["node_modules/prettier/bin/prettier.cjs", "--check", ...touched]),
    ]);
    assert.equal(check.code, 0, check.output);
    assert.match(check.output, /Schema check: 4 subgraphs \(organisations, programs, petitions, volunteers\)/);
    assert.match(check.output, /\+ safe +Volunteer +TYPE_ADDED/);
    assert.match(check.output, /\+ safe +AdministrativeUnit\.volunteerCount +FIELD_ADDED/);
    // The repository may carry declared breaks of its own until its next release: none is the new subgraph's.
    assert.match(check.output, /Result: PASSED \((0 breaking|\d+ breaking \(all declared\))/);
    assert.doesNotMatch(check.output, /BREAKING +\S*(Volunteer|volunteer)/);
    assert.equal(eslint.code, 0, eslint.output);
    assert.equal(prettier.code, 0, prettier.output);
  });

  it("starts with the other subgraphs and answers through the gateway, joined to AdministrativeUnit", async () => {
    const seeded = seededDatabasesFromEnv();
    if (seeded) {
      for (const sg of SUBGRAPHS)
        databases.push(await createTestDatabase(`newsg_${sg.name}`, { from: seeded[sg.name] }));
    } else {
      const fresh = await seedTestDatabases("small", "newsg");
      databases.push(...fresh.databases);
    }
    const own = await createTestDatabase(`newsg_${NAME}`);
    databases.push(own);
    const base = { PATH: process.env.PATH, NODE_ENV: "test", LOG_LEVEL: "warn" };
    const seed = await runIn(copy, [`services/${NAME}/dist/seed/main.js`, "--scale", "small", "--no-progress"], {
      ...base,
      ...own.env,
    });
    assert.equal(seed.code, 0, seed.output);

    const identitySecret = randomBytes(32).toString("base64url");
    const tokenSecret = randomBytes(32).toString("base64url");
    const gatewayPort = await freePort();
    const urls: Record<string, string> = {};
    const all = [
      ...SUBGRAPHS.map((s) => ({ name: s.name, folder: s.folder })),
      { name: NAME, folder: `services/${NAME}` },
    ];
    const ready: Promise<void>[] = [];
    for (const [i, sg] of all.entries()) {
      const port = await freePort();
      const proc = spawnService({
        name: sg.name,
        script: inCopy(sg.folder, "dist/src/main.js"),
        env: {
          ...base,
          ...databases[i]!.env,
          IDENTITY_SECRET: identitySecret,
          PORT: String(port),
          UNIT_REGISTRY_URL: `http://127.0.0.1:${gatewayPort}/graphql`,
        },
      });
      processes.push(proc);
      ready.push(waitForReady(`http://127.0.0.1:${port}/readyz`, proc));
      urls[`SUBGRAPH_URL_${sg.name.toUpperCase()}`] = `http://127.0.0.1:${port}/graphql`;
    }
    const gateway = spawnService({
      name: "gateway",
      script: inCopy("gateway/dist/src/main.js"),
      env: { ...base, ...urls, IDENTITY_SECRET: identitySecret, JWT_SECRET: tokenSecret, PORT: String(gatewayPort) },
    });
    processes.push(gateway);
    ready.push(waitForReady(`http://127.0.0.1:${gatewayPort}/readyz`, gateway));
    await Promise.all(ready);

    const token = (sub: string, roles: string[], unit?: string) =>
      new SignJWT({ roles, ...(unit ? { unit } : {}) })
        .setProtectedHeader({ alg: "HS256" })
        .setSubject(sub)
        .setIssuer("danvan-dev")
        .setAudience("danvan-graph")
        .setIssuedAt()
        .setExpirationTime("10m")
        .sign(new TextEncoder().encode(tokenSecret));
    const gatewayUrl = `http://127.0.0.1:${gatewayPort}/graphql`;
    const admin = await token("admin-1", ["ADMIN"]);
    const r = await graphql(
      gatewayUrl,
      `
        {
          volunteers(unitCode: "883", first: 5) {
            totalCount
            edges {
              node {
                id
                name
                unit {
                  code
                  name
                  level
                }
              }
            }
          }
          administrativeUnit(code: "883") {
            name
            volunteerCount
            children {
              code
              volunteerCount
            }
          }
        }
      `,
      admin,
    );
    assert.equal(r.errors, undefined, JSON.stringify(r.errors));
    const { volunteers, administrativeUnit } = r.data!;
    assert.equal(volunteers.edges.length, 5);
    for (const { node } of volunteers.edges) {
      // name and level come from organisations: the gateway joined the two subgraphs.
      assert.equal(node.unit.name, unitByCode(node.unit.code)!.name);
      assert.equal(node.unit.level, "COMMUNE");
    }
    assert.equal(administrativeUnit.name, unitByCode("883")!.name);
    assert.equal(administrativeUnit.volunteerCount, volunteers.totalCount);
    assert.equal(
      administrativeUnit.children.reduce((sum: number, c: { volunteerCount: number }) => sum + c.volunteerCount, 0),
      volunteers.totalCount,
    );

    const officer = await token("officer-30280", ["OFFICER"], "30280");
    const create = `mutation($input: CreateVolunteerInput!) { createVolunteer(input: $input) { id unit { name } } }`;
    const input = {
      name: "Through the gateway",
      unitCode: "30280",
      recordedOn: "2020-06-01",
      idempotencyKey: "e2e-0001",
    };
    const first = await graphql(gatewayUrl, create, officer, { input });
    const retry = await graphql(gatewayUrl, create, officer, { input });
    assert.equal(first.errors, undefined, JSON.stringify(first.errors));
    assert.deepEqual(retry.data, first.data, "the same record for the same idempotency key");
    const anonymous = await graphql(
      gatewayUrl,
      `
        {
          volunteers {
            totalCount
          }
        }
      `,
    );
    assert.equal(anonymous.errors?.[0]?.extensions?.code, "UNAUTHENTICATED");
    const direct = await graphql(
      urls.SUBGRAPH_URL_VOLUNTEERS!,
      `
        {
          _service {
            sdl
          }
        }
      `,
    );
    assert.equal(direct.status, 401, "the subgraph answers only the gateway");
  });

  it("passes its own tests in the copy", async () => {
    const dist = inCopy("services", NAME, "dist");
    const files = fs
      .readdirSync(dist, { recursive: true, encoding: "utf8" })
      .filter((f) => f.endsWith(".test.js"))
      .map((f) => path.join(dist, f));
    assert.ok(files.length >= 2, `test files: ${files.join(", ")}`);
    const run = await runIn(copy, ["--test", ...files]);
    assert.equal(run.code, 0, run.output);
    const passed = Number(/^# pass (\d+)/m.exec(run.output)?.[1]);
    assert.ok(passed >= 8, `${passed} tests passed`);
    console.log(`# its own tests: ${passed} passed in ${run.seconds.toFixed(1)} s`);
  });
});
