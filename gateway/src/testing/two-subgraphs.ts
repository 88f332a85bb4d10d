/**
 * A two-subgraph federation for the gateway's end-to-end test: "organisations" owns
 * AdministrativeUnit and answers a few probe fields (who am I, an SQL-looking failure, a
 * FORBIDDEN, a slow field); "programs" extends the unit, so plans need an `_entities` fetch.
 */
import type { VerifiedIdentity } from "@danvan/kit/identity";
import { GraphQLError } from "graphql";
import { startFakeSubgraph, TEST_IDENTITY_SECRET, type FakeSubgraph } from "./fake-subgraph.js";

/** Answers to queries that mention "slow" take this long. */
export const SLOW_MS = 3000;

const FED = `extend schema @link(url: "https://specs.apollo.dev/federation/v2.3", import: ["@key"])`;

const UNITS = [
  { code: "883", name: "Thành phố Long Xuyên", level: "DISTRICT" },
  { code: "884", name: "Thành phố Châu Đốc", level: "DISTRICT" },
  { code: "30280", name: "Phường Mỹ Bình", level: "COMMUNE" },
];

export async function startSubgraphs(): Promise<FakeSubgraph[]> {
  const organisations = await startFakeSubgraph({
    name: "organisations",
    identitySecret: TEST_IDENTITY_SECRET,
    typeDefs: `${FED}
      enum UnitLevel { PROVINCE DISTRICT COMMUNE }
      type AdministrativeUnit @key(fields: "code") { code: ID! name: String! level: UnitLevel! }
      type Caller { sub: String! roles: [String!]! unit: String org: String requestId: String! }
      scalar Date
      input Person { fullName: String! idNumber: String }
      input Filter { level: UnitLevel! person: Person since: Date }
      type Query {
        administrativeUnits(level: UnitLevel): [AdministrativeUnit!]!
        unitsSince(from: Date!, filter: Filter): [AdministrativeUnit!]!
        whoami: Caller!
        broken: String
        forbidden: String
        slow: String
      }`,
    resolvers: {
      Query: {
        administrativeUnits: (_: unknown, { level }: { level?: string }) =>
          UNITS.filter((u) => !level || u.level === level),
        whoami: (_: unknown, __: unknown, ctx: VerifiedIdentity) => ({
          sub: ctx.identity.sub,
          roles: ctx.identity.roles,
          unit: ctx.identity.unitCode,
          org: ctx.identity.organisationId,
          requestId: ctx.requestId,
        }),
        broken: () => {
          throw new Error(
            'SQLITE_ERROR: no such column "denouncer_name" in SELECT * FROM petitions at /srv/danvan/petition.ts:42',
          );
        },
        forbidden: () => {
          throw new GraphQLError("You are not allowed to do this", { extensions: { code: "FORBIDDEN" } });
        },
        slow: () => "too late",
        unitsSince: () => UNITS,
      },
      AdministrativeUnit: { __resolveReference: (ref: { code: string }) => UNITS.find((u) => u.code === ref.code) },
    },
    delayMs: (body) => (body.query?.includes("slow") ? SLOW_MS : 0),
  });
  const programs = await startFakeSubgraph({
    name: "programs",
    identitySecret: TEST_IDENTITY_SECRET,
    typeDefs: `${FED}
      type AdministrativeUnit @key(fields: "code") { code: ID! poorRate: Float! }`,
    resolvers: {
      AdministrativeUnit: {
        __resolveReference: (ref: { code: string }) => ({ code: ref.code }),
        poorRate: (unit: { code: string }) => (unit.code === "883" ? 0.0263 : 0.05),
      },
    },
  });
  return [organisations, programs];
}
