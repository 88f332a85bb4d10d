import { createRequire } from "node:module";
import path from "node:path";
import express, { type Response, type Router } from "express";
import { ANALYST_LOGIC_SCRIPT } from "./analyst-logic.js";
import { ANALYST_CONTENT_SECURITY_POLICY, ANALYST_CSS, renderAnalystPage } from "./analyst-page.js";
import { ANALYST_SCRIPT } from "./analyst-script.js";
import type { GatewayConfig } from "./config.js";
import { devTokensEnabled } from "./dev-tokens.js";
import { pageLanguage } from "./ide-messages.js";
import { DEV_TOKENS_PATH } from "./ide-page.js";

const require = createRequire(import.meta.url);

/**
 * Chart.js's UMD build (it defines `window.Chart`), from node_modules: the package's "exports"
 * hide its files, so the path is found from its main entry (dist/chart.cjs), beside it.
 */
export function analystAssetFiles(): Record<string, string> {
  return { "chart.umd.js": path.join(path.dirname(require.resolve("chart.js")), "chart.umd.js") };
}

/** The query string of the request `res` answers, without "?" ("" when none). */
function searchOf(res: Response): string {
  const url = res.req.originalUrl ?? res.req.url ?? "";
  const i = url.indexOf("?");
  return i < 0 ? "" : url.slice(i + 1);
}

const NO_SNIFF = { "X-Content-Type-Options": "nosniff" };

/**
 * The analyst page's routes, mounted at /analyst (when ANALYST_PAGE_ENABLED): the page itself
 * (GET /analyst, Vietnamese unless `?lang=en`), its style sheet, its two scripts and Chart.js.
 * `endpoint` is where the page sends its queries. On a development gateway the page takes its
 * tokens from the IDE's development token source (GET /ide/dev-tokens), which the IDE's routes serve.
 */
export function analystRouter(config: GatewayConfig, endpoint: string): Router {
  const router = express.Router();
  const devTokens = devTokensEnabled(config);

  router.get("/", (_req, res) => {
    const search = searchOf(res);
    const language = pageLanguage(new URLSearchParams(search).get("lang"));
    res
      .status(200)
      .set({
        ...NO_SNIFF,
        "Content-Type": "text/html; charset=utf-8",
        "Content-Language": language,
        "Content-Security-Policy": ANALYST_CONTENT_SECURITY_POLICY,
        "Cache-Control": "no-cache",
      })
      .send(
        renderAnalystPage({
          endpoint,
          language,
          search,
          ...(devTokens ? { devTokensPath: DEV_TOKENS_PATH } : {}),
          ...(config.ideEnabled ? { idePath: endpoint } : {}),
        }),
      );
  });
  const text = (type: string, body: string) =>
    router.get(`/${type}`, (_req, res) => {
      const contentType = type.endsWith(".css") ? "text/css" : "text/javascript";
      res.set({ ...NO_SNIFF, "Content-Type": `${contentType}; charset=utf-8`, "Cache-Control": "no-cache" }).send(body);
    });
  text("analyst.js", ANALYST_SCRIPT);
  text("analyst-logic.js", ANALYST_LOGIC_SCRIPT);
  text("analyst.css", ANALYST_CSS);
  for (const [name, file] of Object.entries(analystAssetFiles())) {
    router.get(`/${name}`, (_req, res, next) => {
      res.sendFile(file, { maxAge: "1d", headers: NO_SNIFF }, (err) => err && next(err));
    });
  }
  return router;
}
