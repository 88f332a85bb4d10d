#!/usr/bin/env node
/**
 * Prints a development caller token, so that a newcomer can try every role (IDE page, curl).
 * It signs with the HS256 secret the gateway verifies with (JWT_SECRET, else the generated
 * development secret) and never starts the gateway.
 *
 *   npm run token -- --role officer --unit 883 --org HND-883 --sub alice --ttl 8h
 */
import { Command, InvalidArgumentError, Option } from "commander";
import type { Role } from "@danvan/kit/identity";
import { issueDevToken, ROLE_NAMES, rolesFromName } from "../caller-token.js";
import { ConfigError, loadTokenSettings } from "../config.js";

const MAX_TTL_SECONDS = 30 * 24 * 3600;
const UNIT_SCOPED: readonly Role[] = ["OFFICER", "HANDLING_OFFICER"];

function parseRoles(value: string): Role[] {
  const roles: Role[] = [];
  for (const name of value.split(",")) {
    const parsed = rolesFromName(name);
    if (!parsed) throw new InvalidArgumentError(`unknown role "${name.trim()}" (use ${ROLE_NAMES.join(", ")})`);
    roles.push(...parsed);
  }
  return [...new Set(roles)];
}

function parseTtl(value: string): number {
  const m = /^(\d+)(s|m|h|d)$/.exec(value.trim());
  const seconds = m ? Number(m[1]) * { s: 1, m: 60, h: 3600, d: 86400 }[m[2] as "s" | "m" | "h" | "d"] : NaN;
  if (!(seconds > 0 && seconds <= MAX_TTL_SECONDS)) {
    throw new InvalidArgumentError("use a duration like 30m, 8h or 7d (at most 30d)");
  }
  return seconds;
}

function formatDuration(seconds: number): string {
  for (const [unit, size] of [
    ["d", 86400],
    ["h", 3600],
    ["m", 60],
  ] as const) {
    if (seconds % size === 0) return `${seconds / size}${unit}`;
  }
  return `${seconds}s`;
}

interface Options {
  role: Role[];
  unit?: string;
  org?: string;
  sub?: string;
  ttl: number;
}

const program = new Command()
  .name("issue-token")
  .description(
    "Print a development caller token (HS256 JWT) that the gateway accepts.\n" +
      "Send it as `Authorization: Bearer <token>`, or paste it into the IDE page's token box.\n" +
      "The secret is JWT_SECRET, else the development secret in data/dev-secrets.json;\n" +
      "JWT_ISSUER and JWT_AUDIENCE must match the gateway's (defaults: danvan-dev, danvan-graph).",
  )
  .requiredOption(
    "-r, --role <role>",
    `${ROLE_NAMES.join(" | ")} (case-insensitive; a comma list gives several roles)`,
    parseRoles,
  )
  .option("-u, --unit <code>", "administrative unit code of the caller's scope, e.g. 883 (required for officers)")
  .option("-o, --org <id>", "organisation id the caller works for, e.g. HND-883")
  .option("-s, --sub <subject>", "subject of the token (default: dev-<role>)")
  .addOption(
    new Option("-t, --ttl <duration>", "lifetime: 30m, 8h, 7d (at most 30d)")
      .argParser(parseTtl)
      .default(8 * 3600, "8h"),
  )
  .addHelpText(
    "after",
    "\nExamples:\n" +
      "  npm run token -- --role public\n" +
      "  npm run token -- --role officer --unit 883 --org HND-883 --sub alice --ttl 8h\n" +
      "  npm run token -- --role handling-officer --unit 883\n" +
      "  npm run token -- --role analyst\n" +
      "  npm run token -- --role admin\n",
  )
  .showHelpAfterError("(run with --help for usage)");

async function main(): Promise<void> {
  program.parse();
  const opts = program.opts<Options>();
  const ttl = opts.ttl;
  if (opts.role.some((r) => UNIT_SCOPED.includes(r)) && !opts.unit) {
    program.error("error: officers need --unit <code> (the administrative unit of their scope, e.g. 883)");
  }
  if (opts.unit !== undefined && !/^\d{2,5}$/.test(opts.unit)) {
    program.error("error: --unit takes an administrative unit code: 2 to 5 digits, e.g. 89, 883, 30280");
  }
  const settings = loadTokenSettings(process.env);
  const secret = settings.secret;
  if (!secret) {
    return program.error(
      `error: JWT_ALGORITHMS (${settings.algorithms.join(",")}) has no HS algorithm: this command signs HS256 tokens only`,
    );
  }
  if (!settings.algorithms.includes("HS256")) {
    process.stderr.write("warning: JWT_ALGORITHMS does not include HS256; the gateway will refuse this token\n");
  }
  const roleLabel = opts.role.length ? opts.role.map((r) => r.toLowerCase().replace(/_/g, "-")).join("+") : "public";
  const sub = opts.sub ?? `dev-${roleLabel}`;
  const token = await issueDevToken(
    { sub, roles: opts.role, ...(opts.unit ? { unit: opts.unit } : {}), ...(opts.org ? { org: opts.org } : {}), ttl },
    secret,
    settings.issuer,
    settings.audience,
  );
  // The token alone on stdout, so that TOKEN=$(npm run -s token -- --role admin) works.
  process.stdout.write(`${token}\n`);
  process.stderr.write(
    `token for ${roleLabel} (sub ${sub}${opts.unit ? `, unit ${opts.unit}` : ""}${opts.org ? `, org ${opts.org}` : ""}), valid ${formatDuration(ttl)}\n`,
  );
}

main().catch((err: unknown) => {
  process.stderr.write(
    `${err instanceof ConfigError ? err.message : `issue-token: ${(err as Error).message ?? String(err)}`}\n`,
  );
  process.exit(1);
});
