import type { ApolloServerPlugin } from "@apollo/server";
import { currentLanguage, translate } from "@danvan/kit/i18n";
import { gatewayMessage } from "./messages.js";
import type { GatewayContext } from "./request-context.js";

/** Seconds a client waits before asking again when every database it needed was busy. */
export const BUSY_RETRY_AFTER_SECONDS = 1;

/**
 * An answer lost whole to busy databases (every error a subgraph's `DATABASE_BUSY`, no field
 * answered) is not a page with holes but a request to retry: HTTP 503, `Retry-After`, one error
 * `SERVICE_UNAVAILABLE` with `reason: DATABASE_BUSY` and the subgraphs it waited on. An answer with
 * any data keeps its fields and its per-field `SUBGRAPH_UNAVAILABLE` errors (HTTP 200).
 */
export function busyAnswerPlugin(): ApolloServerPlugin<GatewayContext> {
  return {
    async requestDidStart() {
      return {
        async willSendResponse({ response }) {
          if (response.body.kind !== "single") return;
          const { data, errors } = response.body.singleResult;
          if (!errors?.length) return;
          const busy = errors.every(
            (e) => e.extensions?.code === "SUBGRAPH_UNAVAILABLE" && e.extensions?.reason === "DATABASE_BUSY",
          );
          const answered = data != null && Object.values(data).some((v) => v !== null);
          if (!busy || answered) return;
          const services = [
            ...new Set(errors.map((e) => e.extensions?.serviceName).filter((s) => typeof s === "string")),
          ];
          response.http.status = 503;
          response.http.headers.set("retry-after", String(BUSY_RETRY_AFTER_SECONDS));
          response.body.singleResult = {
            errors: [
              {
                message: translate(gatewayMessage("databasesBusy"), currentLanguage()),
                extensions: { code: "SERVICE_UNAVAILABLE", reason: "DATABASE_BUSY", services },
              },
            ],
          };
        },
      };
    },
  };
}
