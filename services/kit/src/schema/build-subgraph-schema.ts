import { buildSubgraphSchema } from "@apollo/subgraph";
import type { GraphQLResolverMap } from "@apollo/subgraph/dist/schema-helper/resolverMap.js";
import { printSchemaWithDirectives } from "@graphql-tools/utils";
import { parse, type GraphQLSchema } from "graphql";
import {
  buildSchema,
  createResolversMap,
  getMetadataStorage,
  type BuildSchemaOptions,
  type NonEmptyArray,
} from "type-graphql";
import { RoleAuthChecker } from "../auth.js";
import { DateTimeScalar } from "../scalars.js";

export const FEDERATION_LINK =
  'extend schema @link(url: "https://specs.apollo.dev/federation/v2.7", import: ["@key", "@shareable", "@external", "@requires", "@provides", "@inaccessible", "@tag"])';

/** `__resolveReference` per entity type name. */
export type ReferenceResolvers = Record<
  string,
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  { __resolveReference: (reference: any, context: any, info: any) => unknown }
>;

export interface SubgraphSchemaOptions {
  // eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
  resolvers: NonEmptyArray<Function>;
  // eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
  orphanedTypes?: Function[];
  referenceResolvers?: ReferenceResolvers;
  buildOptions?: Partial<BuildSchemaOptions>;
}

/**
 * type-graphql classes → a federation 2 subgraph schema: build with type-graphql (auth
 * checker, class-validator on), print it with its directives, and hand the SDL and the
 * resolver map, plus the entity reference resolvers, to @apollo/subgraph.
 */
export async function buildFederatedSchema(opts: SubgraphSchemaOptions): Promise<GraphQLSchema> {
  // type-graphql keeps each class's fields in its global metadata once built, field resolvers'
  // fields included: a class shared by subgraphs (the kit's AdministrativeUnitRef) would carry
  // one subgraph's fields into the next built in the same process (npm run schema builds all
  // three). Each build starts from the classes' own @Field()s and adds only its resolvers'.
  for (const type of [...getMetadataStorage().objectTypes, ...getMetadataStorage().interfaceTypes]) {
    (type as { fields?: unknown }).fields = undefined;
  }
  const schema = await buildSchema({
    resolvers: opts.resolvers,
    orphanedTypes: opts.orphanedTypes,
    authChecker: RoleAuthChecker,
    validate: { forbidUnknownValues: false, validationError: { target: false, value: false } },
    scalarsMap: [{ type: Date, scalar: DateTimeScalar }],
    skipCheck: true,
    ...opts.buildOptions,
  });
  const typeDefs = parse(`${FEDERATION_LINK}\n\n${printSchemaWithDirectives(schema)}`);
  const resolvers = createResolversMap(schema) as GraphQLResolverMap<unknown>;
  for (const [typeName, ref] of Object.entries(opts.referenceResolvers ?? {})) {
    resolvers[typeName] = { ...(resolvers[typeName] as object), ...ref } as GraphQLResolverMap<unknown>[string];
  }
  return buildSubgraphSchema([{ typeDefs, resolvers }]);
}
