/** Reports progress per table; the CLI draws bars, tests pass nothing. */
export interface SeedProgress {
  start(table: string, total: number): void;
  advance(table: string, done: number): void;
  /** The table is loaded with this many rows (its total was an estimate). */
  finished?(table: string, rows: number): void;
}
