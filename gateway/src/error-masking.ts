import { currentLanguage, kitMessage, translate } from "@danvan/kit/i18n";
import { gatewayMessage } from "./messages.js";
import { randomUUID } from "node:crypto";
import type { Logger } from "@danvan/kit/logger";
import { GraphQLError, type GraphQLFormattedError } from "graphql";

/** The code a client sees when a subgraph cannot answer (down, timed out, refused the gateway). */
export const SUBGRAPH_UNAVAILABLE = "SUBGRAPH_UNAVAILABLE";

/**
 * Codes a client may see as they are (docs/graph-contract.md, "Conventions"), plus the codes
 * graphql-js and Apollo Server give to malformed requests. Everything else is masked.
 */
export const CLIENT_ERROR_CODES: ReadonlySet<string> = new Set([
  "UNAUTHENTICATED",
  "FORBIDDEN",
  "BAD_USER_INPUT",
  "NOT_FOUND",
  "CONFLICT",
  "QUERY_TOO_COMPLEX",
  // A gateway with a safelist refuses operations outside it (safelist.ts).
  "OPERATION_NOT_SAFELISTED",
  "GRAPHQL_PARSE_FAILED",
  "GRAPHQL_VALIDATION_FAILED",
  "BAD_REQUEST",
  "PERSISTED_QUERY_NOT_FOUND",
  // Apollo Server's answers to a request naming an operation that is not in the document,
  // and to a persisted-query hash when persisted queries are off: the caller's mistakes too.
  "OPERATION_RESOLUTION_FAILURE",
  "PERSISTED_QUERY_NOT_SUPPORTED",
]);

/**
 * Extensions dropped even from errors that pass: stack traces, exception details, and the
 * HTTP response a subgraph error may carry (it holds the subgraph's URL).
 */
const UNSAFE_EXTENSIONS = new Set(["stacktrace", "exception", "response", "http"]);

/** Why a subgraph that answered could not serve (its database busy or unreachable): shown, as it says "retry". */
const SUBGRAPH_REASONS = new Set(["DATABASE_BUSY", "DATABASE_UNREACHABLE"]);

const APQ_HASH_MISMATCH = "provided sha does not match query";

function innermost(error: unknown): unknown {
  let current = error;
  while (current instanceof GraphQLError && current.originalError && current.originalError !== current) {
    current = current.originalError;
  }
  return current;
}

/** pino's `err` serializer logs an Error with its stack and cause; anything else as text. */
function loggable(error: unknown): Error | string {
  return error instanceof Error ? error : String(error);
}

/**
 * Apollo Server `formatError`. A known client code passes (without stack or exception
 * details). Anything else is logged in full with an `errorId` and replaced by a message that
 * names no SQL, stack, file path, host or port: "Subgraph <name> is unavailable" for a
 * subgraph that could not answer, "Internal server error" otherwise.
 */
export function createErrorFormatter(logger: Logger) {
  return (formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError => {
    const extensions = formatted.extensions ?? {};
    const language = currentLanguage();
    // Apollo Server leaves this one uncoded (so INTERNAL_SERVER_ERROR): a client sent a document with another's hash.
    if (formatted.message === APQ_HASH_MISMATCH)
      return { message: translate(gatewayMessage("hashMismatch"), language), extensions: { code: "BAD_REQUEST" } };
    const code = extensions.code;
    // graphql-js's syntax errors quote the token they stopped at, which may be a value: say where instead.
    if (code === "GRAPHQL_PARSE_FAILED") {
      const at = formatted.locations?.[0];
      return {
        message: translate(kitMessage("syntaxError", { line: at?.line ?? 0, column: at?.column ?? 0 }), language),
        ...(formatted.locations ? { locations: formatted.locations } : {}),
        extensions: { code },
      };
    }
    if (typeof code === "string" && CLIENT_ERROR_CODES.has(code)) {
      const safe = Object.fromEntries(Object.entries(extensions).filter(([key]) => !UNSAFE_EXTENSIONS.has(key)));
      return { ...formatted, extensions: safe };
    }

    const errorId = randomUUID();
    const serviceName = typeof extensions.serviceName === "string" ? extensions.serviceName : undefined;
    const unavailable = code === SUBGRAPH_UNAVAILABLE && serviceName !== undefined;
    const reason = unavailable && SUBGRAPH_REASONS.has(extensions.reason as string) ? extensions.reason : undefined;
    logger.error(
      {
        errorId,
        code,
        serviceName,
        reason,
        // A subgraph's own masked error carries its errorId: keep the link between the two logs.
        subgraphErrorId: typeof extensions.errorId === "string" ? extensions.errorId : undefined,
        path: formatted.path,
        err: loggable(innermost(error)),
      },
      unavailable ? "subgraph unavailable" : "internal error masked",
    );
    return {
      message: translate(
        unavailable ? gatewayMessage("subgraphUnavailable", { name: serviceName }) : kitMessage("internal"),
        language,
      ),
      ...(formatted.path ? { path: formatted.path } : {}),
      ...(formatted.locations ? { locations: formatted.locations } : {}),
      extensions: {
        code: unavailable ? SUBGRAPH_UNAVAILABLE : "INTERNAL_SERVER_ERROR",
        ...(serviceName ? { serviceName } : {}),
        ...(reason ? { reason } : {}),
        errorId,
      },
    };
  };
}
