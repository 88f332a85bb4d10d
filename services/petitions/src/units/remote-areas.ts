import { z } from "zod";
import { illustrativeRemoteCommunes, parseEnv, type Logger } from "@danvan/kit";

/**
 * Whether a commune is a remote area (vùng sâu, vùng xa) on the day a petition arrives: it
 * lengthens complaint deadlines (Luật Khiếu nại 2011, art. 28 and 37), so petitions must use the
 * flag the organisations subgraph holds, including an administrator's `setRemoteArea` made
 * minutes ago. The petitions subgraph asks the graph for it as any client would (public data,
 * no token), through `UNIT_REGISTRY_URL` (the gateway's /graphql).
 *
 * When the graph cannot answer in time, receipt does not fail: the flag is the last one the graph
 * gave for that commune, else the copy of the reference list this subgraph carries, and a warning
 * names the commune (never anything about the citizen).
 */
export class RemoteAreaLookup {
  private readonly lastSeen = new Map<string, boolean>();
  private readonly reference = illustrativeRemoteCommunes();

  constructor(
    private readonly registryUrl: string | undefined,
    private readonly timeoutMs: number,
  ) {}

  get source(): "graph" | "reference copy" {
    return this.registryUrl ? "graph" : "reference copy";
  }

  async isRemoteArea(communeCode: string, logger: Logger): Promise<boolean> {
    if (!this.registryUrl) return this.reference.has(communeCode);
    try {
      const flag = await this.ask(communeCode);
      this.lastSeen.set(communeCode, flag);
      return flag;
    } catch (err) {
      const known = this.lastSeen.get(communeCode);
      logger.warn(
        { commune: communeCode, reason: err instanceof Error ? err.message : String(err) },
        `unit registry did not answer; remote-area flag taken from the ${known === undefined ? "reference copy" : "last answer"}`,
      );
      return known ?? this.reference.has(communeCode);
    }
  }

  private async ask(communeCode: string): Promise<boolean> {
    const res = await fetch(this.registryUrl!, {
      method: "POST",
      headers: { "content-type": "application/json", "x-client": "petitions-subgraph" },
      body: JSON.stringify({
        operationName: "PetitionsRemoteArea",
        query: "query PetitionsRemoteArea($code: ID!) { administrativeUnit(code: $code) { isRemoteArea } }",
        variables: { code: communeCode },
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
