import { once } from "node:events";
import type { Writable } from "node:stream";
import type { DataSource, EntityTarget, ObjectLiteral, QueryRunner } from "typeorm";
import type { ColumnMetadata } from "typeorm/metadata/ColumnMetadata.js";
import { from as copyFrom } from "pg-copy-streams";
import type { SeedProgress } from "./progress.js";
import { deferConstraints, type DeferredDefinitions } from "./deferred-indexes.js";

/** A table being loaded: rows are entity-shaped objects (property names, not column names). */
export interface TableWriter<T> {
  /** Rows as entity-shaped objects; a property left out (a generated id, a default) is left to the database. */
  writeMany(rows: readonly Partial<T>[]): Promise<void>;
  /** Ends the table's stream now (on PostgreSQL its connection goes back to the pool). */
  close(): Promise<void>;
  readonly count: number;
}

interface Sink {
  /** Takes entity-shaped rows; resolves when the database can take more. */
  push(rows: readonly Record<string, unknown>[]): Promise<void>;
  end(): Promise<void>;
  closed?: boolean;
}

/** Connections a bulk load may hold on PostgreSQL: one per table streamed at once, plus one. */
export const BULK_LOAD_POOL_SIZE = 10;
const SQLITE_ROWS_PER_STATEMENT = 64;
const COPY_CHUNK_CHARS = 1 << 18;
const PROGRESS_EVERY = 20_000;

/**
 * Loads large tables fast, on either database, without one ORM `save` per row:
 * - SQLite: one transaction, multi-row prepared INSERTs, foreign-key checks off until the end
 *   (then `foreign_key_check`), secondary indexes dropped before and rebuilt after;
 * - PostgreSQL: one `COPY … FROM STDIN` stream per table (in parallel on their own connections),
 *   secondary indexes and foreign keys dropped before and re-created (validated) after,
 *   sequences moved past the loaded ids, statistics refreshed.
 * Columns come from the entity metadata: the properties present on a table's first row.
 */
export class BulkLoad {
  private readonly sinks = new Map<string, Sink>();
  private readonly counts: Record<string, number> = {};
  /** PostgreSQL: the connection each open table streams on. */
  private readonly runnerOf = new Map<Sink, QueryRunner>();

  private constructor(
    private readonly ds: DataSource,
    private readonly deferred: DeferredDefinitions,
    private readonly progress?: SeedProgress,
  ) {}

  static async open(ds: DataSource, tables: EntityTarget<ObjectLiteral>[], progress?: SeedProgress): Promise<BulkLoad> {
    const names = tables.map((t) => ds.getMetadata(t).tableName);
    if (ds.options.type !== "postgres") {
      const db = sqliteOf(ds);
      db.pragma("foreign_keys = OFF");
      // A fresh load needs no write-ahead log: pages are written once; WAL returns afterwards.
      db.pragma("journal_mode = MEMORY");
      db.pragma("synchronous = OFF");
      db.pragma("cache_size = -262144");
      db.exec("BEGIN");
    }
    return new BulkLoad(ds, await deferConstraints(ds, names), progress);
  }

  /** The writer for one table; `expected` sizes its progress bar. */
  table<T extends ObjectLiteral>(target: EntityTarget<T>, expected: number, label?: string): TableWriter<T> {
    const meta = this.ds.getMetadata(target);
    const name = label ?? meta.tableName;
    let columns: ColumnMetadata[] | null = null;
    let sink: Sink | null = null;
    const counts = this.counts;
    counts[name] = 0;
    return {
      get count() {
        return counts[name]!;
      },
      close: async (): Promise<void> => {
        const open = this.sinks.get(name);
        if (open && !open.closed) await this.endSink(open);
      },
      writeMany: async (rows: readonly Partial<T>[]): Promise<void> => {
        if (rows.length === 0) return;
        if (!columns) {
          const first = rows[0]! as Record<string, unknown>;
          columns = meta.columns.filter((c) => first[c.propertyName] !== undefined);
          sink = await this.openSink(meta.tableName, columns);
          this.sinks.set(name, sink);
          this.progress?.start(name, expected);
        }
        await sink!.push(rows as readonly Record<string, unknown>[]);
        const before = counts[name]!;
        counts[name] = before + rows.length;
        if (Math.floor(before / PROGRESS_EVERY) !== Math.floor(counts[name]! / PROGRESS_EVERY))
          this.progress?.advance(name, counts[name]!);
      },
    };
  }

  /** Ends every stream, commits, rebuilds what was deferred; returns rows written per table. */
  async finish(): Promise<Record<string, number>> {
    for (const s of this.sinks.values()) if (!s.closed) await this.endSink(s);
    for (const [name, n] of Object.entries(this.counts)) this.progress?.finished?.(name, n);
    if (this.ds.options.type === "postgres") {
      await this.deferred.restore();
      for (const t of this.deferred.tables) await this.ds.query(`ANALYZE "${t}"`);
    } else {
      const db = sqliteOf(this.ds);
      await this.deferred.restore();
      db.exec("COMMIT");
      for (const t of this.deferred.tables) {
        const bad = db.prepare(`PRAGMA foreign_key_check("${t}")`).all();
        if (bad.length > 0) throw new Error(`${t}: ${bad.length} rows break a foreign key after the load`);
      }
      db.pragma("journal_mode = WAL");
      db.pragma("synchronous = NORMAL");
      db.pragma("foreign_keys = ON");
      db.exec("PRAGMA analysis_limit = 1000; ANALYZE");
    }
    return { ...this.counts };
  }

  /** Gives up: rolls back what SQLite holds (PostgreSQL streams are ended by their connections' release). */
  async abort(): Promise<void> {
    if (this.ds.options.type !== "postgres") {
      const db = sqliteOf(this.ds);
      if (db.inTransaction) db.exec("ROLLBACK");
      db.pragma("journal_mode = WAL");
      db.pragma("synchronous = NORMAL");
      db.pragma("foreign_keys = ON");
    }
    for (const r of this.runnerOf.values()) await r.release().catch(() => undefined);
  }

  private async endSink(sink: Sink): Promise<void> {
    sink.closed = true;
    await sink.end();
    const runner = this.runnerOf.get(sink);
    if (runner) {
      this.runnerOf.delete(sink);
      await runner.release();
    }
  }

  private async openSink(table: string, columns: ColumnMetadata[]): Promise<Sink> {
    const names = columns.map((c) => `"${c.databaseName}"`).join(", ");
    if (this.ds.options.type === "postgres") {
      const runner = this.ds.createQueryRunner();
      const client = (await runner.connect().catch((err: Error) => {
        throw new Error(
          `bulk load of ${table}: no free connection (${this.runnerOf.size} tables streaming); ` +
            `keep at most ${BULK_LOAD_POOL_SIZE - 1} tables open at once (${err.message})`,
        );
      })) as { query: (q: unknown) => Writable };
      const props = columns.map((c) => c.propertyName);
      const sink = copySink(client.query(copyFrom(`COPY "${table}" (${names}) FROM STDIN`)), props);
      this.runnerOf.set(sink, runner);
      return sink;
    }
    return sqliteSink(
      sqliteOf(this.ds),
      table,
      names,
      columns.map((c) => c.propertyName),
    );
  }
}

interface SqliteDb {
  pragma(s: string): unknown;
  exec(s: string): void;
  prepare(s: string): { run(params: unknown[]): unknown; all(): unknown[] };
  readonly inTransaction: boolean;
}

function sqliteOf(ds: DataSource): SqliteDb {
  return (ds.driver as unknown as { databaseConnection: SqliteDb }).databaseConnection;
}

function sqliteSink(db: SqliteDb, table: string, names: string, props: string[]): Sink {
  const tuple = `(${props.map(() => "?").join(", ")})`;
  const many = db.prepare(
    `INSERT INTO "${table}" (${names}) VALUES ${new Array(SQLITE_ROWS_PER_STATEMENT).fill(tuple).join(", ")}`,
  );
  const one = db.prepare(`INSERT INTO "${table}" (${names}) VALUES ${tuple}`);
  const width = props.length;
  const params: unknown[] = new Array(width * SQLITE_ROWS_PER_STATEMENT);
  return {
    push(rows) {
      let i = 0;
      for (; i + SQLITE_ROWS_PER_STATEMENT <= rows.length; i += SQLITE_ROWS_PER_STATEMENT) {
        for (let k = 0; k < SQLITE_ROWS_PER_STATEMENT; k++) {
          const r = rows[i + k]!;
          for (let c = 0; c < width; c++) params[k * width + c] = sqliteValue(r[props[c]!]);
        }
        many.run(params);
      }
      for (; i < rows.length; i++) one.run(props.map((p) => sqliteValue(rows[i]![p])));
      return Promise.resolve();
    },
    end: () => Promise.resolve(),
  };
}

function copySink(stream: Writable, props: string[]): Sink {
  let failure: Error | null = null;
  stream.on("error", (e: Error) => (failure = e));
  return {
    async push(rows) {
      if (failure) throw failure;
      let chunk = "";
      for (const r of rows) {
        let line = pgValue(r[props[0]!]);
        for (let c = 1; c < props.length; c++) line += "\t" + pgValue(r[props[c]!]);
        chunk += line + "\n";
        if (chunk.length >= COPY_CHUNK_CHARS) {
          if (!stream.write(chunk)) await once(stream, "drain");
          chunk = "";
        }
      }
      if (chunk && !stream.write(chunk)) await once(stream, "drain");
    },
    async end() {
      if (failure) throw failure;
      await new Promise<void>((resolve, reject) => {
        stream.once("error", reject);
        stream.once("finish", resolve);
        stream.end();
      });
    },
  };
}

function sqliteValue(v: unknown): unknown {
  if (v === undefined || v === null) return null;
  if (typeof v === "boolean") return v ? 1 : 0;
  if (v instanceof Date) return v.toISOString().replace("T", " ").replace("Z", "");
  return v;
}

const COPY_SPECIAL = /[\\\t\n\r]/;

/** A value in COPY's text format: \N for null, backslash escapes for the four special characters. */
function pgValue(v: unknown): string {
  if (v === undefined || v === null) return "\\N";
  if (typeof v === "boolean") return v ? "t" : "f";
  if (v instanceof Date) return v.toISOString();
  const s = String(v);
  return COPY_SPECIAL.test(s)
    ? s.replace(/\\/g, "\\\\").replace(/\t/g, "\\t").replace(/\n/g, "\\n").replace(/\r/g, "\\r")
    : s;
}
