/**
 * A lifecycle as a table: each transition names the states it may start from and the state it
 * leads to. Plain data and functions, free of GraphQL, TypeORM and messages, so a subgraph's
 * rule module (a house's, a model's, a project's) is a table and its tests are table tests;
 * the subgraph turns an IllegalTransition into a coded error at its edge.
 */
export interface TransitionRule<S extends string> {
  readonly from: readonly S[];
  readonly to: S;
}

export type TransitionTable<S extends string, T extends string> = Readonly<Record<T, TransitionRule<S>>>;

/** A transition that does not start from the current state: re-reading will not make it legal. */
export class IllegalTransition<S extends string = string, T extends string = string> extends Error {
  override readonly name = "IllegalTransition";
  constructor(
    readonly state: S,
    readonly transition: T,
  ) {
    super(`${transition} does not start from ${state}`);
  }
}

export interface StateMachine<S extends string, T extends string> {
  readonly table: TransitionTable<S, T>;
  /** The state `transition` leads to from `state`; throws IllegalTransition when it may not start there. */
  next(state: S, transition: T): S;
  /** The transitions that may start from `state`. */
  allowedFrom(state: S): T[];
  /** The states no transition leaves. */
  finalStates(): S[];
}

export function stateMachine<S extends string, T extends string>(table: TransitionTable<S, T>): StateMachine<S, T> {
  const transitions = Object.keys(table) as T[];
  return {
    table,
    next(state, transition) {
      const rule = table[transition];
      if (!rule.from.includes(state)) throw new IllegalTransition(state, transition);
      return rule.to;
    },
    allowedFrom: (state) => transitions.filter((t) => table[t].from.includes(state)),
    finalStates() {
      const all = new Set<S>(transitions.flatMap((t) => [...table[t].from, table[t].to]));
      return [...all].filter((s) => !transitions.some((t) => table[t].from.includes(s)));
    },
  };
}

/** What is wrong with a step's date: in the future, or before the previous step; null when neither. */
export function stepDateFault(on: string, previous: string, today: string): "inFuture" | "beforePrevious" | null {
  if (on > today) return "inFuture";
  if (on < previous) return "beforePrevious";
  return null;
}

/** The latest of a record's step dates (ISO dates compare as strings); `first` when none is later. */
export function latestDate(first: string, ...others: readonly (string | null | undefined)[]): string {
  return others.reduce<string>((latest, d) => (d != null && d > latest ? d : latest), first);
}
