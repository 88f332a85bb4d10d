import { pino, type Logger } from "pino";

export type { Logger };

/**
 * Paths never written to a log, whatever a caller passes: credentials, the signed identity,
 * and personal identifiers (names, phones, ID numbers, addresses, a denouncer's identity).
 */
export const REDACTED_PATHS = [
  "req.headers.authorization",
  "req.headers.cookie",
  'req.headers["x-danvan-identity"]',
  "headers.authorization",
  'headers["x-danvan-identity"]',
  "authorization",
  "token",
  "identityToken",
  "password",
  "secret",
  "variables",
  "*.variables",
  "*.fullName",
  "*.phone",
  "*.idNumber",
  "*.address",
  "*.denouncer",
  "*.parameters",
];

export function createLogger(name: string, level = process.env.LOG_LEVEL ?? "info"): Logger {
  return pino({
    name,
    level,
    base: { service: name },
    redact: { paths: REDACTED_PATHS, censor: "[redacted]" },
    timestamp: pino.stdTimeFunctions.isoTime,
  });
}
