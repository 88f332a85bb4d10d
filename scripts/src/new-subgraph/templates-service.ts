import { SUBGRAPH_NODE_ARGS } from "@danvan/kit";
import type { GeneratedFile, ScaffoldSpec } from "./spec.js";

/**
 * The files every subgraph has around its features, as organisations, programs and petitions
 * write them: package, compiler settings, definition, process entry, context, the loaders'
 * assembly, messages, schema, and its fields on AdministrativeUnit (the entity itself, by key
 * only, is the kit's: "@danvan/kit/federation").
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

// What other packages use: the subgraph's definition (scripts start, seed and test it).
export { ${n.name}Subgraph } from "./definition.js";
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
      path: "src/messages.ts",
      text: `// The catalogue is plain data plus i18next: imported from the kit's i18n entry point (not the
// kit's root, which brings GraphQL and TypeORM).
import { defineMessages } from "@danvan/kit/i18n";

/**
 * The ${n.name} subgraph's own messages, in English and Vietnamese (the kit's \`kitMessage\` has
 * the shared ones: notFound, notAnId, outOfScope, ...). None names a value a client sent.
 */
export const ${n.name}Message = defineMessages(
  "${n.name}",
  {
    // Things a message may name (kitMessage("notFound", { thing }), "notAnId", "outOfScope").
    thing${n.entity}: "${n.words} record",
  },
  {
    // The scaffold knows the English words only: name the record in Vietnamese here.
    thing${n.entity}: "bản ghi",
  },
);
`,
    },
    {
      path: "src/loaders.ts",
      text: `import type { DataSource } from "typeorm";
import { ${n.single}Loaders } from "${feature}.loader.js";

/** Every relation, reference and count of this subgraph goes through one of these per-request loaders. */
export function createLoaders(ds: DataSource) {
  return {
    ...${n.single}Loaders(ds),
  };
}

export type Loaders = ReturnType<typeof createLoaders>;
`,
    },
    {
      path: "src/schema.ts",
      text: `import type { GraphQLSchema } from "graphql";
import { buildFederatedSchema } from "@danvan/kit";
import { administrativeUnitReference } from "@danvan/kit/federation";
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
      path: "src/federation/administrative-unit.resolver.ts",
      text: `import { Ctx, FieldResolver, Int, Resolver, Root } from "type-graphql";
import { AdministrativeUnitRef } from "@danvan/kit/federation";
import type { ${ctx} } from "../context.js";

/** What ${n.name} adds to every AdministrativeUnit: a public count (a figure, not a record). */
@Resolver(() => AdministrativeUnitRef)
export class AdministrativeUnit${n.namePascal}Resolver {
  @FieldResolver(() => Int, { description: "How many ${n.words} records this unit and the units below it hold." })
  async ${n.single}Count(@Root() unit: AdministrativeUnitRef, @Ctx() ctx: ${ctx}): Promise<number> {
    return (await ctx.loaders.${n.single}CountIn.load(\`\${unit.code}@\${unit.validFrom}\`))?.count ?? 0;
  }
}
`,
    },
  ];
}
