import { currentLanguage, translate } from "@danvan/kit/i18n";
import { gatewayMessage } from "./messages.js";
import fs from "node:fs";
import type { ApolloServerPlugin } from "@apollo/server";
import { InMemoryLRUCache, type KeyValueCache } from "@apollo/utils.keyvaluecache";
import { GraphQLError } from "graphql";
import { z } from "zod";
import type { Logger } from "@danvan/kit";
import { audienceOf } from "./limits.js";
import type { GatewayMetrics } from "./metrics.js";
import type { GatewayContext } from "./request-context.js";

const manifestSchema = z.object({
  format: z.literal("apollo-persisted-query-manifest"),
  version: z.literal(1),
  operations: z.array(
    z.object({
      id: z.string().regex(/^[0-9a-f]{64}$/),
      name: z.string(),
      type: z.enum(["query", "mutation", "subscription"]),
      body: z.string(),
    }),
  ),
});
export type OperationManifest = z.infer<typeof manifestSchema>;

/** Reads a persisted-operation manifest; a missing or malformed file stops the gateway at start. */
export function loadManifest(file: string): OperationManifest {
  let json: unknown;
  try {
    json = JSON.parse(fs.readFileSync(file, "utf8"));
  } catch (err) {
    throw new Error(`SAFELIST_MANIFEST: cannot read ${file} (${(err as Error).message})`);
  }
  const parsed = manifestSchema.safeParse(json);
  if (!parsed.success) throw new Error(`SAFELIST_MANIFEST: ${file} is not a persisted-operation manifest`);
  return parsed.data;
}

/**
 * The automatic-persisted-query cache, preloaded with the manifest: an app may send only an
 * operation's id (`extensions.persistedQuery.sha256Hash`). Apollo Server prefixes its keys with
 * "apq:" itself.
 */
export function manifestCache(manifest: OperationManifest): KeyValueCache<string> {
  const cache = new InMemoryLRUCache<string>();
  for (const op of manifest.operations) void cache.set(`apq:${op.id}`, op.body);
  return cache;
}

/**
 * Safelisting for production front-end apps: the public and officers may run only the
 * manifest's operations (by their exact text or their id); analysts and administrators keep
 * ad-hoc access, within their query budgets. Checked once the operation is resolved (a hook
 * whose errors carry their HTTP status); listed before the limits, so its code wins.
 */
export function safelistPlugin(
  manifest: OperationManifest,
  logger: Logger,
  metrics?: GatewayMetrics,
): ApolloServerPlugin<GatewayContext> {
  const allowed = new Set(manifest.operations.map((o) => o.id));
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ queryHash, contextValue }) {
          const audience = audienceOf(contextValue.identity);
          if (audience === "analyst" || audience === "admin" || allowed.has(queryHash)) return;
          logger.info({ requestId: contextValue.requestId, audience }, "operation refused: not in the safelist");
          metrics?.reject("not_safelisted", audience);
          throw new GraphQLError(translate(gatewayMessage("notSafelisted"), currentLanguage()), {
            extensions: { code: "OPERATION_NOT_SAFELISTED", http: { status: 400 } },
          });
        },
      };
    },
  };
}
