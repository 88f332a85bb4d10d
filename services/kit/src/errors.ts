import { randomUUID } from "node:crypto";
import { GraphQLError, type GraphQLFormattedError } from "graphql";
import type { Logger } from "pino";
import { databaseUnavailability } from "./database/unavailable.js";

/** The codes a client may see (graph-contract.md, "Conventions"). */
export const ErrorCode = {
  UNAUTHENTICATED: "UNAUTHENTICATED",
  FORBIDDEN: "FORBIDDEN",
  BAD_USER_INPUT: "BAD_USER_INPUT",
  NOT_FOUND: "NOT_FOUND",
  CONFLICT: "CONFLICT",
  QUERY_TOO_COMPLEX: "QUERY_TOO_COMPLEX",
  INTERNAL_SERVER_ERROR: "INTERNAL_SERVER_ERROR",
  /** The subgraph cannot serve the request now (its database is busy or unreachable): retry later. */
  SUBGRAPH_UNAVAILABLE: "SUBGRAPH_UNAVAILABLE",
} as const;
export type ErrorCode = (typeof ErrorCode)[keyof typeof ErrorCode];

/** One offending input field: its path from the argument ("input.joinedOn") and why. */
export interface FieldProblem {
  readonly path: string;
  readonly message: string;
}

export class BadUserInputError extends GraphQLError {
  constructor(message: string, fields: readonly FieldProblem[]) {
    super(message, { extensions: { code: ErrorCode.BAD_USER_INPUT, fields } });
  }
  /** One field at fault; the message must not echo the value (it may be confidential). */
  static field(path: string, message: string): BadUserInputError {
    return new BadUserInputError(`Invalid value for ${path}: ${message}`, [{ path, message }]);
  }
}

export class NotFoundError extends GraphQLError {
  constructor(what: string, field?: string) {
    super(`${what} not found`, { extensions: { code: ErrorCode.NOT_FOUND, ...(field ? { field } : {}) } });
  }
}

export class ForbiddenError extends GraphQLError {
  constructor(message = "You are not allowed to do this") {
    super(message, { extensions: { code: ErrorCode.FORBIDDEN } });
  }
}

export class UnauthenticatedError extends GraphQLError {
  constructor(message = "A valid token is required") {
    super(message, { extensions: { code: ErrorCode.UNAUTHENTICATED } });
  }
}

export class ConflictError extends GraphQLError {
  constructor(message: string, extra: Record<string, unknown> = {}) {
    super(message, { extensions: { code: ErrorCode.CONFLICT, ...extra } });
  }
}

/** Codes produced by graphql-js and Apollo Server for bad requests: safe to pass through. */
const CLIENT_CODES = new Set<string>([
  ...Object.values(ErrorCode).filter((c) => c !== ErrorCode.INTERNAL_SERVER_ERROR),
  "GRAPHQL_PARSE_FAILED",
  "GRAPHQL_VALIDATION_FAILED",
  "BAD_REQUEST",
  "PERSISTED_QUERY_NOT_FOUND",
  "PERSISTED_QUERY_NOT_SUPPORTED",
  "OPERATION_RESOLUTION_FAILURE",
]);

interface ValidationErrorLike {
  property: string;
  constraints?: Record<string, string>;
  children?: ValidationErrorLike[];
}

/** Flattens class-validator errors into field paths and messages, never values. */
export function validationProblems(errors: readonly ValidationErrorLike[], prefix: string): FieldProblem[] {
  const out: FieldProblem[] = [];
  for (const e of errors) {
    const path = prefix ? `${prefix}.${e.property}` : e.property;
    for (const message of Object.values(e.constraints ?? {})) out.push({ path, message });
    if (e.children?.length) out.push(...validationProblems(e.children, path));
  }
  return out;
}

function originalOf(error: unknown): unknown {
  let current = error;
  while (current instanceof GraphQLError && current.originalError && current.originalError !== current) {
    current = current.originalError;
  }
  return current;
}

/**
 * Apollo Server `formatError`: coded client errors pass (without stack), class-validator
 * failures become BAD_USER_INPUT with field paths, anything else is logged with an id and
 * masked, so no SQL, stack or file path reaches a client.
 */
export function createErrorFormatter(logger: Logger) {
  return (formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError => {
    const original = originalOf(error);
    // type-graphql's ArgumentValidationError carries class-validator's errors: report field paths only.
    const raw = (original as { extensions?: { validationErrors?: ValidationErrorLike[] } } | undefined)?.extensions
      ?.validationErrors;
    if (Array.isArray(raw)) {
      const fields = validationProblems(raw, "input");
      return {
        message: "Invalid input: " + fields.map((f) => `${f.path} ${f.message}`).join("; "),
        path: formatted.path,
        locations: formatted.locations,
        extensions: { code: ErrorCode.BAD_USER_INPUT, fields },
      };
    }
    const code = formatted.extensions?.code;
    if (typeof code === "string" && CLIENT_CODES.has(code)) {
      const { stacktrace: _drop, exception: _drop2, ...extensions } = formatted.extensions ?? {};
      return { ...formatted, extensions };
    }
    const errorId = randomUUID();
    const outage = databaseUnavailability(original);
    if (outage) {
      // An outage, not a bug: the gateway names the subgraph; the reason tells the caller to retry.
      const cause = original instanceof Error ? original.message : String(original);
      logger.warn({ errorId, reason: outage, cause, path: formatted.path }, "database unavailable");
      return {
        message: outage === "DATABASE_BUSY" ? "Database busy: retry shortly" : "Database unreachable: retry shortly",
        path: formatted.path,
        locations: formatted.locations,
        extensions: { code: ErrorCode.SUBGRAPH_UNAVAILABLE, reason: outage, errorId },
      };
    }
    logger.error(
      {
        errorId,
        err:
          original instanceof Error
            ? { name: original.name, message: original.message, stack: original.stack }
            : String(original),
        path: formatted.path,
      },
      "internal error masked",
    );
    return {
      message: "Internal server error",
      path: formatted.path,
      locations: formatted.locations,
      extensions: { code: ErrorCode.INTERNAL_SERVER_ERROR, errorId },
    };
  };
}
