import type { ApolloServerPlugin } from "@apollo/server";
import { isAnonymous } from "../identity/identity.js";
import type { SubgraphContext } from "../context.js";

/**
 * Cache hints for the gateway's response cache. What the public may read is public data: a
 * query answered for an anonymous caller carries `Cache-Control: max-age=<publicMaxAge>, public`
 * (Apollo's cache-control plugin writes the header from the policy set here); anything else —
 * a caller with a token, a mutation — is marked uncacheable, whatever a field's hint says.
 * The gateway combines every subgraph's header into the operation's policy, so an operation
 * is cached only when each subgraph it touched allowed it. `publicMaxAge` 0 turns hints off.
 */
export function publicCacheHintsPlugin<C extends SubgraphContext>(publicMaxAge: number): ApolloServerPlugin<C> {
  return {
    async requestDidStart() {
      return {
        // Before execution: a policy already set there makes Apollo's cache-control plugin keep it.
        async didResolveOperation({ contextValue, operation, overallCachePolicy }) {
          const cacheable = publicMaxAge > 0 && operation?.operation === "query" && isAnonymous(contextValue.identity);
          if (cacheable) overallCachePolicy.replace({ maxAge: publicMaxAge, scope: "PUBLIC" });
          else overallCachePolicy.restrict({ maxAge: 0, scope: "PRIVATE" });
        },
      };
    },
  };
}
