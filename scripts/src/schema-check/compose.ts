import { composeServices } from "@apollo/composition";
import {
  Kind,
  parse,
  printSchema,
  Source,
  type ASTNode,
  type DefinitionNode,
  type DocumentNode,
  type GraphQLError,
  type GraphQLSchema,
} from "graphql";

/** One subgraph's SDL as its code prints it (or as a fixture gives it). */
export interface SubgraphSdl {
  name: string;
  sdl: string;
  /** Routing URL written into the supergraph. */
  url?: string;
  /** Where a person finds this SDL, for messages (e.g. `schema/programs.graphql`). */
  file?: string;
}

/** Where a composition error points: a subgraph, a line of its SDL and the schema element there. */
export interface ProblemLocation {
  subgraph: string;
  /** The subgraph's file, when known. */
  file?: string;
  line: number;
  column: number;
  /** `Type`, `Type.field`, `Type.field(arg:)` or `Enum.VALUE`, when the line is inside a definition. */
  coordinate?: string;
}

export interface CompositionProblem {
  /** @apollo/composition's error code, e.g. INVALID_FIELD_SHARING. */
  code: string;
  message: string;
  subgraphs: string[];
  /** Types and fields the error concerns (`Unit`, `Unit.name`). */
  coordinates: string[];
  locations: ProblemLocation[];
}

export type CompositionOutcome =
  | {
      ok: true;
      supergraphSdl: string;
      /** The client-facing API schema (no join__ directives, no @inaccessible elements), printed. */
      apiSdl: string;
      apiSchema: GraphQLSchema;
      hints: { code: string; message: string }[];
    }
  | { ok: false; problems: CompositionProblem[] };

/** Composes subgraph SDLs with @apollo/composition; on failure, says which subgraphs and types each error concerns. */
export function composeSubgraphs(subgraphs: SubgraphSdl[]): CompositionOutcome {
  const documents = new Map<string, DocumentNode>();
  const parseProblems: CompositionProblem[] = [];
  for (const s of subgraphs) {
    try {
      documents.set(s.name, parse(new Source(s.sdl, s.name)));
    } catch (err) {
      parseProblems.push(syntaxProblem(s, err as GraphQLError));
    }
  }
  if (parseProblems.length) return { ok: false, problems: parseProblems };
  const result = composeServices(
    subgraphs.map((s) => ({
      name: s.name,
      typeDefs: documents.get(s.name)!,
      url: s.url ?? `http://${s.name}/graphql`,
    })),
  );
  if (result.errors) {
    const files = new Map(subgraphs.map((s) => [s.name, s.file]));
    return { ok: false, problems: result.errors.map((e) => describeError(e, files, documents)) };
  }
  const apiSchema = result.schema.toAPISchema().toGraphQLJSSchema();
  return {
    ok: true,
    supergraphSdl: result.supergraphSdl,
    apiSdl: printSchema(apiSchema),
    apiSchema,
    hints: result.hints.map((h) => ({ code: h.definition.code, message: h.message })),
  };
}

function syntaxProblem(subgraph: SubgraphSdl, err: GraphQLError): CompositionProblem {
  const at = err.locations?.[0];
  const file = subgraph.file ? { file: subgraph.file } : {};
  return {
    code: "SYNTAX_ERROR",
    message: err.message,
    subgraphs: [subgraph.name],
    coordinates: [],
    locations: at ? [{ subgraph: subgraph.name, ...file, line: at.line, column: at.column }] : [],
  };
}

function describeError(
  err: GraphQLError,
  files: Map<string, string | undefined>,
  documents: Map<string, DocumentNode>,
): CompositionProblem {
  const names = [...files.keys()];
  const subgraphs = new Set<string>();
  const coordinates = new Set<string>();
  const locations: ProblemLocation[] = [];
  for (const node of err.nodes ?? []) {
    const subgraph = (node as ASTNode & { subgraph?: string }).subgraph ?? node.loc?.source.name;
    if (!subgraph || !documents.has(subgraph) || !node.loc) continue;
    subgraphs.add(subgraph);
    const { line, column } = lineAndColumn(node.loc.source.body, node.loc.start);
    const coordinate = coordinateAt(documents.get(subgraph)!, node.loc.start);
    if (coordinate) coordinates.add(coordinate);
    const file = files.get(subgraph);
    locations.push({ subgraph, ...(file ? { file } : {}), line, column, ...(coordinate ? { coordinate } : {}) });
  }
  // Messages name subgraphs as `[name] ...` or `subgraph "name"`, and types or fields in quotes: keep those too.
  const prefix = /^\[([^\]]+)\]/.exec(err.message)?.[1];
  if (prefix && names.includes(prefix)) subgraphs.add(prefix);
  const knownTypes = new Set([...documents.values()].flatMap(typeNames));
  for (const [, quoted] of err.message.matchAll(/"([^"\s]+)"/g)) {
    if (names.includes(quoted!)) subgraphs.add(quoted!);
    else if (knownTypes.has(quoted!.split(".")[0]!) && /^[_A-Za-z]\w*(\.[_A-Za-z]\w*)?$/.test(quoted!))
      coordinates.add(quoted!);
  }
  return {
    code: String(err.extensions?.code ?? "COMPOSITION_ERROR"),
    message: err.message,
    subgraphs: [...subgraphs].sort(),
    coordinates: [...coordinates].sort(),
    locations,
  };
}

function typeNames(doc: DocumentNode): string[] {
  return doc.definitions.flatMap((d) => ("name" in d && d.name ? [d.name.value] : []));
}

function lineAndColumn(body: string, offset: number): { line: number; column: number } {
  const before = body.slice(0, offset).split("\n");
  return { line: before.length, column: before[before.length - 1]!.length + 1 };
}

function contains(node: { loc?: { start: number; end: number } }, offset: number): boolean {
  return !!node.loc && node.loc.start <= offset && offset < node.loc.end;
}

/** The schema coordinate of the definition, field, argument or enum value at an offset of a subgraph's SDL. */
export function coordinateAt(doc: DocumentNode, offset: number): string | undefined {
  const def = doc.definitions.find((d) => contains(d, offset)) as DefinitionNode | undefined;
  if (!def || !("name" in def) || !def.name) return undefined;
  const type = def.name.value;
  if (def.kind === Kind.ENUM_TYPE_DEFINITION || def.kind === Kind.ENUM_TYPE_EXTENSION) {
    const value = def.values?.find((v) => contains(v, offset));
    return value ? `${type}.${value.name.value}` : type;
  }
  if ("fields" in def && def.fields) {
    for (const field of def.fields) {
      if (!contains(field, offset)) continue;
      const arg = "arguments" in field ? field.arguments?.find((a) => contains(a, offset)) : undefined;
      return arg ? `${type}.${field.name.value}(${arg.name.value}:)` : `${type}.${field.name.value}`;
    }
  }
  return type;
}
