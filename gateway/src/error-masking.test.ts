import { inLanguage } from "@danvan/kit/i18n";
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { createLogger } from "@danvan/kit/logger";
import { GraphQLError, type GraphQLFormattedError } from "graphql";
import { createErrorFormatter } from "./error-masking.js";

/** A logger that keeps what it is given, to check that the original reaches the log. */
function capturingLogger() {
  const lines: Record<string, unknown>[] = [];
  const logger = createLogger("gateway-test", "error");
  logger.error = ((obj: Record<string, unknown>) => {
    lines.push(obj);
  }) as typeof logger.error;
  return { logger, lines };
}

function format(error: GraphQLError): { out: GraphQLFormattedError; lines: Record<string, unknown>[] } {
  const { logger, lines } = capturingLogger();
  return { out: createErrorFormatter(logger)(error.toJSON(), error), lines };
}

describe("formatError", () => {
  it("masks an error that carries SQL, a path and a host, and logs the original with the same errorId", () => {
    const original = new Error(
      'SQLITE_ERROR: no such column "denouncer_name" in SELECT * FROM petitions (/srv/app/petition.ts:42)',
    );
    const error = new GraphQLError(original.message, {
      path: ["petition", "history"],
      originalError: original,
      extensions: {
        code: "DOWNSTREAM_SERVICE_ERROR",
        serviceName: "petitions",
        stacktrace: ["at /srv/app/petition.ts:42"],
      },
    });
    const { out, lines } = format(error);
    assert.equal(out.message, "Internal server error");
    assert.equal(out.extensions?.code, "INTERNAL_SERVER_ERROR");
    assert.equal(out.extensions?.serviceName, "petitions");
    assert.deepEqual(out.path, ["petition", "history"]);
    const text = JSON.stringify(out);
    for (const leak of ["SQLITE", "SELECT", "denouncer", "/srv/app", "stacktrace"])
      assert.ok(!text.includes(leak), `${leak} leaked: ${text}`);
    assert.equal(lines.length, 1);
    assert.equal(lines[0]!.errorId, out.extensions?.errorId);
    assert.equal(lines[0]!.err, original, "the original error is logged");
  });

  it("masks an error without a code (a bug in the gateway itself)", () => {
    const { out } = format(new GraphQLError("Cannot read properties of undefined (reading 'x')"));
    assert.equal(out.message, "Internal server error");
    assert.equal(out.extensions?.code, "INTERNAL_SERVER_ERROR");
    assert.equal(typeof out.extensions?.errorId, "string");
  });

  it("names the subgraph that is unavailable, and nothing about where it lives", () => {
    const error = new GraphQLError(
      "Subgraph programs is unavailable (request to http://10.0.3.7:4002/graphql failed, ECONNREFUSED)",
      {
        extensions: { code: "SUBGRAPH_UNAVAILABLE", serviceName: "programs" },
      },
    );
    const { out } = format(error);
    assert.equal(out.message, "Subgraph programs is unavailable");
    assert.equal(out.extensions?.code, "SUBGRAPH_UNAVAILABLE");
    assert.equal(out.extensions?.serviceName, "programs");
    assert.ok(!JSON.stringify(out).includes("10.0.3.7"));
    assert.equal(out.extensions?.reason, undefined);
  });

  it("keeps a subgraph's database reason (busy or unreachable) and drops any other reason", () => {
    for (const [reason, shown] of [
      ["DATABASE_BUSY", "DATABASE_BUSY"],
      ["DATABASE_UNREACHABLE", "DATABASE_UNREACHABLE"],
      ["connect ECONNREFUSED 10.0.3.7:5432", undefined],
    ] as const) {
      const error = new GraphQLError("Database busy: retry shortly", {
        extensions: { code: "SUBGRAPH_UNAVAILABLE", serviceName: "petitions", reason },
      });
      const { out } = format(error);
      assert.equal(out.message, "Subgraph petitions is unavailable");
      assert.equal(out.extensions?.reason, shown);
      assert.ok(!JSON.stringify(out).includes("10.0.3.7"));
    }
  });

  for (const code of [
    "UNAUTHENTICATED",
    "FORBIDDEN",
    "BAD_USER_INPUT",
    "NOT_FOUND",
    "CONFLICT",
    "QUERY_TOO_COMPLEX",
    "GRAPHQL_VALIDATION_FAILED",
    "BAD_REQUEST",
    "PERSISTED_QUERY_NOT_FOUND",
  ]) {
    it(`passes ${code} through, without stack, exception or subgraph response`, () => {
      const error = new GraphQLError(`a ${code} message`, {
        path: ["x"],
        extensions: {
          code,
          fields: [{ path: "input.joinedOn", message: "must be a date" }],
          stacktrace: ["at somewhere"],
          exception: { detail: "x" },
          response: { url: "http://10.0.3.7:4002/graphql" },
        },
      });
      const { out, lines } = format(error);
      assert.equal(out.message, `a ${code} message`);
      assert.deepEqual(out.extensions, { code, fields: [{ path: "input.joinedOn", message: "must be a date" }] });
      assert.equal(lines.length, 0);
    });
  }

  it("says where a syntax error is instead of quoting the token it stopped at (it may be a value)", async () => {
    const error = new GraphQLError('Syntax Error: Expected ":", found String "Nguyễn Văn A".', {
      extensions: { code: "GRAPHQL_PARSE_FAILED" },
    });
    const formatted = { message: error.message, locations: [{ line: 3, column: 17 }], extensions: error.extensions };
    const { logger, lines } = capturingLogger();
    const formatError = createErrorFormatter(logger);
    const en = formatError(formatted, error);
    const vi = await inLanguage("vi", async () => formatError(formatted, error));
    assert.equal(en.message, "Not a GraphQL document: look at line 3, column 17");
    assert.equal(vi.message, "Không phải là tài liệu GraphQL hợp lệ: xem dòng 3, cột 17");
    assert.deepEqual(vi.locations, [{ line: 3, column: 17 }]);
    assert.deepEqual(vi.extensions, { code: "GRAPHQL_PARSE_FAILED" });
    assert.equal(lines.length, 0);
  });
});
