import type { GeneratedFile, ScaffoldSpec } from "./spec.js";

/** migrations/ (the first migration: its table and the kit's audit and idempotency tables) and seed/. */
export function dataFiles(spec: ScaffoldSpec): GeneratedFile[] {
  const n = spec.names;
  const ts = spec.migrationTimestamp;
  const migration = `${n.namePascal}${ts}`;
  const ctx = `${n.namePascal}Context`;
  const entityImport = `../src/${n.folder}/${n.fileStem}.entity.js`;
  return [
    {
      path: `migrations/${ts}-${n.name}.ts`,
      text: `import { Table, TableIndex, type MigrationInterface, type QueryRunner } from "typeorm";
import { columnTypes, createRecordKeepingTables, dropRecordKeepingTables } from "@danvan/kit";

/** The ${n.table} table, and the kit's audit and idempotency tables (every subgraph's first migration). */
export class ${migration} implements MigrationInterface {
  name = "${migration}";

  async up(q: QueryRunner): Promise<void> {
    const t = columnTypes(q);
    await q.createTable(
      new Table({
        name: "${n.table}",
        columns: [
          { name: "id", type: "integer", isPrimary: true, isGenerated: true, generationStrategy: t.increment },
          { name: "name", type: "varchar", length: "200" },
          { name: "unit_code", type: "varchar", length: "10" },
          { name: "recorded_on", type: "date" },
        ],
        indices: [new TableIndex({ name: "ix_${n.table}_unit", columnNames: ["unit_code", "id"] })],
      }),
    );
    await createRecordKeepingTables(q);
  }

  async down(q: QueryRunner): Promise<void> {
    await dropRecordKeepingTables(q);
    await q.dropTable("${n.table}");
  }
}
`,
    },
    {
      path: "migrations/index.ts",
      text: `import { ${migration} } from "./${ts}-${n.name}.js";

/** Every migration, in order: one set for SQLite and PostgreSQL. */
export const migrations = [${migration}];
`,
    },
    {
      path: "seed/seed.ts",
      text: `import type { DataSource } from "typeorm";
import { referenceUnits } from "@danvan/kit/units";
import { insertAll, type SeedProgress } from "@danvan/kit/seeding";
import { ${n.entity} } from "${entityImport}";

export type SeedScale = "small" | "full";

/** Records per commune: the tests use the small dataset, \`npm start\` the full one. */
const PER_COMMUNE: Record<SeedScale, number> = { small: 2, full: 20 };

/** Every row of the dataset, made without randomness: the same on every machine. */
export function buildDataset(scale: SeedScale): ${n.entity}[] {
  const rows: ${n.entity}[] = [];
  for (const unit of referenceUnits.filter((u) => u.level === "COMMUNE")) {
    for (let i = 1; i <= PER_COMMUNE[scale]; i++) {
      rows.push(
        Object.assign(new ${n.entity}(), {
          name: \`${capitalised(n.words)} \${i}, \${unit.name}\`,
          unitCode: unit.code,
          recordedOn: \`2020-\${String(((i - 1) % 12) + 1).padStart(2, "0")}-15\`,
        }),
      );
    }
  }
  return rows;
}

/** Loads the deterministic dataset in one transaction: all of it or nothing. */
export async function seed${n.namePascal}(
  ds: DataSource,
  opts: { scale?: SeedScale; progress?: SeedProgress } = {},
): Promise<Record<string, number>> {
  const rows = buildDataset(opts.scale ?? "full");
  await ds.transaction((m) => insertAll(m, ${n.entity}, "${n.table}", rows, opts.progress));
  return { ${n.table}: rows.length };
}

/** True when the database already holds the dataset. */
export async function isSeeded(ds: DataSource): Promise<boolean> {
  return (await ds.getRepository(${n.entity}).count()) > 0;
}
`,
    },
    {
      path: "seed/main.ts",
      text: `import "reflect-metadata";
import { runSeedCli } from "@danvan/kit/seeding";
import { ${n.name}Subgraph } from "../src/definition.js";
import type { ${ctx} } from "../src/context.js";
import { isSeeded, seed${n.namePascal}, type SeedScale } from "./seed.js";

await runSeedCli<${ctx}, SeedScale>(${n.name}Subgraph, {
  scales: ["small", "full"],
  defaultScale: "full",
  seed: (ds, { scale, progress }) => seed${n.namePascal}(ds, { scale, progress }),
  isSeeded,
});
`,
    },
  ];
}

const capitalised = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);
