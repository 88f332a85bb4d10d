/**
 * The time dimensions of the analysts' aggregates, as strings: a month `2019-03`, a quarter
 * `2019-Q1`, a year `2019`. SQL that computes them from a `date` column reads the same on SQLite
 * and PostgreSQL (a date cast to text is `YYYY-MM-DD` on both), so grouping happens in SQL.
 */
export type TimeGrain = "MONTH" | "QUARTER" | "YEAR";

const text = (column: string) => `CAST(${column} AS TEXT)`;

/** The SQL expression of a date column's bucket. */
export function timeBucketSql(grain: TimeGrain, column: string): string {
  switch (grain) {
    case "MONTH":
      return `substr(${text(column)}, 1, 7)`;
    case "YEAR":
      return `substr(${text(column)}, 1, 4)`;
    case "QUARTER":
      return `substr(${text(column)}, 1, 4) || '-Q' || CAST((CAST(substr(${text(column)}, 6, 2) AS INTEGER) + 2) / 3 AS TEXT)`;
  }
}

/** The bucket of one date (YYYY-MM-DD), as timeBucketSql computes it: for rows kept by month or in tests. */
export function timeBucketOf(grain: TimeGrain, date: string): string {
  if (grain === "MONTH") return date.slice(0, 7);
  if (grain === "YEAR") return date.slice(0, 4);
  return `${date.slice(0, 4)}-Q${Math.floor((Number(date.slice(5, 7)) + 2) / 3)}`;
}

/** The months a period touches (YYYY-MM, both ends included): how many rows a MONTH grouping can have. */
export function monthsIn(from: string, to: string): number {
  const months = (d: string) => Number(d.slice(0, 4)) * 12 + Number(d.slice(5, 7)) - 1;
  return Math.max(0, months(to) - months(from) + 1);
}
