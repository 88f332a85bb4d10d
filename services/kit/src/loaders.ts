import DataLoader from "dataloader";

/**
 * Keys per `IN (...)` statement: under SQLite's 32,766 and PostgreSQL's 65,535 bound parameters,
 * and large enough that any page the graph allows is one statement (statement counts stay flat).
 */
export const IN_CHUNK_SIZE = 10_000;

/** Runs `fetch` over `keys` in chunks (one `IN (...)` statement each) and concatenates rows. */
export async function inChunks<K, R>(
  keys: readonly K[],
  fetch: (chunk: K[]) => Promise<R[]>,
  size = IN_CHUNK_SIZE,
): Promise<R[]> {
  const out: R[] = [];
  for (let i = 0; i < keys.length; i += size) out.push(...(await fetch(keys.slice(i, i + size))));
  return out;
}

const cacheKey = (k: unknown) => String(k);

/**
 * One record per key: batches all keys asked for in one tick into chunked `IN` queries and
 * answers in key order, `null` where no record exists.
 */
export function keyedLoader<K extends string | number, V>(
  fetch: (keys: K[]) => Promise<V[]>,
  keyOf: (row: V) => K | string | number,
): DataLoader<K, V | null, string> {
  return new DataLoader<K, V | null, string>(
    async (keys) => {
      const rows = await inChunks(keys, fetch);
      const byKey = new Map(rows.map((r) => [String(keyOf(r)), r]));
      return keys.map((k) => byKey.get(String(k)) ?? null);
    },
    { cacheKeyFn: cacheKey },
  );
}

/** Many records per key (a one-to-many relation), in key order; `[]` where none. */
export function groupedLoader<K extends string | number, V>(
  fetch: (keys: K[]) => Promise<V[]>,
  keyOf: (row: V) => K | string | number,
): DataLoader<K, V[], string> {
  return new DataLoader<K, V[], string>(
    async (keys) => {
      const rows = await inChunks(keys, fetch);
      const byKey = new Map<string, V[]>();
      for (const r of rows) {
        const k = String(keyOf(r));
        const list = byKey.get(k);
        if (list) list.push(r);
        else byKey.set(k, [r]);
      }
      return keys.map((k) => byKey.get(String(k)) ?? []);
    },
    { cacheKeyFn: cacheKey },
  );
}

/**
 * Loaders whose answer also depends on arguments (`memberCount(asOf:)`): one DataLoader per
 * distinct argument value, created on first use within the request.
 */
export class LoaderFamily<A, K, V> {
  private readonly loaders = new Map<string, DataLoader<K, V, string>>();
  constructor(private readonly make: (arg: A) => DataLoader<K, V, string>) {}

  for(arg: A): DataLoader<K, V, string> {
    const id = JSON.stringify(arg);
    let loader = this.loaders.get(id);
    if (!loader) {
      loader = this.make(arg);
      this.loaders.set(id, loader);
    }
    return loader;
  }
}

/**
 * A per-request cache for whole-table answers (a year's tallies, a period's aggregates):
 * the first field that asks runs the statement, every other field of the request shares it.
 */
export class RequestMemo<A, V> {
  private readonly cache = new Map<string, Promise<V>>();
  constructor(private readonly make: (arg: A) => Promise<V>) {}

  get(arg: A): Promise<V> {
    const id = JSON.stringify(arg);
    let v = this.cache.get(id);
    if (!v) {
      v = this.make(arg);
      this.cache.set(id, v);
    }
    return v;
  }
}
