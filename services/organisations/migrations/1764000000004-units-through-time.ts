import { Table, TableForeignKey, TableIndex, type MigrationInterface, type QueryRunner } from "typeorm";
import { referenceUnits, RECORDS_BEGIN } from "@danvan/kit/units";
import { successionRows, unitVersionRows } from "../src/units/unit-timeline-rows.js";

/**
 * Units through time (issue 27): a unit is its code and its validity, so the table's key becomes
 * (code, valid_from) and holds every version in the kit's timeline (old An Giang's 2021–2025
 * changes, old Kiên Giang's units, the merged province 91 and its 102 communes from 2025-07-01),
 * with the successions between them. Committees keep their unit's code (the foreign key to a
 * code alone goes: a code is no longer unique). The remote-area flags already set carry over to
 * every version of their code before 2025-07-01; the new units take the kit's illustrative rule.
 * On an empty database the seed loads them.
 */
export class UnitsThroughTime1764000000004 implements MigrationInterface {
  name = "UnitsThroughTime1764000000004";

  async up(q: QueryRunner): Promise<void> {
    const before: { code: string; remote: boolean | number; version: number }[] = await q.query(
      `SELECT "code", "is_remote_area" AS "remote", "version" FROM "administrative_unit"`,
    );
    const remote = new Set(before.filter((r) => r.remote === true || Number(r.remote) === 1).map((r) => r.code));
    const versionOf = new Map(before.map((r) => [r.code, Number(r.version)]));
    await dropOrganisationUnitKey(q);
    await q.dropTable("administrative_unit");
    await q.createTable(unitTable(true));
    await q.createTable(
      new Table({
        name: "administrative_unit_succession",
        columns: [
          { name: "from_code", type: "varchar", length: "10", isPrimary: true },
          { name: "from_valid_from", type: "date", isPrimary: true },
          { name: "to_code", type: "varchar", length: "10", isPrimary: true },
          { name: "to_valid_from", type: "date" },
          { name: "share", type: "varchar", length: "5" },
        ],
        indices: [new TableIndex({ name: "ix_unit_succession_to", columnNames: ["to_code", "to_valid_from"] })],
      }),
    );
    // An empty table is a new database: the seed loads the units and their successions.
    if (before.length === 0) return;
    const rows = unitVersionRows(remote).map((u) => ({
      ...u,
      // The version an administrator last saw stays the expected one for the code's old versions.
      version: u.validFrom < "2025-07-01" ? (versionOf.get(u.code) ?? 1) : 1,
    }));
    await insertChunks(
      q,
      "administrative_unit",
      rows.map((u) => unitColumns(q, u)),
    );
    await insertChunks(
      q,
      "administrative_unit_succession",
      successionRows().map((s) => ({
        from_code: s.fromCode,
        from_valid_from: s.fromValidFrom,
        to_code: s.toCode,
        to_valid_from: s.toValidFrom,
        share: s.share,
      })),
    );
  }

  async down(q: QueryRunner): Promise<void> {
    const edited = await q.query(
      `SELECT COUNT(*) AS "n" FROM "administrative_unit" WHERE "valid_from" <> '${RECORDS_BEGIN}' AND "version" > 1`,
    );
    if (Number(edited[0].n) > 0) throw new Error("units formed after 2019-12 were edited: reset the database instead");
    const base = new Set(referenceUnits.map((u) => u.code));
    const kept: Record<string, unknown>[] = (
      await q.query(
        `SELECT "code", "name", "kind", "level", "parent_code", "is_remote_area", "version" FROM "administrative_unit" WHERE "valid_from" = '${RECORDS_BEGIN}'`,
      )
    ).filter((r: { code: string }) => base.has(r.code));
    const orphans = await q.query(
      `SELECT COUNT(*) AS "n" FROM "organisation" WHERE "unit_code" NOT IN (${[...base].map((c) => `'${c}'`).join(",")})`,
    );
    if (Number(orphans[0].n) > 0)
      throw new Error("committees of units formed after 2019-12 exist: reset the database instead");
    await q.dropTable("administrative_unit_succession");
    await q.dropTable("administrative_unit");
    await q.createTable(unitTable(false));
    // As the first seed wrote them: the 2019-12 list, from its list's date.
    const parentsFirst = [...kept].sort((a, b) => String(a.code).length - String(b.code).length);
    await insertChunks(
      q,
      "administrative_unit",
      parentsFirst.map((r) => ({
        ...r,
        is_remote_area: bool(q, r.is_remote_area === true || Number(r.is_remote_area) === 1),
        valid_from: "2019-12-01",
        valid_to: null,
        legal_basis: "Danh mục đơn vị hành chính Việt Nam (GSO), as in force 2019-12 to 2020-12",
      })),
    );
    await q.createForeignKey(
      "organisation",
      new TableForeignKey({
        columnNames: ["unit_code"],
        referencedTableName: "administrative_unit",
        referencedColumnNames: ["code"],
      }),
    );
  }
}

async function dropOrganisationUnitKey(q: QueryRunner): Promise<void> {
  const table = await q.getTable("organisation");
  const fk = table?.foreignKeys.find((f) => f.referencedTableName.endsWith("administrative_unit"));
  if (fk) await q.dropForeignKey("organisation", fk);
}

/** The unit table: by (code, valid_from) with the end's basis, or, going back, by code alone. */
function unitTable(throughTime: boolean): Table {
  return new Table({
    name: "administrative_unit",
    columns: [
      { name: "code", type: "varchar", length: "10", isPrimary: true },
      { name: "name", type: "varchar", length: "120" },
      { name: "kind", type: "varchar", length: "30" },
      { name: "level", type: "varchar", length: "10" },
      { name: "parent_code", type: "varchar", length: "10", isNullable: true },
      { name: "is_remote_area", type: "boolean", default: false },
      { name: "valid_from", type: "date", isPrimary: throughTime },
      { name: "valid_to", type: "date", isNullable: true },
      { name: "legal_basis", type: "varchar", length: "300", isNullable: true },
      ...(throughTime ? [{ name: "end_basis", type: "varchar", length: "300", isNullable: true }] : []),
      { name: "version", type: "integer", default: 1 },
    ],
    foreignKeys: throughTime
      ? []
      : [
          new TableForeignKey({
            columnNames: ["parent_code"],
            referencedTableName: "administrative_unit",
            referencedColumnNames: ["code"],
          }),
        ],
    indices: [
      new TableIndex({ name: "ix_administrative_unit_parent", columnNames: ["parent_code"] }),
      ...(throughTime
        ? [new TableIndex({ name: "ix_administrative_unit_level", columnNames: ["level", "valid_from"] })]
        : []),
    ],
  });
}

/** A boolean as the driver binds it: better-sqlite3 takes 1/0, PostgreSQL true/false. */
const bool = (q: QueryRunner, b: boolean) => (q.connection.driver.options.type === "postgres" ? b : b ? 1 : 0);

function unitColumns(q: QueryRunner, u: ReturnType<typeof unitVersionRows>[number]) {
  return {
    code: u.code,
    name: u.name,
    kind: u.kind,
    level: u.level,
    parent_code: u.parentCode,
    is_remote_area: bool(q, u.isRemoteArea),
    valid_from: u.validFrom,
    valid_to: u.validTo,
    legal_basis: u.legalBasis,
    end_basis: u.endBasis,
    version: u.version,
  };
}

async function insertChunks(q: QueryRunner, table: string, rows: Record<string, unknown>[]): Promise<void> {
  for (let i = 0; i < rows.length; i += 80) {
    await q.manager
      .createQueryBuilder()
      .insert()
      .into(table)
      .values(rows.slice(i, i + 80))
      .execute();
  }
}
