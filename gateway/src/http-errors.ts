import { kitMessage, languageFromHeader, translate, type Message } from "@danvan/kit/i18n";
import { gatewayMessage } from "./messages.js";
import { randomUUID } from "node:crypto";
import type { Logger } from "@danvan/kit/logger";
import type { ErrorRequestHandler, RequestHandler, Response } from "express";
import { audienceOf } from "./limits.js";
import type { GatewayMetrics } from "./metrics.js";
import { gatewayContextOf, requestIdOf } from "./request-context.js";

/**
 * Every HTTP-level refusal uses the GraphQL error shape, so a client needs one parser; its
 * message is in the caller's language (Accept-Language).
 */
export function sendJsonError(
  res: Response,
  status: number,
  code: string,
  message: Message,
  extra: Record<string, unknown> = {},
): void {
  const text = translate(message, languageFromHeader(res.req.header("accept-language")));
  res.status(status).json({ errors: [{ message: text, extensions: { code, ...extra } }] });
}

export const notFound: RequestHandler = (_req, res) => {
  sendJsonError(res, 404, "NOT_FOUND", gatewayMessage("noRoute"));
};

/**
 * Express error handler. Malformed JSON → 400 BAD_REQUEST, a body over the limit → 413,
 * anything else → a masked 500 logged with an errorId. Never Express's HTML error page,
 * and never the parser's message (it quotes the body, which may hold a token or a name).
 */
export function jsonErrorHandler(logger: Logger, metrics?: GatewayMetrics): ErrorRequestHandler {
  return (err: Error & { status?: number; statusCode?: number; type?: string }, _req, res, next) => {
    if (res.headersSent) return next(err);
    const status = err.status ?? err.statusCode ?? 500;
    if (err.type === "entity.parse.failed") return sendJsonError(res, 400, "BAD_REQUEST", gatewayMessage("notJson"));
    if (status === 413) {
      metrics?.reject("body_too_large", audienceOf(gatewayContextOf(res).identity));
      return sendJsonError(res, 413, "PAYLOAD_TOO_LARGE", kitMessage("payloadTooLarge"));
    }
    if (status === 415) return sendJsonError(res, 415, "BAD_REQUEST", gatewayMessage("unsupportedBody"));
    if (status >= 400 && status < 500) return sendJsonError(res, status, "BAD_REQUEST", kitMessage("badRequest"));
    const errorId = randomUUID();
    logger.error(
      { errorId, requestId: requestIdOf(res), err: { name: err.name, message: err.message, stack: err.stack } },
      "unhandled http error",
    );
    sendJsonError(res, 500, "INTERNAL_SERVER_ERROR", kitMessage("internal"), { errorId });
  };
}
