import "reflect-metadata";
import { ArgsType, Directive, Field, Int, ObjectType, type ClassType } from "type-graphql";
import { BadUserInputError } from "./errors.js";
import { kitMessage } from "./i18n/messages.js";

/** Relay page size: the default when `first` is omitted, and the most one page may ask for. */
export const DEFAULT_PAGE_SIZE = 20;
export const MAX_PAGE_SIZE = 100;

let maxPageSize = MAX_PAGE_SIZE;

/**
 * Raises or lowers the largest page a client may ask for (MAX_PAGE_SIZE by default). The N+1
 * guards raise it to prove statement counts do not grow with a 1,000-item list.
 */
export function configurePaging(opts: { max: number }): void {
  maxPageSize = opts.max;
}

// Every subgraph serves PageInfo, so it is shareable in the composed graph.
@ObjectType({ description: "Relay page information." })
@Directive("@shareable")
export class PageInfo {
  @Field()
  hasNextPage: boolean;

  @Field(() => String, { nullable: true })
  endCursor: string | null;
}

@ArgsType()
export class PageArgs {
  @Field(() => Int, {
    nullable: true,
    description: `Page size: default ${DEFAULT_PAGE_SIZE}, at most ${MAX_PAGE_SIZE}.`,
  })
  first?: number | null;

  @Field(() => String, { nullable: true, description: "Cursor of the last edge already seen." })
  after?: string | null;
}

export interface Edge<T> {
  cursor: string;
  node: T;
}

export interface ConnectionShape<T> {
  edges: Edge<T>[];
  pageInfo: PageInfo;
  totalCount: number | Promise<number>;
}

/**
 * Builds `<Name>Connection` and `<Name>Edge` object types for a node type, once per node type.
 * Resolvers return `ConnectionShape` values built with `connectionFrom`.
 */
export function ConnectionType<T extends object>(node: ClassType<T>, name = node.name): ClassType<ConnectionShape<T>> {
  @ObjectType(`${name}Edge`)
  class EdgeType {
    @Field()
    cursor: string;

    @Field(() => node)
    node: T;
  }

  @ObjectType(`${name}Connection`, { description: `A page of ${name} records (Relay connection).` })
  class Connection {
    @Field(() => [EdgeType])
    edges: EdgeType[];

    @Field(() => PageInfo)
    pageInfo: PageInfo;

    @Field(() => Int, { description: "How many records match, on every page." })
    totalCount: number;
  }
  return Connection as unknown as ClassType<ConnectionShape<T>>;
}

/** A validated page request: fetch `limit + 1` rows with key greater than `afterKey`. */
export interface PageRequest {
  limit: number;
  afterKey: string | number | null;
}

export function encodeCursor(key: string | number): string {
  return Buffer.from(JSON.stringify({ k: key }), "utf8").toString("base64url");
}

export function decodeCursor(cursor: string, field = "after"): string | number {
  try {
    const parsed = JSON.parse(Buffer.from(cursor, "base64url").toString("utf8")) as { k?: unknown };
    if (typeof parsed.k === "number" || typeof parsed.k === "string") return parsed.k;
  } catch {
    /* fall through */
  }
  throw BadUserInputError.field(field, kitMessage("cursor"));
}

export function pageRequest(args: PageArgs, opts: { max?: number; defaultSize?: number } = {}): PageRequest {
  const max = opts.max ?? maxPageSize;
  const first = args.first ?? opts.defaultSize ?? DEFAULT_PAGE_SIZE;
  if (!Number.isInteger(first) || first < 0 || first > max) {
    throw BadUserInputError.field("first", kitMessage("pageSize", { max }));
  }
  return { limit: first, afterKey: args.after ? decodeCursor(args.after) : null };
}

/**
 * Turns `limit + 1` rows ordered by key into a connection. `totalCount` is a thunk so the
 * count runs only when a client asks for it.
 */
export function connectionFrom<T>(
  rows: readonly T[],
  page: PageRequest,
  keyOf: (row: T) => string | number,
  totalCount: () => Promise<number> | number,
): ConnectionShape<T> {
  const slice = rows.slice(0, page.limit);
  const edges = slice.map((node) => ({ cursor: encodeCursor(keyOf(node)), node }));
  const shape = {
    edges,
    pageInfo: { hasNextPage: rows.length > page.limit, endCursor: edges.at(-1)?.cursor ?? null },
  } as ConnectionShape<T>;
  let cached: Promise<number> | undefined;
  Object.defineProperty(shape, "totalCount", {
    enumerable: true,
    get: () => (cached ??= Promise.resolve(totalCount())),
  });
  return shape;
}
