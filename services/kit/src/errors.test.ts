import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { GraphQLError } from "graphql";
import { pino } from "pino";
import { QueryFailedError } from "typeorm";
import { BadUserInputError, ConflictError, createErrorFormatter, NotFoundError, validationProblems } from "./errors.js";
import { inLanguage } from "./i18n/language.js";
import { kitMessage } from "./i18n/messages.js";
import { validationMessage } from "./validation.js";

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
    const err = new ConflictError(kitMessage("changedByOthers", { thing: kitMessage("thingRecord") }));
    const out = format({ message: err.message, extensions: { ...err.extensions, stacktrace: ["at y"] } }, err);
    assert.equal(out.message, "The record was changed by someone else; read it again");
    assert.deepEqual(out.extensions, { code: "CONFLICT" });
  });

  it("turns class-validator failures into BAD_USER_INPUT field paths without values", () => {
    const { format } = capture();
    const err = new GraphQLError("Argument Validation Error", {
      extensions: {
        code: "BAD_USER_INPUT",
        validationErrors: [
          {
            property: "fullName",
            value: "<secret>",
            constraints: { matches: validationMessage(kitMessage("personName")) },
          },
          { property: "expectedVersion", value: 0, constraints: { min: "expectedVersion must not be less than 1" } },
        ],
      },
    });
    const out = format({ message: err.message, extensions: err.extensions }, err);
    assert.equal(out.extensions?.code, "BAD_USER_INPUT");
    assert.deepEqual(out.extensions?.fields, [
      { path: "input.fullName", message: "must contain letters, spaces and . ' - only" },
      // class-validator's own text (which names the property twice) never reaches a client.
      { path: "input.expectedVersion", message: "is not valid" },
    ]);
    assert.ok(!JSON.stringify(out).includes("<secret>"));
  });

  it("flattens nested validation errors into dotted paths", () => {
    assert.deepEqual(
      validationProblems(
        [
          {
            property: "phases",
            children: [
              {
                property: "0",
                children: [
                  { property: "name", constraints: { len: validationMessage(kitMessage("maxLength", { max: 9 })) } },
                ],
              },
            ],
          },
        ],
        "input",
      ),
      [{ path: "input.phases.0.name", message: kitMessage("maxLength", { max: 9 }) }],
    );
    assert.deepEqual(BadUserInputError.field("first", kitMessage("pageSize", { max: 100 })).extensions, {
      code: "BAD_USER_INPUT",
      fields: [{ path: "first", message: "must be between 0 and 100" }],
    });
  });

  it("writes messages in the caller's language, the code and paths unchanged", async () => {
    const { format } = capture();
    const bad = BadUserInputError.field("input.fullName", kitMessage("length", { min: 2, max: 120 }));
    const missing = new NotFoundError(kitMessage("thingUnit"), "unitCode");
    const [vi, en] = await Promise.all([
      inLanguage("vi", async () => [
        format({ message: bad.message, extensions: bad.extensions }, bad),
        format({ message: missing.message, extensions: missing.extensions }, missing),
      ]),
      inLanguage("en", async () => [
        format({ message: bad.message, extensions: bad.extensions }, bad),
        format({ message: missing.message, extensions: missing.extensions }, missing),
      ]),
    ]);
    assert.equal(vi[0]!.message, "Dữ liệu không hợp lệ: input.fullName: phải dài từ 2 đến 120 ký tự");
    assert.deepEqual(vi[0]!.extensions, {
      code: "BAD_USER_INPUT",
      fields: [{ path: "input.fullName", message: "phải dài từ 2 đến 120 ký tự" }],
    });
    assert.equal(en[0]!.message, "Invalid input: input.fullName: must be 2 to 120 characters");
    // NOT_FOUND has the same shape as BAD_USER_INPUT: the field that named the missing thing.
    assert.equal(vi[1]!.message, "Không tìm thấy đơn vị hành chính");
    assert.deepEqual(vi[1]!.extensions, {
      code: "NOT_FOUND",
      fields: [{ path: "unitCode", message: "không tồn tại" }],
    });
    assert.deepEqual(en[1]!.extensions, {
      code: "NOT_FOUND",
      fields: [{ path: "unitCode", message: "does not exist" }],
    });
  });
});
