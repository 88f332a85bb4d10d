import assert from "node:assert/strict";
import { execFile } from "node:child_process";
import path from "node:path";
import { describe, it } from "node:test";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { Role, seededHandlingOfficers } from "@danvan/kit/identity";
import { createCallerTokenVerifier } from "../caller-token.js";
import { loadTokenSettings } from "../config.js";
import { TEST_TOKEN_SECRET } from "../testing/fake-subgraph.js";

const run = promisify(execFile);
const here = path.dirname(fileURLToPath(import.meta.url));
const cli = path.join(here, "issue-token.js");
const env = { PATH: process.env.PATH, NODE_ENV: "test", JWT_SECRET: TEST_TOKEN_SECRET };
/** A JWT and nothing else: three base64url parts and the line's end. */
const TOKEN_ALONE = /^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\n$/;

describe("issue-token CLI", () => {
  it("prints a token the gateway accepts, and only the token on stdout", async () => {
    const { stdout, stderr } = await run(
      process.execPath,
      [cli, "--role", "Officer", "--unit", "883", "--org", "HND-883", "--sub", "alice", "--ttl", "8h"],
      { env },
    );
    assert.match(stdout, TOKEN_ALONE);
    assert.match(stderr, /token for officer \(sub alice, unit 883, org HND-883\), valid 8h/);
    const identity = await createCallerTokenVerifier(loadTokenSettings(env))(`Bearer ${stdout.trim()}`);
    assert.deepEqual(identity, { sub: "alice", roles: [Role.OFFICER], organisationId: "HND-883", unitCode: "883" });
  });

  it("makes a handling officer's token for a commune, naming the seeded handlers on stderr only", async () => {
    const { stdout, stderr } = await run(process.execPath, [cli, "--role", "handling-officer", "--unit", "30280"], {
      env,
    });
    assert.match(stdout, TOKEN_ALONE);
    assert.match(stderr, /officer-30280-1, officer-30280-2, officer-30280-3 \(use --sub\)/);
    const withSub = await run(
      process.execPath,
      [cli, "--role", "handling-officer", "--unit", "30280", "--sub", "officer-30280-1"],
      { env },
    );
    assert.match(withSub.stdout, TOKEN_ALONE);
    const identity = await createCallerTokenVerifier(loadTokenSettings(env))(`Bearer ${withSub.stdout.trim()}`);
    assert.deepEqual(identity, { sub: "officer-30280-1", roles: [Role.HANDLING_OFFICER], unitCode: "30280" });
  });

  it("lists a commune's seeded handling officers, one a line", async () => {
    const { stdout } = await run(process.execPath, [cli, "--list-handlers", "30280"], { env });
    assert.equal(stdout, `${seededHandlingOfficers("30280").join("\n")}\n`);
    assert.equal(stdout, "officer-30280-1\nofficer-30280-2\nofficer-30280-3\n");
    await assert.rejects(run(process.execPath, [cli, "--list-handlers", "883"], { env }), /883 is not a commune/);
  });

  it("refuses an officer or a handling officer without --unit, an unknown unit and an unknown role", async () => {
    await Promise.all([
      assert.rejects(run(process.execPath, [cli, "--role", "officer"], { env }), /need --unit/),
      assert.rejects(run(process.execPath, [cli, "--role", "handling-officer"], { env }), /need --unit/),
      assert.rejects(
        run(process.execPath, [cli, "--role", "officer", "--unit", "99999"], { env }),
        /no administrative unit of An Giang/,
      ),
      assert.rejects(run(process.execPath, [cli, "--role", "wizard"], { env }), /unknown role "wizard"/),
      assert.rejects(run(process.execPath, [cli], { env }), /required option '-r, --role <role>'/),
    ]);
  });

  it("prints the token alone through npm's silent form, `npm run -s token`", async () => {
    // The gateway workspace's script runs the CLI without building (the root one builds first).
    const { stdout } = await run("npm", ["run", "-s", "token", "--", "--role", "analyst"], {
      cwd: path.resolve(here, "../../.."),
      env: { ...process.env, NODE_ENV: "test", JWT_SECRET: TEST_TOKEN_SECRET },
    });
    assert.match(stdout, TOKEN_ALONE);
  });
});
