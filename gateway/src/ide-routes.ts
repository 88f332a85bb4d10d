import { createRequire } from "node:module";
import path from "node:path";
import express, { type Request, type Response, type Router } from "express";
import type { GatewayConfig } from "./config.js";
import { devTokensEnabled, issueDevTokenSet } from "./dev-tokens.js";
import { IDE_CONTENT_SECURITY_POLICY, IDE_SCRIPT, renderIdePage } from "./ide-page.js";

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

export function sendIdePage(res: Response, config: GatewayConfig, endpoint: string): void {
  res
    .status(200)
    .set({
      "Content-Type": "text/html; charset=utf-8",
      "Content-Security-Policy": IDE_CONTENT_SECURITY_POLICY,
      "X-Content-Type-Options": "nosniff",
      "Cache-Control": "no-cache",
    })
    .send(renderIdePage({ endpoint, devTokens: devTokensEnabled(config) }));
}

/** Routes under /ide/: the four vendor files, the page's script and, in development only, dev tokens. */
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
  }
  return router;
}
