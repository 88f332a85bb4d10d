import { SUBGRAPH_NODE_ARGS } from "@danvan/kit";
import type { GeneratedFile, ScaffoldSpec } from "./spec.js";

/**
 * The files every subgraph has around its features, as organisations, programs and petitions
 * write them: package, compiler settings, definition, process entry, context, loaders, schema,
 * and the AdministrativeUnit it extends.
 */
export function serviceFiles(spec: ScaffoldSpec): GeneratedFile[] {
  const n = spec.names;
  const ctx = `${n.namePascal}Context`;
  const feature = `./${n.folder}/${n.fileStem}`;
  return [
    {
      path: "package.json",
      text: JSON.stringify(
        {
          name: `@danvan/${n.name}`,
          version: "0.1.0",
          private: true,
          description: `Subgraph owned by ${spec.owner ?? "an agency not yet named"}: ${n.words} records by administrative unit.`,
          type: "module",
          main: "./dist/src/index.js",
          types: "./dist/src/index.d.ts",
          scripts: { start: `node ${SUBGRAPH_NODE_ARGS.join(" ")} dist/src/main.js`, seed: "node dist/seed/main.js" },
          dependencies: spec.dependencies,
        },
        null,
        2,
      ),
    },
    {
      path: "tsconfig.json",
      text: JSON.stringify({
        extends: "../../tsconfig.base.json",
        compilerOptions: { rootDir: ".", outDir: "dist" },
        include: ["src/**/*.ts", "migrations/**/*.ts", "seed/**/*.ts"],
        references: [{ path: "../kit" }],
      }),
    },
    {
      path: "src/definition.ts",
      text: `import type { SubgraphDefinition } from "@danvan/kit";
import { migrations } from "../migrations/index.js";
import { createContext, type ${ctx} } from "./context.js";
import { entities } from "./entities.js";
import { build${n.namePascal}Schema } from "./schema.js";

export const ${n.name}Subgraph: SubgraphDefinition<${ctx}> = {
  name: "${n.name}",
  defaultPort: ${spec.port},
  entities,
  migrations,
  buildSchema: build${n.namePascal}Schema,
  createContext,
};
`,
    },
    {
      path: "src/main.ts",
      text: `import "reflect-metadata";
import { ConfigError, runSubgraph, stopOnSignals } from "@danvan/kit";
import { ${n.name}Subgraph } from "./definition.js";

try {
  const { server, logger } = await runSubgraph(${n.name}Subgraph);
  stopOnSignals(server, logger);
} catch (err) {
  console.error(err instanceof ConfigError ? err.message : err);
  process.exit(1);
}
`,
    },
    {
      path: "src/index.ts",
      text: `import "reflect-metadata";

export { ${n.name}Subgraph } from "./definition.js";
export { build${n.namePascal}Schema } from "./schema.js";
export { entities } from "./entities.js";
export { migrations } from "../migrations/index.js";
export { createContext, type ${ctx} } from "./context.js";
export { seed${n.namePascal}, type SeedScale } from "../seed/seed.js";
`,
    },
    {
      path: "src/context.ts",
      text: `import type { DataSource } from "typeorm";
import type { SubgraphContext } from "@danvan/kit";
import { createLoaders, type Loaders } from "./loaders.js";

/** Per-request context: the verified caller, the data source, and fresh DataLoaders. */
export interface ${ctx} extends SubgraphContext {
  readonly ds: DataSource;
  readonly loaders: Loaders;
}

export function createContext(base: SubgraphContext, ds: DataSource): ${ctx} {
  return { ...base, ds, loaders: createLoaders(ds) };
}
`,
    },
    {
      path: "src/entities.ts",
      text: `import { recordKeepingEntities } from "@danvan/kit";
import { ${n.entity} } from "${feature}.entity.js";

export const entities = [${n.entity}, ...recordKeepingEntities];
`,
    },
    {
      path: "src/loaders.ts",
      text: `import { In, type DataSource } from "typeorm";
import { keyedLoader, subtreeCodes } from "@danvan/kit";
import { ${n.entity} } from "${feature}.entity.js";

/** Every relation, reference and count of this subgraph goes through one of these per-request loaders. */
export function createLoaders(ds: DataSource) {
  const ${n.plural} = ds.getRepository(${n.entity});
  return {
    ${n.single}: keyedLoader<number, ${n.entity}>(
      (ids) => ${n.plural}.findBy({ id: In(ids) }),
      (row) => row.id,
    ),
    /** How many are recorded in each unit and the units below it: one grouped count for every unit of the request. */
    ${n.single}CountIn: keyedLoader<string, { unitCode: string; count: number }>(
      async (codes) => {
        const subtrees = new Map(codes.map((code) => [code, subtreeCodes(code)]));
        const rows = await ${n.plural}
          .createQueryBuilder("t")
          .select("t.unit_code", "unitCode")
          .addSelect("COUNT(*)", "count")
          .where("t.unit_code IN (:...units)", { units: [...new Set([...subtrees.values()].flat())] })
          .groupBy("t.unit_code")
          .getRawMany<{ unitCode: string; count: string | number }>();
        const perUnit = new Map(rows.map((r) => [r.unitCode, Number(r.count)]));
        return codes.map((code) => ({
          unitCode: code,
          count: subtrees.get(code)!.reduce((sum, c) => sum + (perUnit.get(c) ?? 0), 0),
        }));
      },
      (r) => r.unitCode,
    ),
  };
}

export type Loaders = ReturnType<typeof createLoaders>;
`,
    },
    {
      path: "src/schema.ts",
      text: `import type { GraphQLSchema } from "graphql";
import { buildFederatedSchema } from "@danvan/kit";
import { administrativeUnitReference } from "./federation/administrative-unit.ref.js";
import { AdministrativeUnit${n.namePascal}Resolver } from "./federation/administrative-unit.resolver.js";
import { ${n.entity}Resolver, ${n.single}Reference } from "${feature}.resolver.js";

/** The ${n.name} subgraph: owns ${n.entity}; adds ${n.single}Count to AdministrativeUnit (owned by organisations). */
export function build${n.namePascal}Schema(): Promise<GraphQLSchema> {
  return buildFederatedSchema({
    resolvers: [${n.entity}Resolver, AdministrativeUnit${n.namePascal}Resolver],
    referenceResolvers: {
      AdministrativeUnit: administrativeUnitReference,
      ${n.entity}: ${n.single}Reference,
    },
  });
}
`,
    },
    {
      path: "src/federation/administrative-unit.ref.ts",
      text: `import { Directive, Field, ID, ObjectType } from "type-graphql";
import { unitByCode } from "@danvan/kit";

/**
 * The organisations subgraph owns AdministrativeUnit; this subgraph adds fields to it.
 * Only the code lives here: every other field comes from organisations through the gateway.
 */
@ObjectType("AdministrativeUnit")
@Directive('@key(fields: "code")')
export class AdministrativeUnitRef {
  @Field(() => ID)
  code: string;
}

export function unitRef(code: string): AdministrativeUnitRef {
  return Object.assign(new AdministrativeUnitRef(), { code });
}

/** \`_entities\` for AdministrativeUnit here: a known reference unit, or null. */
export const administrativeUnitReference = {
  __resolveReference: (ref: { code: string }) => (unitByCode(ref.code) ? unitRef(ref.code) : null),
};
`,
    },
    {
      path: "src/federation/administrative-unit.resolver.ts",
      text: `import { Ctx, FieldResolver, Int, Resolver, Root } from "type-graphql";
import type { ${ctx} } from "../context.js";
import { AdministrativeUnitRef } from "./administrative-unit.ref.js";

/** What ${n.name} adds to every AdministrativeUnit: a public count (a figure, not a record). */
@Resolver(() => AdministrativeUnitRef)
export class AdministrativeUnit${n.namePascal}Resolver {
  @FieldResolver(() => Int, { description: "How many ${n.words} records this unit and the units below it hold." })
  async ${n.single}Count(@Root() unit: AdministrativeUnitRef, @Ctx() ctx: ${ctx}): Promise<number> {
    return (await ctx.loaders.${n.single}CountIn.load(unit.code))?.count ?? 0;
  }
}
`,
    },
  ];
}
