import { createRequire } from "node:module";
import path from "node:path";
import { languageFromHeader, translate, type Message } from "@danvan/kit/i18n";
import express, { type ErrorRequestHandler, type Request, type Response, type Router } from "express";
import type { GatewayConfig } from "./config.js";
import {
  devTokensEnabled,
  issueDevTokenSet,
  issueOrderedDevToken,
  parseDevTokenOrder,
  type DevTokenField,
} from "./dev-tokens.js";
import { ideMessage, pageLanguage } from "./ide-messages.js";
import { IDE_CONTENT_SECURITY_POLICY, renderIdePage } from "./ide-page.js";
import { IDE_SCRIPT } from "./ide-script.js";

const require = createRequire(import.meta.url);

/** react and react-dom restrict deep imports with "exports", so files are found from package.json. */
function packageFile(pkg: string, file: string): string {
  return path.join(path.dirname(require.resolve(`${pkg}/package.json`)), file);
}

/** The IDE's static files, served from node_modules: the page needs no network beyond this origin. */
export function ideAssetFiles(): Record<string, string> {
  return {
    "react.production.min.js": packageFile("react", "umd/react.production.min.js"),
    "react-dom.production.min.js": packageFile("react-dom", "umd/react-dom.production.min.js"),
    "graphiql.min.js": packageFile("graphiql", "graphiql.min.js"),
    "graphiql.min.css": packageFile("graphiql", "graphiql.min.css"),
  };
}

/** True for a browser navigation (Accept: text/html), which gets the page instead of a GraphQL answer. */
export function wantsHtml(req: Request): boolean {
  return req.method === "GET" && (req.header("accept") ?? "").includes("text/html");
}

/** The query string of the request `res` answers, without "?" ("" when none). */
function searchOf(res: Response): string {
  const url = res.req.originalUrl ?? res.req.url ?? "";
  const i = url.indexOf("?");
  return i < 0 ? "" : url.slice(i + 1);
}

/**
 * A refused token order: 400 in the GraphQL error shape, code BAD_USER_INPUT and the field,
 * the message in the caller's language (the page sends its own); never the value sent.
 */
function refuseOrder(req: Request, res: Response, field: DevTokenField, message: Message): void {
  const text = translate(message, languageFromHeader(req.header("accept-language")));
  res.status(400).json({ errors: [{ message: text, extensions: { code: "BAD_USER_INPUT", field } }] });
}

/** The IDE page, in Vietnamese unless the URL says `lang=en`. */
export function sendIdePage(res: Response, config: GatewayConfig, endpoint: string): void {
  const search = searchOf(res);
  const language = pageLanguage(new URLSearchParams(search).get("lang"));
  res
    .status(200)
    .set({
      "Content-Type": "text/html; charset=utf-8",
      "Content-Language": language,
      "Content-Security-Policy": IDE_CONTENT_SECURITY_POLICY,
      "X-Content-Type-Options": "nosniff",
      "Cache-Control": "no-cache",
    })
    .send(renderIdePage({ endpoint, devTokens: devTokensEnabled(config), language, search }));
}

/**
 * Routes under /ide/: the four vendor files, the page's script and, in development only, the
 * ready-made tokens (GET /ide/dev-tokens) and the token maker (POST /ide/dev-token).
 */
export function ideRouter(config: GatewayConfig): Router {
  const router = express.Router();
  const files = ideAssetFiles();
  const noSniff = { "X-Content-Type-Options": "nosniff" };

  router.get("/ide.js", (_req, res) => {
    res
      .set({ ...noSniff, "Content-Type": "text/javascript; charset=utf-8", "Cache-Control": "no-cache" })
      .send(IDE_SCRIPT);
  });
  for (const [name, file] of Object.entries(files)) {
    router.get(`/${name}`, (_req, res, next) => {
      res.sendFile(file, { maxAge: "1d", headers: noSniff }, (err) => err && next(err));
    });
  }
  if (devTokensEnabled(config)) {
    router.get("/dev-tokens", async (_req, res) => {
      res.set({ "Cache-Control": "no-store", ...noSniff }).json(await issueDevTokenSet(config));
    });
    // { role, unit?, org?, sub?, ttl? } → 200 { token, expiresAt, identity }, or 400 naming the field.
    router.post("/dev-token", express.json({ limit: "4kb" }), async (req, res) => {
      res.set({ "Cache-Control": "no-store", ...noSniff });
      // Without a JSON content type express.json leaves the body unread (undefined): refused as "body".
      const checked = parseDevTokenOrder(req.body);
      if (!checked.ok) return refuseOrder(req, res, checked.field, checked.message);
      res.json(await issueOrderedDevToken(config, checked.order));
    });
    // A body that is not JSON: the same 400 shape, never the parser's message (it quotes the body).
    const badBody: ErrorRequestHandler = (err: { type?: string; status?: number }, req, res, next) => {
      if (res.headersSent || req.path !== "/dev-token") return next(err);
      if (err.type === "entity.parse.failed") return refuseOrder(req, res, "body", ideMessage("errBody"));
      next(err);
    };
    router.use(badBody);
  }
  return router;
}
