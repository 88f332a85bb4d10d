import { z } from "zod";
import {
  illustrativeRemoteCommunes,
  parseEnv,
  remoteAreaFlags,
  unitOn,
  unitVersionKey,
  type Logger,
} from "@danvan/kit";

/**
 * Whether a commune is a remote area (vùng sâu, vùng xa) on the day a petition is received: it
 * lengthens complaint deadlines (Luật Khiếu nại 2011, art. 28 and 37), so petitions must use the
 * flag the organisations subgraph holds, including an administrator's `setRemoteArea` made
 * minutes ago. The flag is the one of the commune version in force on the receipt date (a code
 * is reused: 30307 was Phường Mỹ Hòa until 2025-06-30 and is Phường Long Xuyên from 2025-07-01),
 * so the petitions subgraph asks the graph for `administrativeUnit(code:, asOf: receivedOn)`, as
 * any client would (public data, no token), through `UNIT_REGISTRY_URL` (the gateway's /graphql).
 *
 * When the graph cannot answer in time, receipt does not fail: the flag is the last one the graph
 * gave for that version, else the kit's reference flags (`remoteAreaFlags` over the illustrative
 * list), and a warning names the commune (never anything about the citizen).
 */
export class RemoteAreaLookup {
  /** By version, `code@validFrom`. */
  private readonly lastSeen = new Map<string, boolean>();
  private readonly reference = remoteAreaFlags(illustrativeRemoteCommunes());

  constructor(
    private readonly registryUrl: string | undefined,
    private readonly timeoutMs: number,
  ) {}

  get source(): "graph" | "reference copy" {
    return this.registryUrl ? "graph" : "reference copy";
  }

  /** The flag of the version of `communeCode` in force on `on` (the receipt date). */
  async isRemoteArea(communeCode: string, on: string, logger: Logger): Promise<boolean> {
    const version = unitOn(communeCode, on);
    const key = version ? unitVersionKey(version) : `${communeCode}@${on}`;
    const reference = () => this.reference.get(key) ?? false;
    if (!this.registryUrl) return reference();
    try {
      const flag = await this.ask(communeCode, on);
      this.lastSeen.set(key, flag);
      return flag;
    } catch (err) {
      const known = this.lastSeen.get(key);
      logger.warn(
        { commune: communeCode, reason: err instanceof Error ? err.message : String(err) },
        `unit registry did not answer; remote-area flag taken from the ${known === undefined ? "reference copy" : "last answer"}`,
      );
      return known ?? reference();
    }
  }

  private async ask(communeCode: string, on: string): Promise<boolean> {
    const res = await fetch(this.registryUrl!, {
      method: "POST",
      headers: { "content-type": "application/json", "x-client": "petitions-subgraph" },
      body: JSON.stringify({
        operationName: "PetitionsRemoteArea",
        query:
          "query PetitionsRemoteArea($code: ID!, $on: Date!) { administrativeUnit(code: $code, asOf: $on) { isRemoteArea } }",
        variables: { code: communeCode, on },
      }),
      signal: AbortSignal.timeout(this.timeoutMs),
    });
    const body = (await res.json().catch(() => null)) as {
      data?: { administrativeUnit?: { isRemoteArea?: unknown } | null };
    } | null;
    const flag = body?.data?.administrativeUnit?.isRemoteArea;
    if (typeof flag !== "boolean") throw new Error(`HTTP ${res.status} without the flag`);
    return flag;
  }
}

/** The settings of the remote-area lookup (documented in .env.example). */
export const remoteAreaSettings = z.object({
  UNIT_REGISTRY_URL: z.url({ protocol: /^https?$/ }).optional(),
  UNIT_REGISTRY_TIMEOUT_MS: z.coerce.number().int().min(50).max(30_000).default(2000),
});

/** A lookup configured from the environment; a bad UNIT_REGISTRY_URL is a ConfigError. */
export function remoteAreaLookupFrom(env: NodeJS.ProcessEnv): RemoteAreaLookup {
  const e = parseEnv("petitions", remoteAreaSettings, env);
  return new RemoteAreaLookup(e.UNIT_REGISTRY_URL, e.UNIT_REGISTRY_TIMEOUT_MS);
}

let shared: RemoteAreaLookup | undefined;

/** The process's lookup, configured from its environment on first use. */
export function remoteAreas(): RemoteAreaLookup {
  return (shared ??= remoteAreaLookupFrom(process.env));
}
