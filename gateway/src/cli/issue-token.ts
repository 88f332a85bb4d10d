#!/usr/bin/env node
/**
 * Prints a development caller token, so that a newcomer can try every role (IDE page, curl).
 * It signs with the HS256 secret the gateway verifies with (JWT_SECRET, else the generated
 * development secret) and never starts the gateway. The token alone goes to stdout, everything
 * else to stderr, so that `TOKEN=$(npm run -s token -- --role analyst)` captures just the token
 * (`-s` keeps npm's own "> danvan@0.1.0 token" lines out of stdout).
 *
 *   npm run -s token -- --role officer --unit 883 --org HND-883 --sub alice --ttl 8h
 *   npm run -s token -- --role handling-officer --unit 30280 --sub officer-30280-1
 *   npm run -s token -- --list-handlers 30280
 */
import { Command, InvalidArgumentError, Option } from "commander";
import { seededHandlingOfficers, type Role } from "@danvan/kit/identity";
import { unitByCode } from "@danvan/kit/units";
import { issueDevToken, ROLE_NAMES, rolesFromName } from "../caller-token.js";
import { ConfigError, loadTokenSettings } from "../config.js";
import { durationSeconds, UNIT_SCOPED_ROLES } from "../dev-tokens.js";

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
  const seconds = durationSeconds(value);
  if (seconds === undefined) throw new InvalidArgumentError("use a duration like 30m, 8h or 7d (at most 30d)");
  return seconds;
}

/** A reference unit's code (89, 883, 30280, ...). */
function parseUnit(value: string): string {
  const code = value.trim();
  if (!/^\d{2,5}$/.test(code)) {
    throw new InvalidArgumentError("use an administrative unit code: 2 to 5 digits, e.g. 89, 883, 30280");
  }
  if (!unitByCode(code)) throw new InvalidArgumentError(`no administrative unit of An Giang has the code ${code}`);
  return code;
}

/** A commune's code, for --list-handlers. */
function parseCommune(value: string): string {
  const code = parseUnit(value);
  if (unitByCode(code)?.level !== "COMMUNE") {
    throw new InvalidArgumentError(`${code} is not a commune: handling officers are seeded per commune (5 digits)`);
  }
  return code;
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
  role?: Role[];
  listHandlers?: string;
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
  .option(
    "-r, --role <role>",
    `${ROLE_NAMES.join(" | ")} (case-insensitive; a comma list gives several roles); required`,
    parseRoles,
  )
  .option(
    "-u, --unit <code>",
    "administrative unit code of the caller's scope, e.g. 883 or 30280 (required for officers and handling officers)",
    parseUnit,
  )
  .option("-o, --org <id>", "organisation id the caller works for, e.g. HND-883")
  .option("-s, --sub <subject>", "subject of the token (default: dev-<role>)")
  .addOption(
    new Option("-t, --ttl <duration>", "lifetime: 30m, 8h, 7d (at most 30d)")
      .argParser(parseTtl)
      .default(8 * 3600, "8h"),
  )
  .option(
    "--list-handlers <commune>",
    "print the subjects the petitions seed gives the commune's handling officers, one a line, and exit",
    parseCommune,
  )
  .addHelpText(
    "after",
    "\nExamples:\n" +
      "  npm run -s token -- --role public\n" +
      "  npm run -s token -- --role officer --unit 883 --org HND-883 --sub alice --ttl 8h\n" +
      "  npm run -s token -- --role handling-officer --unit 30280 --sub officer-30280-1\n" +
      "  npm run -s token -- --role analyst\n" +
      "  npm run -s token -- --role admin\n" +
      "  npm run -s token -- --list-handlers 30280     # officer-30280-1, -2, -3\n" +
      '  curl -H "authorization: Bearer $(npm run -s token -- --role analyst)" ...\n' +
      "\nThe token alone goes to stdout (everything else to stderr); `npm run -s` keeps npm's own\n" +
      "lines out of it. A handling officer sees the petitions whose handler is their subject: the\n" +
      `seed gives each commune's petitions to ${seededHandlingOfficers("<commune>").join(", ")}.\n`,
  )
  .showHelpAfterError("(run with --help for usage)");

async function main(): Promise<void> {
  program.parse();
  const opts = program.opts<Options>();
  if (opts.listHandlers) {
    process.stdout.write(`${seededHandlingOfficers(opts.listHandlers).join("\n")}\n`);
    return;
  }
  if (!opts.role) return program.error("error: required option '-r, --role <role>' not specified");
  const roles = opts.role;
  const ttl = opts.ttl;
  if (roles.some((r) => UNIT_SCOPED_ROLES.includes(r)) && !opts.unit) {
    program.error(
      "error: officers and handling officers need --unit <code> (the administrative unit of their scope, e.g. 883 or 30280)",
    );
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
  const roleLabel = roles.length ? roles.map((r) => r.toLowerCase().replace(/_/g, "-")).join("+") : "public";
  const sub = opts.sub ?? `dev-${roleLabel}`;
  const token = await issueDevToken(
    { sub, roles, ...(opts.unit ? { unit: opts.unit } : {}), ...(opts.org ? { org: opts.org } : {}), ttl },
    secret,
    settings.issuer,
    settings.audience,
  );
  // The token alone on stdout, so that TOKEN=$(npm run -s token -- --role admin) works.
  process.stdout.write(`${token}\n`);
  process.stderr.write(
    `token for ${roleLabel} (sub ${sub}${opts.unit ? `, unit ${opts.unit}` : ""}${opts.org ? `, org ${opts.org}` : ""}), valid ${formatDuration(ttl)}\n`,
  );
  if (roles.includes("HANDLING_OFFICER") && !opts.sub && opts.unit && unitByCode(opts.unit)?.level === "COMMUNE") {
    process.stderr.write(
      `hint: the seeded petitions of ${opts.unit} are handled by ${seededHandlingOfficers(opts.unit).join(", ")} (use --sub)\n`,
    );
  }
}

main().catch((err: unknown) => {
  process.stderr.write(
    `${err instanceof ConfigError ? err.message : `issue-token: ${(err as Error).message ?? String(err)}`}\n`,
  );
  process.exit(1);
});
