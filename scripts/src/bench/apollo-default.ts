// @danvan/gateway first: it sets APOLLO_TELEMETRY_DISABLED (its telemetry.ts) before @apollo/gateway loads.
import { createCallerTokenVerifier, loadConfig } from "@danvan/gateway";
import fs from "node:fs";
import { randomUUID } from "node:crypto";
import { ApolloGateway, RemoteGraphQLDataSource, type GraphQLDataSourceProcessOptions } from "@apollo/gateway";
import { ApolloServer } from "@apollo/server";
import { startStandaloneServer } from "@apollo/server/standalone";
import { ANONYMOUS, IDENTITY_HEADER, REQUEST_ID_HEADER, signIdentity, type Identity } from "@danvan/kit/identity";

/**
 * The benchmark's baseline: @apollo/gateway as its documentation sets it up (ApolloServer with
 * startStandaloneServer, the default RemoteGraphQLDataSource and fetcher, default caches), over
 * the same supergraph and subgraphs, doing only the per-request work the subgraphs require:
 * verify the caller's JWT, sign the identity into every subgraph fetch. None of this project's
 * gateway changes (fetch sharing, undici pool, budget cache, lean logging). Run as its own
 * process by the bench: PORT, PEER_SUPERGRAPH_PATH and the gateway's own variables.
 */
interface Context {
  identity: Identity;
  requestId: string;
}

const config = loadConfig(process.env);
const verify = createCallerTokenVerifier(config.token);

class SigningDataSource extends RemoteGraphQLDataSource<Context> {
  override async willSendRequest({ request, context }: GraphQLDataSourceProcessOptions<Context>): Promise<void> {
    const caller = (context as Partial<Context>).identity ? (context as Context) : undefined;
    const requestId = caller?.requestId ?? randomUUID();
    const token = await signIdentity(caller?.identity ?? ANONYMOUS, {
      secret: config.identitySecret,
      body: { query: request.query ?? "", variables: request.variables, operationName: request.operationName },
      requestId,
    });
    request.http?.headers.set(IDENTITY_HEADER, token);
    request.http?.headers.set(REQUEST_ID_HEADER, requestId);
  }
}

const gateway = new ApolloGateway({
  supergraphSdl: fs.readFileSync(process.env.PEER_SUPERGRAPH_PATH!, "utf8"),
  buildService: ({ url }) => new SigningDataSource({ url }),
});
const server = new ApolloServer<Context>({ gateway });
const { url } = await startStandaloneServer(server, {
  listen: { port: Number(process.env.PORT), host: "127.0.0.1" },
  context: async ({ req }) => ({ identity: await verify(req.headers.authorization), requestId: randomUUID() }),
});
console.log(`default @apollo/gateway listening at ${url}`);
process.on("SIGTERM", () => {
  void server.stop().finally(() => process.exit(0));
  setTimeout(() => process.exit(0), 2000).unref();
});
