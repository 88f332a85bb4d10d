import {
  getNamedType,
  isEnumType,
  Kind,
  NoDeprecatedCustomRule,
  parse,
  specifiedRules,
  TypeInfo,
  validate,
  visit,
  visitWithTypeInfo,
  type DocumentNode,
  type GraphQLError,
  type GraphQLSchema,
  type OperationDefinitionNode,
} from "graphql";

/** A front-end document checked into the repository: a .graphql file or an entry of an app's manifest. */
export interface OperationDocument {
  /** The operation's name (the file's, or the manifest entry's). */
  name: string;
  /** Where it is: `test/operations/DistrictPage.graphql`, `schema/operations.manifest.json`. */
  source: string;
  document: string;
}

/** One document as checked: its operations, where it is kept, and what is wrong with it. */
export interface CheckedOperation {
  /** The operations the document defines (the file or entry name when it defines none). */
  names: string[];
  sources: string[];
  document: string;
  /** Validation errors against the schema: a field, argument or type it uses is gone or changed. */
  errors: OperationError[];
  /** Uses of deprecated fields, arguments and enum values: warnings. */
  deprecated: OperationError[];
}

export interface OperationError {
  /** The operation the error is in (a fragment's errors name every operation of the document). */
  operation: string;
  message: string;
  line?: number;
}

/** The same text kept in several places (a .graphql file and the manifest made from it) is checked once. */
export function uniqueDocuments(docs: OperationDocument[]): { document: string; name: string; sources: string[] }[] {
  const byText = new Map<string, { document: string; name: string; sources: string[] }>();
  for (const d of docs) {
    const seen = byText.get(d.document);
    if (seen) seen.sources.push(d.source);
    else byText.set(d.document, { document: d.document, name: d.name, sources: [d.source] });
  }
  return [...byText.values()];
}

/** Validates every document against a schema (the new API schema): each error names its operation. */
export function checkOperations(schema: GraphQLSchema, docs: OperationDocument[]): CheckedOperation[] {
  return uniqueDocuments(docs).map(({ document, name, sources }) => {
    let ast: DocumentNode;
    try {
      ast = parse(document);
    } catch (err) {
      const e = err as GraphQLError;
      return { names: [name], sources, document, errors: [toError(e, name)], deprecated: [] };
    }
    const operations = ast.definitions.filter(
      (d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION,
    );
    const names = operations.length ? operations.map((o) => o.name?.value ?? name) : [name];
    const errors = validate(schema, ast, specifiedRules).flatMap((e) => explode(e, operations, names, name));
    const deprecated = validate(schema, ast, [NoDeprecatedCustomRule]).flatMap((e) =>
      explode(e, operations, names, name),
    );
    return { names, sources, document, errors, deprecated };
  });
}

/** An error inside one operation names it; one inside a fragment is reported for every operation. */
function explode(
  err: GraphQLError,
  ops: OperationDefinitionNode[],
  names: string[],
  fallback: string,
): OperationError[] {
  const start = err.nodes?.[0]?.loc?.start;
  const op = start === undefined ? undefined : ops.find((o) => o.loc && o.loc.start <= start && start < o.loc.end);
  if (op) return [toError(err, op.name?.value ?? fallback)];
  return names.map((n) => toError(err, n));
}

function toError(err: GraphQLError, operation: string): OperationError {
  const line = err.locations?.[0]?.line;
  return { operation, message: err.message, ...(line ? { line } : {}) };
}

/**
 * The schema elements each operation uses, as coordinates (`Type`, `Type.field`, `Type.field.argument`,
 * `Enum.VALUE`, `Input.field`), resolved against a schema (the released API schema).
 */
export function operationUsage(schema: GraphQLSchema, docs: OperationDocument[]): Map<string, Set<string>> {
  const usage = new Map<string, Set<string>>();
  for (const { document, name } of uniqueDocuments(docs)) {
    let ast: DocumentNode;
    try {
      ast = parse(document);
    } catch {
      continue;
    }
    // Each operation's and fragment's own uses, and the fragments each spreads; operations then take their fragments'.
    const own = new Map<string, Set<string>>();
    const spreads = new Map<string, Set<string>>();
    let current = "";
    const enter = (key: string) => {
      current = key;
      own.set(key, own.get(key) ?? new Set());
      spreads.set(key, spreads.get(key) ?? new Set());
    };
    const use = (coordinate: string) => own.get(current)?.add(coordinate);
    const typeInfo = new TypeInfo(schema);
    visit(
      ast,
      visitWithTypeInfo(typeInfo, {
        OperationDefinition(node) {
          enter(`operation ${node.name?.value ?? name}`);
        },
        FragmentDefinition(node) {
          enter(`fragment ${node.name.value}`);
        },
        FragmentSpread(node) {
          spreads.get(current)?.add(`fragment ${node.name.value}`);
        },
        Field(node) {
          const parent = typeInfo.getParentType();
          const type = typeInfo.getType();
          if (parent) use(parent.name);
          if (parent) use(`${parent.name}.${node.name.value}`);
          if (type) use(getNamedType(type).name);
        },
        Argument(node) {
          const field = typeInfo.getFieldDef();
          const parent = typeInfo.getParentType();
          const type = typeInfo.getInputType();
          if (field && parent) use(`${parent.name}.${field.name}.${node.name.value}`);
          if (type) use(getNamedType(type).name);
        },
        ObjectField(node) {
          const parent = typeInfo.getParentInputType();
          if (parent) use(`${getNamedType(parent).name}.${node.name.value}`);
        },
        EnumValue(node) {
          const type = typeInfo.getInputType();
          if (type && isEnumType(getNamedType(type))) use(`${getNamedType(type).name}.${node.value}`);
        },
        NamedType(node) {
          use(node.name.value);
        },
      }),
    );
    for (const key of own.keys()) {
      if (!key.startsWith("operation ")) continue;
      const all = new Set<string>();
      const seen = new Set<string>();
      const add = (k: string) => {
        if (seen.has(k)) return;
        seen.add(k);
        for (const c of own.get(k) ?? []) all.add(c);
        for (const f of spreads.get(k) ?? []) add(f);
      };
      add(key);
      const op = key.slice("operation ".length);
      usage.set(op, new Set([...(usage.get(op) ?? []), ...all]));
    }
  }
  return usage;
}

/** The operations using the element at `path`; for an enum value, every operation using its enum. */
export function operationsUsing(schema: GraphQLSchema, usage: Map<string, Set<string>>, path: string): string[] {
  const [typeName] = path.split(".");
  const enumWide = path.includes(".") && isEnumType(schema.getType(typeName!));
  return [...usage]
    .filter(([, coordinates]) => coordinates.has(path) || (enumWide && coordinates.has(typeName!)))
    .map(([op]) => op)
    .sort();
}
