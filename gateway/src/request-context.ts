import { randomUUID } from "node:crypto";
import { ANONYMOUS, REQUEST_ID_HEADER, type Identity } from "@danvan/kit/identity";
import type { RequestHandler, Response } from "express";

/** What every GraphQL operation carries through the gateway and on to the subgraphs. */
export interface GatewayContext {
  identity: Identity;
  requestId: string;
}

/**
 * An incoming x-request-id is kept when it looks like an id (so a caller or a load balancer
 * can correlate logs), otherwise replaced: it is logged and forwarded, so it must not carry
 * arbitrary text.
 */
const VALID_REQUEST_ID = /^[A-Za-z0-9][A-Za-z0-9._:-]{7,127}$/;

export function chooseRequestId(incoming: string | undefined): string {
  return incoming && VALID_REQUEST_ID.test(incoming) ? incoming : randomUUID();
}

/** Express middleware: fixes the request id first, so every later log line and error can use it. */
export const requestIdMiddleware: RequestHandler = (req, res, next) => {
  const requestId = chooseRequestId(req.header(REQUEST_ID_HEADER));
  res.locals.requestId = requestId;
  res.setHeader(REQUEST_ID_HEADER, requestId);
  next();
};

export function requestIdOf(res: Response): string | undefined {
  return typeof res.locals.requestId === "string" ? res.locals.requestId : undefined;
}

/** The GraphQL context of one request, from what the middlewares stored. */
export function gatewayContextOf(res: Response): GatewayContext {
  return {
    identity: (res.locals.identity as Identity | undefined) ?? ANONYMOUS,
    requestId: requestIdOf(res) ?? randomUUID(),
  };
}
