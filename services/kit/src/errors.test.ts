import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { GraphQLError } from "graphql";
import { pino } from "pino";
import { QueryFailedError } from "typeorm";
import { BadUserInputError, ConflictError, createErrorFormatter, validationProblems } from "./errors.js";

function capture() {
  const lines: string[] = [];
  const logger = pino({ level: "info" }, { write: (l: string) => void lines.push(l) });
  return { lines, format: createErrorFormatter(logger) };
}

describe("error formatting", () => {
  it("masks an internal error (SQL, stack, paths) and logs it with an id", () => {
    const { lines, format } = capture();
    const internal = new GraphQLError("x", {
      originalError: new Error('SQLITE_ERROR: no such column "secret" at /work/main/x.ts:1'),
    });
    const out = format(
      { message: internal.message, extensions: { code: "INTERNAL_SERVER_ERROR", stacktrace: ["at x"] } },
      internal,
    );
    assert.equal(out.message, "Internal server error");
    assert.equal(out.extensions?.code, "INTERNAL_SERVER_ERROR");
    assert.ok(!JSON.stringify(out).includes("SQLITE"));
    assert.ok(!JSON.stringify(out).includes("/work/main"));
    assert.equal(lines.length, 1);
    assert.match(lines[0]!, new RegExp(String(out.extensions?.errorId)));
  });

  it("reports a database outage as SUBGRAPH_UNAVAILABLE with its reason, naming no host, port or SQL", () => {
    const refused = Object.assign(new Error("connect ECONNREFUSED 10.0.0.9:5432"), { code: "ECONNREFUSED" });
    const adminShutdown = new QueryFailedError(
      'SELECT "secret" FROM "petition"',
      [],
      Object.assign(new Error("terminating connection due to administrator command"), { code: "57P01" }),
    );
    const cases: [Error, string | undefined][] = [
      [new Error("timeout exceeded when trying to connect"), "DATABASE_BUSY"],
      [Object.assign(new Error("database is locked"), { code: "SQLITE_BUSY" }), "DATABASE_BUSY"],
      [refused, "DATABASE_UNREACHABLE"],
      [adminShutdown, "DATABASE_UNREACHABLE"],
      [new Error("Connection terminated unexpectedly"), "DATABASE_UNREACHABLE"],
      [new Error("Connection terminated", { cause: refused }), "DATABASE_UNREACHABLE"],
      [Object.assign(new Error('duplicate key value violates "uq"'), { code: "23505" }), undefined],
    ];
    for (const [original, reason] of cases) {
      const { lines, format } = capture();
      const err = new GraphQLError("x", { originalError: original });
      const out = format({ message: err.message, extensions: { code: "INTERNAL_SERVER_ERROR" } }, err);
      assert.equal(out.extensions?.reason, reason, original.message);
      assert.equal(out.extensions?.code, reason ? "SUBGRAPH_UNAVAILABLE" : "INTERNAL_SERVER_ERROR");
      assert.ok(!/10\.0\.0\.9|5432|SELECT|secret/.test(JSON.stringify(out)), JSON.stringify(out));
      assert.equal(lines.length, 1);
      assert.match(lines[0]!, new RegExp(String(out.extensions?.errorId)));
    }
  });

  it("passes coded client errors through without a stack trace", () => {
    const { format } = capture();
    const err = new ConflictError("changed by someone else");
    const out = format({ message: err.message, extensions: { ...err.extensions, stacktrace: ["at y"] } }, err);
    assert.equal(out.message, "changed by someone else");
    assert.deepEqual(out.extensions, { code: "CONFLICT" });
  });

  it("turns class-validator failures into BAD_USER_INPUT field paths without values", () => {
    const { format } = capture();
    const err = new GraphQLError("Argument Validation Error", {
      extensions: {
        code: "BAD_USER_INPUT",
        validationErrors: [
          { property: "fullName", value: "<secret>", constraints: { matches: "must contain letters" } },
        ],
      },
    });
    const out = format({ message: err.message, extensions: err.extensions }, err);
    assert.equal(out.extensions?.code, "BAD_USER_INPUT");
    assert.deepEqual(out.extensions?.fields, [{ path: "input.fullName", message: "must contain letters" }]);
    assert.ok(!JSON.stringify(out).includes("<secret>"));
  });

  it("flattens nested validation errors into dotted paths", () => {
    assert.deepEqual(
      validationProblems(
        [
          {
            property: "phases",
            children: [{ property: "0", children: [{ property: "name", constraints: { len: "too short" } }] }],
          },
        ],
        "input",
      ),
      [{ path: "input.phases.0.name", message: "too short" }],
    );
    assert.deepEqual(BadUserInputError.field("first", "too big").extensions, {
      code: "BAD_USER_INPUT",
      fields: [{ path: "first", message: "too big" }],
    });
  });
});
