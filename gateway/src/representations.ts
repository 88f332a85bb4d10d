import type { GraphQLFormattedError } from "graphql";

interface EntitiesResponse {
  data?: Record<string, unknown> | null;
  errors?: readonly GraphQLFormattedError[];
}

/** An entity fetch whose repeated representations were sent once each. */
export interface CollapsedRepresentations {
  /** The fetch's variables with each distinct representation once, in order of first appearance. */
  variables: Record<string, unknown>;
  /** The subgraph's answer for the distinct representations, spread back over the original ones. */
  expand<R extends EntitiesResponse>(response: R): R;
}

/** A copy of a value parsed from JSON: the gateway's executor writes into each entity it merges. */
function copyOf(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(copyOf);
  if (value === null || typeof value !== "object") return value;
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(value)) out[key] = copyOf((value as Record<string, unknown>)[key]);
  return out;
}

/**
 * The query planner asks for one representation per entity in the list: the first 100 models
 * of Long Xuyên make 100 `{ __typename, code }` objects for 14 communes. Each distinct one is
 * sent once, and the answer is spread back so the executor sees exactly what it would have
 * seen from the full list: every entity at its own index (repeats get their own copy), and an
 * error on a representation repeated for every entity that shared it.
 *
 * Returns undefined when the fetch has no repeats (or no representations): it goes out unchanged.
 */
export function collapseRepresentations(
  variables: Record<string, unknown> | undefined,
): CollapsedRepresentations | undefined {
  const representations = variables?.representations;
  if (!Array.isArray(representations) || representations.length < 2) return undefined;
  const slotOf = new Map<string, number>();
  const distinct: unknown[] = [];
  /** For each original representation, the index of its distinct one. */
  const slots = new Array<number>(representations.length);
  for (let i = 0; i < representations.length; i++) {
    const key = JSON.stringify(representations[i]);
    let slot = slotOf.get(key);
    if (slot === undefined) {
      slot = distinct.length;
      slotOf.set(key, slot);
      distinct.push(representations[i]);
    }
    slots[i] = slot;
  }
  if (distinct.length === representations.length) return undefined;

  return {
    variables: { ...variables, representations: distinct },
    expand(response) {
      const received = response.data?._entities;
      let data = response.data;
      if (Array.isArray(received) && received.length === distinct.length) {
        const used = new Array<boolean>(distinct.length).fill(false);
        const entities = slots.map((slot) => {
          if (used[slot]) return copyOf(received[slot]);
          used[slot] = true;
          return received[slot];
        });
        data = { ...response.data, _entities: entities };
      }
      // Anything else (a wrong length, no data) goes on as it came: the executor reports it.
      let errors = response.errors;
      if (errors?.some((e) => e.path?.[0] === "_entities")) {
        const originalsOf = new Map<number, number[]>();
        slots.forEach((slot, i) => {
          const originals = originalsOf.get(slot);
          if (originals) originals.push(i);
          else originalsOf.set(slot, [i]);
        });
        errors = errors.flatMap((e) => {
          const slot = e.path?.[0] === "_entities" ? e.path[1] : undefined;
          const originals = typeof slot === "number" ? originalsOf.get(slot) : undefined;
          if (!originals) return [e];
          return originals.map((i) => ({ ...e, path: ["_entities", i, ...e.path!.slice(2)] }));
        });
      }
      return errors ? { ...response, data, errors } : { ...response, data };
    },
  };
}
