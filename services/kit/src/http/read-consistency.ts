/**
 * Read replicas and consistency. The gateway sets this header on every subgraph fetch made for
 * a client's mutation, so the reads that follow the write in the same operation (a follow-up
 * `_entities` fetch, say) see it on the primary instead of a replica that may lag behind.
 */
export const READ_PRIMARY_HEADER = "x-danvan-read-primary";

const MUTATION = /\bmutation\b/;

/**
 * True when a request may read from a replica: a query document (the word "mutation" appears
 * nowhere in it, so a mutation, or a document naming one, always goes to the primary) that the
 * gateway did not ask to read from the primary.
 */
export function mayReadFromReplica(body: unknown, readPrimaryHeader: string | undefined): boolean {
  if (readPrimaryHeader !== undefined) return false;
  const query = (body as { query?: unknown } | undefined)?.query;
  return typeof query === "string" && !MUTATION.test(query);
}
