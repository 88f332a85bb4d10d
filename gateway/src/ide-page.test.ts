import assert from "node:assert/strict";
import fs from "node:fs";
import type { AddressInfo } from "node:net";
import vm from "node:vm";
import { after, before, describe, it } from "node:test";
import { catalogueKeys } from "@danvan/kit/i18n";
import { Role, seededHandlingOfficers } from "@danvan/kit/identity";
import { referenceUnits } from "@danvan/kit/units";
import express from "express";
import { createCallerTokenVerifier } from "./caller-token.js";
import type { GatewayConfig } from "./config.js";
import { durationSeconds, parseDevTokenOrder } from "./dev-tokens.js";
import { ideText, scriptMessages } from "./ide-messages.js";
import {
  DEFAULT_QUERY,
  defaultQuery,
  IDE_ASSET_PATHS,
  IDE_CONTENT_SECURITY_POLICY,
  languageSwitchHref,
  renderIdePage,
} from "./ide-page.js";
import { IDE_SCRIPT } from "./ide-script.js";
import { ideAssetFiles, ideRouter, sendIdePage } from "./ide-routes.js";
import { TEST_TOKEN_SECRET } from "./testing/fake-subgraph.js";

/** Just what the IDE routes read of the gateway's settings: a development gateway, or not. */
function ideConfig(development: boolean): GatewayConfig {
  return {
    nodeEnv: development ? "development" : "test",
    ideEnabled: true,
    token: {
      algorithms: ["HS256"],
      secret: TEST_TOKEN_SECRET,
      secretIsDevDefault: development,
      issuer: "danvan-dev",
      audience: "danvan-graph",
    },
  } as unknown as GatewayConfig;
}

/** The attribute's value, HTML entities decoded (the page escapes with numeric entities). */
function attribute(html: string, name: string): string {
  const m = new RegExp(`${name}="([^"]*)"`).exec(html);
  assert.ok(m, name);
  return m[1]!.replace(/&#(\d+);/g, (_, n: string) => String.fromCharCode(Number(n)));
}

describe("IDE page", () => {
  const html = renderIdePage({ endpoint: "/graphql", devTokens: true });

  it("references no absolute http(s) URL: everything is served by the gateway", () => {
    for (const text of [html, IDE_SCRIPT]) assert.doesNotMatch(text, /(https?:)?\/\/[a-z0-9.-]+/i);
    const srcs = [...html.matchAll(/(?:src|href)="([^"]+)"/g)].map((m) => m[1]);
    assert.deepEqual(srcs.sort(), [...IDE_ASSET_PATHS, "/graphql?lang=en"].sort());
  });

  it("loads the local React, ReactDOM and GraphiQL builds, and no inline script", () => {
    for (const asset of IDE_ASSET_PATHS) assert.ok(html.includes(`"${asset}"`), asset);
    assert.doesNotMatch(html, /<script>(?!<\/script>)/);
    assert.doesNotMatch(html, /<script(?![^>]*\ssrc=)[^>]*>/);
    assert.doesNotMatch(html, /\son[a-z]+=/i, "no inline event handler");
    assert.match(IDE_CONTENT_SECURITY_POLICY, /script-src 'self'(;|$)/);
    assert.match(IDE_CONTENT_SECURITY_POLICY, /connect-src 'self'(;|$)/);
    assert.match(IDE_CONTENT_SECURITY_POLICY, /form-action 'none'(;|$)/);
  });

  it("offers every role and explains where tokens come from (the silent npm form)", () => {
    for (const role of ["public", "officer", "handling-officer", "analyst", "admin"])
      assert.ok(html.includes(`value="${role}"`), role);
    assert.match(html, /npm run -s token -- --role &#60;role&#62;/);
    assert.match(html, /id="token"/);
    assert.match(html, /data-dev-tokens="\/ide\/dev-tokens"/);
    assert.match(html, /data-dev-token="\/ide\/dev-token"/);
    const plain = renderIdePage({ endpoint: "/graphql", devTokens: false });
    assert.doesNotMatch(plain, /data-dev-token/);
    assert.doesNotMatch(plain, /id="maker/, "no token maker outside development");
  });

  it("has the default query, and sends the token as a Bearer Authorization header", () => {
    assert.match(DEFAULT_QUERY, /administrativeUnits\(parentCode: "91"\) \{\s+code\s+name\s+kind\s+\}/);
    assert.ok(html.includes("administrativeUnits(parentCode: &#34;91&#34;)"), "the default query, escaped in the page");
    assert.match(IDE_SCRIPT, /headers\.authorization = "Bearer " \+ token/);
  });

  it("ships a page script that parses", () => {
    assert.doesNotThrow(() => new vm.Script(IDE_SCRIPT));
  });

  it("finds the vendor files in node_modules", () => {
    const files = ideAssetFiles();
    assert.deepEqual(Object.keys(files).sort(), [
      "graphiql.min.css",
      "graphiql.min.js",
      "react-dom.production.min.js",
      "react.production.min.js",
    ]);
    for (const file of Object.values(files)) assert.ok(fs.statSync(file).size > 1000, file);
  });
});

describe("IDE page in Vietnamese and English", () => {
  it("is Vietnamese by default, with a link to English", () => {
    const html = renderIdePage({ endpoint: "/graphql", devTokens: true });
    assert.match(html, /<html lang="vi">/);
    assert.match(html, /<title>Đồ thị Dân vận · GraphiQL<\/title>/);
    assert.match(html, />Vai trò\s/);
    assert.match(html, /<option value="handling-officer">cán bộ xử lý đơn<\/option>/);
    assert.match(html, /<summary>Tạo token<\/summary>/);
    assert.match(html, /<a id="lang-switch" href="\/graphql\?lang=en" lang="en" hreflang="en"[^>]*>English<\/a>/);
    assert.equal(attribute(html, "data-default-query"), defaultQuery("vi"));
    assert.match(defaultQuery("vi"), /^# Người dân xem được/);
  });

  it("is English with lang=en, with a link back to Vietnamese that keeps the rest of the URL", () => {
    const html = renderIdePage({ endpoint: "/graphql", devTokens: true, language: "en", search: "x=1&lang=en" });
    assert.match(html, /<html lang="en">/);
    assert.match(html, /<title>Dân vận graph · GraphiQL<\/title>/);
    assert.match(html, /<option value="handling-officer">handling officer<\/option>/);
    assert.match(html, /<summary>Make a token<\/summary>/);
    assert.match(html, /href="\/graphql\?x=1" lang="vi" hreflang="vi"[^>]*>Tiếng Việt<\/a>/);
    assert.equal(attribute(html, "data-default-query"), DEFAULT_QUERY);
    assert.equal(languageSwitchHref("/graphql", "?a=b&lang=vi", "en"), "/graphql?a=b&lang=en");
    assert.equal(languageSwitchHref("/graphql", "", "vi"), "/graphql");
  });

  it("gives the page's script its status lines in the page's language, none hard-coded", () => {
    for (const language of ["vi", "en"] as const) {
      const html = renderIdePage({ endpoint: "/graphql", devTokens: true, language });
      const messages = JSON.parse(attribute(html, "data-messages")) as Record<string, string>;
      assert.deepEqual(messages, scriptMessages(language));
    }
    const vi = scriptMessages("vi");
    assert.equal(vi.statusDev, "Đang gửi token phát triển cho vai trò {role}.");
    assert.equal(scriptMessages("en").statusDev, "Sending a development token for the role {role}.");
    for (const english of Object.values(scriptMessages("en"))) {
      // Prose: a fragment of two words or more around the placeholders.
      const fixed = english.split(/\{\w+\}/).find((part) => /\S+ \S+/.test(part.trim()));
      if (fixed) assert.ok(!IDE_SCRIPT.includes(fixed), `the script hard-codes "${fixed}"`);
    }
  });

  it("has every message in both languages, translated", () => {
    const en = catalogueKeys("ide", "en").sort();
    assert.deepEqual(catalogueKeys("ide", "vi").sort(), en);
    assert.ok(en.length > 40);
    for (const key of en) {
      assert.notEqual(ideText(key as never, "vi"), ideText(key as never, "en"), key);
    }
  });

  it("lists every reference unit by level in the token maker, with a commune's seeded handling officers", () => {
    const html = renderIdePage({ endpoint: "/graphql", devTokens: true });
    const select = /<select id="maker-unit"[^>]*>([\s\S]*?)<\/select>/.exec(html)?.[1] ?? "";
    const options = [...select.matchAll(/<option value="(\d*)"[^>]*>([^<]*)<\/option>/g)];
    // Today's province 91 and its 102 communes, then old An Giang's 168 units, and "none".
    assert.equal(options.length, 103 + referenceUnits.length + 1, "every unit, and none");
    assert.equal(options[0]![1], "");
    assert.equal(options[1]![1], "91");
    assert.match(select, /<option value="91" data-level="PROVINCE"[^>]*>91 · Tỉnh An Giang<\/option>/);
    assert.match(select, /<option value="31078" data-level="COMMUNE"[^>]*>\u00a0{4}31078 · Đặc khu Phú Quốc<\/option>/);
    assert.equal(options[104]![1], "89");
    assert.match(select, /<option value="883" data-level="DISTRICT">\u00a0{4}883 · Thành phố Long Xuyên<\/option>/);
    assert.match(
      select,
      new RegExp(
        `<option value="30280" data-level="COMMUNE" data-handlers="${seededHandlingOfficers("30280").join(" ")}">\u00a0{8}30280 · Phường Mỹ Bình</option>`,
      ),
    );
    assert.match(html, /<datalist id="maker-subjects">/);
    assert.match(html, /<input id="maker-sub"[^>]* list="maker-subjects"/);
  });
});

describe("IDE routes", () => {
  let base: string;
  let close: () => Promise<void>;

  before(async () => {
    const app = express();
    const dev = ideConfig(true);
    app.use("/ide", ideRouter(dev));
    app.get("/graphql", (_req, res) => sendIdePage(res, dev, "/graphql"));
    const plain = express.Router();
    plain.use("/ide", ideRouter(ideConfig(false)));
    app.use("/plain", plain);
    const server = app.listen(0, "127.0.0.1");
    await new Promise((resolve) => server.once("listening", resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    close = () => new Promise((resolve) => server.close(() => resolve()));
  });
  after(() => close());

  const order = (body: unknown, headers: Record<string, string> = {}) =>
    fetch(`${base}/ide/dev-token`, {
      method: "POST",
      headers: { "content-type": "application/json", ...headers },
      body: typeof body === "string" ? body : JSON.stringify(body),
    });

  async function refusal(res: Response): Promise<{ status: number; text: string; field: string; code: string }> {
    const text = await res.text();
    const body = JSON.parse(text) as { errors: { message: string; extensions: { code: string; field: string } }[] };
    return { status: res.status, text, field: body.errors[0]!.extensions.field, code: body.errors[0]!.extensions.code };
  }

  it("serves the page in Vietnamese, in English with ?lang=en, keeping the rest of the URL in the switch", async () => {
    const vi = await fetch(`${base}/graphql`);
    assert.equal(vi.headers.get("content-language"), "vi");
    assert.match(await vi.text(), /<html lang="vi">[\s\S]*href="\/graphql\?lang=en"[^>]*>English</);
    const en = await fetch(`${base}/graphql?tab=1&lang=en`);
    assert.equal(en.headers.get("content-language"), "en");
    assert.match(await en.text(), /<html lang="en">[\s\S]*href="\/graphql\?tab=1"[^>]*>Tiếng Việt</);
    const other = await fetch(`${base}/graphql?lang=fr`);
    assert.match(await other.text(), /<html lang="vi">/);
  });

  it("makes a handling officer's token for a commune, which the gateway's verifier accepts", async () => {
    const res = await order({ role: "handling-officer", unit: "30280", sub: "officer-30280-2", ttl: "15m" });
    assert.equal(res.status, 200);
    assert.equal(res.headers.get("cache-control"), "no-store");
    const made = (await res.json()) as { token: string; expiresAt: string; identity: unknown };
    assert.match(made.token, /^[\w-]+\.[\w-]+\.[\w-]+$/);
    assert.deepEqual(made.identity, { sub: "officer-30280-2", roles: [Role.HANDLING_OFFICER], unit: "30280" });
    const lifetime = Date.parse(made.expiresAt) - Date.now();
    assert.ok(lifetime > 14 * 60_000 && lifetime <= 15 * 60_000, String(lifetime));
    const identity = await createCallerTokenVerifier(ideConfig(true).token)(`Bearer ${made.token}`);
    assert.deepEqual(identity, { sub: "officer-30280-2", roles: [Role.HANDLING_OFFICER], unitCode: "30280" });
  });

  it("makes tokens for every role, with an organisation and defaults", async () => {
    const verify = createCallerTokenVerifier(ideConfig(true).token);
    const officer = (await (await order({ role: "officer", unit: "883", org: "MTTQ-883" })).json()) as {
      token: string;
    };
    assert.deepEqual(await verify(`Bearer ${officer.token}`), {
      sub: "dev-officer",
      roles: [Role.OFFICER],
      organisationId: "MTTQ-883",
      unitCode: "883",
    });
    for (const [role, roles] of [
      ["public", []],
      ["analyst", [Role.ANALYST]],
      ["admin", [Role.ADMIN]],
    ] as const) {
      const res = await order({ role, unit: "", org: "", sub: "" });
      assert.equal(res.status, 200, role);
      const { token } = (await res.json()) as { token: string };
      assert.deepEqual(await verify(`Bearer ${token}`), { sub: `dev-${role}`, roles }, role);
    }
  });

  it("refuses a bad order with 400, a code and the field, never echoing the value", async () => {
    const secret = "<wizard-d4e5f6>";
    const cases: [unknown, string][] = [
      [{ role: secret }, "role"],
      [{ role: 7 }, "role"],
      [{}, "role"],
      [{ role: "officer" }, "unit"],
      [{ role: "handling-officer", unit: "" }, "unit"],
      [{ role: "officer", unit: secret }, "unit"],
      [{ role: "officer", unit: "99999" }, "unit"],
      [{ role: "analyst", unit: 883 }, "unit"],
      [{ role: "officer", unit: "883", org: secret }, "org"],
      [{ role: "officer", unit: "883", sub: secret }, "sub"],
      [{ role: "officer", unit: "883", sub: "x".repeat(129) }, "sub"],
      [{ role: "admin", ttl: "31d" }, "ttl"],
      [{ role: "admin", ttl: secret }, "ttl"],
      [{ role: "admin", ttl: 60 }, "ttl"],
      [[secret], "body"],
      [`{"role": "${secret}`, "body"],
    ];
    for (const [body, field] of cases) {
      const r = await refusal(await order(body));
      assert.equal(r.status, 400, JSON.stringify(body));
      assert.equal(r.code, "BAD_USER_INPUT");
      assert.equal(r.field, field, JSON.stringify(body));
      assert.ok(!r.text.includes("wizard") && !r.text.includes("99999"), r.text);
    }
    const plainText = await fetch(`${base}/ide/dev-token`, {
      method: "POST",
      headers: { "content-type": "text/plain" },
      body: JSON.stringify({ role: "admin" }),
    });
    assert.equal((await refusal(plainText)).field, "body", "a form post is not an order");
  });

  it("answers a refusal in the caller's language", async () => {
    const vi = await refusal(await order({ role: "officer" }, { "accept-language": "vi" }));
    assert.match(JSON.parse(vi.text).errors[0].message, /^unit là bắt buộc/);
    const en = await refusal(await order({ role: "officer" }, { "accept-language": "en" }));
    assert.match(JSON.parse(en.text).errors[0].message, /^unit is required for officers/);
  });

  it("has no token routes outside development", async () => {
    assert.equal((await fetch(`${base}/plain/ide/dev-tokens`)).status, 404);
    const res = await fetch(`${base}/plain/ide/dev-token`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ role: "admin" }),
    });
    assert.equal(res.status, 404);
    assert.equal((await fetch(`${base}/plain/ide/ide.js`)).status, 200);
  });

  it("checks orders and lifetimes the same way without HTTP", () => {
    assert.deepEqual(parseDevTokenOrder({ role: "analyst" }), {
      ok: true,
      order: { role: "analyst", roles: [Role.ANALYST], sub: "dev-analyst", ttlSeconds: 3600 },
    });
    assert.equal(durationSeconds("30m"), 1800);
    assert.equal(durationSeconds("30d"), 30 * 86400);
    for (const bad of ["0m", "31d", "8", "h", "1.5h", "-1h"]) assert.equal(durationSeconds(bad), undefined, bad);
  });
});
