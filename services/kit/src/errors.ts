import { randomUUID } from "node:crypto";
import { GraphQLError, type GraphQLFormattedError } from "graphql";
import type { Logger } from "pino";
import { databaseUnavailability } from "./database/unavailable.js";
import { translate, type Message } from "./i18n/catalogue.js";
import { currentLanguage, type Language } from "./i18n/language.js";
import { kitMessage } from "./i18n/messages.js";
import { decodeValidationMessage } from "./validation.js";

/** The codes a client may see (docs/graph-contract.md, "Conventions"). */
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

/** One offending input field: its path from the argument ("input.joinedOn") and what is wrong, never its value. */
export interface FieldProblem {
  readonly path: string;
  readonly message: Message;
}

/** An input fault as a client reads it, in one language. */
export interface FieldProblemText {
  readonly path: string;
  readonly message: string;
}

export function problemTexts(problems: readonly FieldProblem[], language: Language): FieldProblemText[] {
  return problems.map((p) => ({ path: p.path, message: translate(p.message, language) }));
}

/**
 * A client error whose message (and fields) are rendered in the caller's language when the
 * answer is written (createErrorFormatter); `message` itself is the English text, for logs.
 */
export class LocalizedError extends GraphQLError {
  constructor(
    code: ErrorCode,
    readonly summary: Message,
    readonly problems: readonly FieldProblem[] = [],
    extra: Record<string, unknown> = {},
  ) {
    super(renderSummary(summary, problems, "en"), {
      extensions: {
        code,
        ...(problems.length ? { fields: problemTexts(problems, "en") } : {}),
        ...extra,
      },
    });
  }

  /** The message and, for input faults, the fields, in `language`. */
  render(language: Language): { message: string; fields?: FieldProblemText[] } {
    const message = renderSummary(this.summary, this.problems, language);
    return this.problems.length ? { message, fields: problemTexts(this.problems, language) } : { message };
  }
}

function renderSummary(summary: Message, problems: readonly FieldProblem[], language: Language): string {
  if (summary.params?.problems !== PROBLEMS) return translate(summary, language);
  const list = problems.map((p) => `${p.path}: ${translate(p.message, language)}`).join("; ");
  return translate({ key: summary.key, params: { ...summary.params, problems: list } }, language);
}
/** Stands for the list of field problems in a summary, filled in per language. */
const PROBLEMS = "\u0000problems";

/** Input faults: `extensions.fields` names each path and what is wrong with it. */
export class BadUserInputError extends LocalizedError {
  constructor(
    problems: readonly FieldProblem[],
    summary: Message = kitMessage("invalidInput", { problems: PROBLEMS }),
  ) {
    super(ErrorCode.BAD_USER_INPUT, summary, problems);
  }
  /** One field at fault. */
  static field(path: string, message: Message): BadUserInputError {
    return new BadUserInputError([{ path, message }]);
  }
}

/** Something a client named does not exist; `path` is the argument or input field that named it. */
export class NotFoundError extends LocalizedError {
  constructor(thing: Message, path?: string) {
    super(
      ErrorCode.NOT_FOUND,
      kitMessage("notFound", { thing }),
      path ? [{ path, message: kitMessage("doesNotExist") }] : [],
    );
  }
}

export class ForbiddenError extends LocalizedError {
  constructor(message: Message = kitMessage("forbidden")) {
    super(ErrorCode.FORBIDDEN, message);
  }
}

export class UnauthenticatedError extends LocalizedError {
  constructor(message: Message = kitMessage("unauthenticated")) {
    super(ErrorCode.UNAUTHENTICATED, message);
  }
}

export class ConflictError extends LocalizedError {
  constructor(message: Message, extra: Record<string, unknown> = {}) {
    super(ErrorCode.CONFLICT, message, [], extra);
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
    for (const text of Object.values(e.constraints ?? {})) out.push({ path, message: decodeValidationMessage(text) });
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
    const language = currentLanguage();
    // type-graphql's ArgumentValidationError carries class-validator's errors: report field paths only.
    const raw = (original as { extensions?: { validationErrors?: ValidationErrorLike[] } } | undefined)?.extensions
      ?.validationErrors;
    if (Array.isArray(raw)) {
      const { message, fields } = new BadUserInputError(validationProblems(raw, "input")).render(language);
      return {
        message,
        path: formatted.path,
        locations: formatted.locations,
        extensions: { code: ErrorCode.BAD_USER_INPUT, fields },
      };
    }
    if (original instanceof LocalizedError) {
      const { stacktrace: _drop, exception: _drop2, ...extensions } = formatted.extensions ?? {};
      const { message, fields } = original.render(language);
      return { ...formatted, message, extensions: { ...extensions, ...(fields ? { fields } : {}) } };
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
        message: translate(kitMessage(outage === "DATABASE_BUSY" ? "databaseBusy" : "databaseUnreachable"), language),
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
      message: translate(kitMessage("internal"), language),
      path: formatted.path,
      locations: formatted.locations,
      extensions: { code: ErrorCode.INTERNAL_SERVER_ERROR, errorId },
    };
  };
}
