import assert from "node:assert/strict";
import { execFile } from "node:child_process";
import path from "node:path";
import { describe, it } from "node:test";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { Role } from "@danvan/kit/identity";
import { createCallerTokenVerifier } from "../caller-token.js";
import { loadTokenSettings } from "../config.js";
import { TEST_TOKEN_SECRET } from "../testing/fake-subgraph.js";

const run = promisify(execFile);
const cli = path.join(path.dirname(fileURLToPath(import.meta.url)), "issue-token.js");
const env = { PATH: process.env.PATH, NODE_ENV: "test", JWT_SECRET: TEST_TOKEN_SECRET };

describe("issue-token CLI", () => {
  it("prints a token the gateway accepts, and only the token on stdout", async () => {
    const { stdout } = await run(
      process.execPath,
      [cli, "--role", "Officer", "--unit", "883", "--org", "HND-883", "--sub", "alice", "--ttl", "8h"],
      { env },
    );
    const token = stdout.trim();
    assert.match(token, /^[\w-]+\.[\w-]+\.[\w-]+$/);
    const identity = await createCallerTokenVerifier(loadTokenSettings(env))(`Bearer ${token}`);
    assert.deepEqual(identity, { sub: "alice", roles: [Role.OFFICER], organisationId: "HND-883", unitCode: "883" });
  });

  it("refuses an officer without --unit and an unknown role", async () => {
    await Promise.all([
      assert.rejects(run(process.execPath, [cli, "--role", "officer"], { env }), /officers need --unit/),
      assert.rejects(run(process.execPath, [cli, "--role", "wizard"], { env }), /unknown role "wizard"/),
    ]);
  });
});
