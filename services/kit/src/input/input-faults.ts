import { GRAPH_SCALARS } from "../scalars.js";
import { kitMessage, translate, currentLanguage, type Message } from "../i18n/index.js";
import {
  GraphQLError,
  Kind,
  getNamedType,
  getNullableType,
  isEnumType,
  isInputObjectType,
  isLeafType,
  isListType,
  isNonNullType,
  isRequiredInputField,
  typeFromAST,
  isRequiredArgument,
  type ASTNode,
  type ASTVisitor,
  type DirectiveNode,
  type FieldNode,
  type GraphQLArgument,
  type GraphQLInputType,
  type GraphQLLeafType,
  type GraphQLSchema,
  type OperationDefinitionNode,
  type ValidationContext,
  type ValueNode,
} from "graphql";

/**
 * What is wrong with a client's input, found before any subgraph is asked: arguments written
 * in the document and variables sent beside it, checked against the graph's types with the
 * scalars' real rules (the supergraph only names Date, BigInt, ...). Each fault is reported
 * by its path ("input.denouncer.idNumber", "from") and what the type expects, never by the
 * value: graphql-js's own messages quote the value, which may be a denouncer's name.
 */
export interface InputFault {
  readonly path: string;
  readonly message: Message;
}

const BUILT_IN_SCALAR_MESSAGES: Record<string, Parameters<typeof kitMessage>[0]> = {
  Int: "scalarInt",
  Float: "scalarFloat",
  String: "scalarString",
  Boolean: "scalarBoolean",
  ID: "scalarID",
  Date: "scalarDate",
  DateTime: "scalarDateTime",
  BigInt: "scalarBigInt",
  YearMonth: "scalarYearMonth",
};

/** What a leaf type expects, naming the public scalar or enum. */
function expected(type: GraphQLLeafType): Message {
  if (isEnumType(type)) return kitMessage("enumValue", { type: type.name });
  const key = BUILT_IN_SCALAR_MESSAGES[type.name];
  return key ? kitMessage(key) : kitMessage("scalarOther", { type: type.name });
}

/** The scalar with its rules: the graph's own for the scalars the supergraph only names. */
function withRules(type: GraphQLLeafType): GraphQLLeafType {
  return isEnumType(type) ? type : (GRAPH_SCALARS.get(type.name) ?? type);
}

function accepts(type: GraphQLLeafType, parse: (t: GraphQLLeafType) => unknown): boolean {
  try {
    return parse(withRules(type)) !== undefined;
  } catch {
    return false;
  }
}

const join = (path: string, key: string | number) => (path ? `${path}.${key}` : String(key));

/** The faults of a JSON value for `type`, by graphql-js's coercion rules (a single item stands for a list). */
export function valueFaults(value: unknown, type: GraphQLInputType, path: string, out: InputFault[]): void {
  if (isNonNullType(type)) {
    if (value === undefined) out.push({ path, message: kitMessage("required") });
    else if (value === null) out.push({ path, message: kitMessage("notNull") });
    else valueFaults(value, type.ofType, path, out);
    return;
  }
  if (value === null || value === undefined) return;
  if (isListType(type)) {
    if (Array.isArray(value)) value.forEach((item, i) => valueFaults(item, type.ofType, join(path, i), out));
    else valueFaults(value, type.ofType, path, out);
    return;
  }
  if (isInputObjectType(type)) {
    if (typeof value !== "object" || Array.isArray(value)) {
      out.push({ path, message: kitMessage("mustBeObject", { type: type.name }) });
      return;
    }
    const fields = type.getFields();
    const given = value as Record<string, unknown>;
    for (const field of Object.values(fields)) {
      const v = given[field.name];
      if (v === undefined && field.defaultValue !== undefined) continue;
      valueFaults(v, field.type, join(path, field.name), out);
    }
    for (const key of Object.keys(given)) {
      if (!(key in fields))
        out.push({ path: join(path, key), message: kitMessage("unknownField", { type: type.name }) });
    }
    if (type.isOneOf && Object.values(given).filter((v) => v !== undefined && v !== null).length !== 1) {
      out.push({ path, message: kitMessage("oneField", { type: type.name }) });
    }
    return;
  }
  if (accepts(type, (t) => t.parseValue(value))) return;
  out.push({ path, message: Array.isArray(value) ? kitMessage("mustNotBeList", { type: type.name }) : expected(type) });
}

/** The faults of an operation's variables; a path starts at the variable's name ("input.fullName"). */
export function variableFaults(
  schema: GraphQLSchema,
  operation: OperationDefinitionNode,
  variables: Readonly<Record<string, unknown>>,
): InputFault[] {
  const out: InputFault[] = [];
  for (const definition of operation.variableDefinitions ?? []) {
    const type = typeFromAST(schema, definition.type) as GraphQLInputType | undefined;
    if (!type) continue; // an unknown type is a validation error already
    const name = definition.variable.name.value;
    const value = variables[name];
    if (value === undefined && definition.defaultValue) continue;
    valueFaults(value, type, name, out);
  }
  return out;
}

/** The summary of one or more faults in the current language ("Invalid input: input.on: must be a Date ..."). */
export function faultSummary(faults: readonly InputFault[], summary: "invalidInput" | "invalidArguments"): string {
  const language = currentLanguage();
  const list = faults.map((f) => `${f.path}: ${translate(f.message, language)}`).join("; ");
  return translate(kitMessage(summary, { problems: list }), language);
}

export function faultFields(faults: readonly InputFault[]): { path: string; message: string }[] {
  const language = currentLanguage();
  return faults.map((f) => ({ path: f.path, message: translate(f.message, language) }));
}

/** The variables' faults as one BAD_USER_INPUT error: HTTP 400, as graphql-over-http asks of a request error. */
export function variablesError(faults: readonly InputFault[]): GraphQLError {
  return new GraphQLError(faultSummary(faults, "invalidInput"), {
    extensions: { code: "BAD_USER_INPUT", fields: faultFields(faults), http: { status: 400 } },
  });
}

/** Marks the errors of LiteralValuesRule, so the plugin can tell them from graphql-js's. */
const OURS = Symbol("literal fault");

/**
 * The argument path of a value node: the argument's name, then input fields and list indexes.
 * `path` and `ancestors` are what graphql's visitor passes (ancestors[i][path[i]] is the next node).
 */
function argumentPath(
  path: readonly (string | number)[],
  ancestors: readonly (ASTNode | readonly ASTNode[])[],
): string {
  let parts: (string | number)[] = [];
  const chain = ancestors.length;
  for (let i = 0; i < chain; i++) {
    const next = i + 1 < chain ? ancestors[i + 1] : undefined;
    const here = ancestors[i]!;
    if (Array.isArray(here) && i > 0 && (ancestors[i - 1] as ASTNode).kind === Kind.LIST) parts.push(path[i]!);
    if (next && !Array.isArray(next)) {
      const node = next as ASTNode;
      if (node.kind === Kind.ARGUMENT) parts = [node.name.value];
      else if (node.kind === Kind.OBJECT_FIELD) parts.push(node.name.value);
    }
  }
  return parts.join(".");
}

/**
 * A validation rule in place of graphql-js's ValuesOfCorrectTypeRule's messages: every literal
 * argument value that its type refuses, with the graph's scalars' rules, reported by path
 * and expectation (GRAPHQL_VALIDATION_FAILED, HTTP 400, `extensions.fields`).
 */
export function LiteralValuesRule(context: ValidationContext): ASTVisitor {
  type Where = [
    parent: ASTNode | readonly ASTNode[] | undefined,
    path: readonly (string | number)[],
    ancestors: readonly (ASTNode | readonly ASTNode[])[],
  ];
  const report = ([parent, path, ancestors]: Where, node: ASTNode, message: Message, suffix?: string) => {
    const at = argumentPath(path, [...ancestors, ...(parent ? [parent] : []), node]);
    const fault: InputFault = { path: suffix ? join(at, suffix) : at, message };
    const error = new GraphQLError(faultSummary([fault], "invalidArguments"), {
      nodes: node,
      extensions: { fields: faultFields([fault]) },
    });
    Object.defineProperty(error, OURS, { value: true });
    context.reportError(error);
  };
  const checkLeaf = (node: ValueNode, where: Where) => {
    const locationType = context.getInputType();
    if (!locationType) return;
    const type = getNamedType(locationType);
    if (!isLeafType(type)) return report(where, node, kitMessage("mustBeObject", { type: type.name }));
    if (!accepts(type, (t) => t.parseLiteral(node, undefined))) report(where, node, expected(type));
  };
  const missingArguments = (node: FieldNode | DirectiveNode, definitions: readonly GraphQLArgument[]) => {
    const given = new Set(node.arguments?.map((a) => a.name.value));
    for (const argument of definitions) {
      if (!given.has(argument.name) && isRequiredArgument(argument)) {
        const fault: InputFault = { path: argument.name, message: kitMessage("required") };
        const error = new GraphQLError(faultSummary([fault], "invalidArguments"), {
          nodes: node,
          extensions: { fields: faultFields([fault]) },
        });
        Object.defineProperty(error, OURS, { value: true });
        context.reportError(error);
      }
    }
  };
  return {
    Field(node) {
      const definition = context.getFieldDef();
      if (definition) missingArguments(node, definition.args);
    },
    Directive(node) {
      const definition = context.getDirective();
      if (definition) missingArguments(node, definition.args);
    },
    ListValue(node, _key, parent, path, ancestors) {
      const type = getNullableType(context.getParentInputType());
      if (!isListType(type)) {
        const named = getNamedType(context.getInputType());
        // A scalar may take a list literal (federation's _Any, a JSON scalar): its parseLiteral decides.
        if (isLeafType(named)) checkLeaf(node, [parent, path, ancestors]);
        else if (named) report([parent, path, ancestors], node, kitMessage("mustNotBeList", { type: named.name }));
        return false;
      }
      return undefined;
    },
    ObjectValue(node, _key, parent, path, ancestors) {
      const type = getNamedType(context.getInputType());
      if (!isInputObjectType(type)) {
        // A scalar may take an object literal (federation's _Any): its parseLiteral decides.
        if (type) checkLeaf(node, [parent, path, ancestors]);
        return false;
      }
      const given = new Set(node.fields.map((f) => f.name.value));
      for (const field of Object.values(type.getFields())) {
        if (!given.has(field.name) && isRequiredInputField(field)) {
          report([parent, path, ancestors], node, kitMessage("required"), field.name);
        }
      }
      if (type.isOneOf && node.fields.length !== 1) {
        report([parent, path, ancestors], node, kitMessage("oneField", { type: type.name }));
      }
      return undefined;
    },
    ObjectField(node, _key, parent, path, ancestors) {
      const parentType = getNamedType(context.getParentInputType());
      if (!context.getInputType() && isInputObjectType(parentType)) {
        report([parent, path, ancestors], node, kitMessage("unknownField", { type: parentType.name }));
      }
    },
    NullValue(node, _key, parent, path, ancestors) {
      if (isNonNullType(context.getInputType())) report([parent, path, ancestors], node, kitMessage("notNull"));
    },
    EnumValue: (node, _key, parent, path, ancestors) => checkLeaf(node, [parent, path, ancestors]),
    IntValue: (node, _key, parent, path, ancestors) => checkLeaf(node, [parent, path, ancestors]),
    FloatValue: (node, _key, parent, path, ancestors) => checkLeaf(node, [parent, path, ancestors]),
    StringValue: (node, _key, parent, path, ancestors) => checkLeaf(node, [parent, path, ancestors]),
    BooleanValue: (node, _key, parent, path, ancestors) => checkLeaf(node, [parent, path, ancestors]),
  };
}

/** graphql-js 16's words in ProvidedRequiredArgumentsRule (for fields and for directives). */
const MISSING_ARGUMENT =
  /^(Field|Directive) "[^"]+" argument "[^"]+" of type "[^"]+" is required, but it was not provided\.$/;

const VALUE_KINDS = new Set<string>([
  Kind.INT,
  Kind.FLOAT,
  Kind.STRING,
  Kind.BOOLEAN,
  Kind.NULL,
  Kind.ENUM,
  Kind.LIST,
  Kind.OBJECT,
  Kind.OBJECT_FIELD,
]);

/**
 * graphql-js's ValuesOfCorrectTypeRule reports on value nodes and quotes them ("found
 * \"Nguyễn Văn A\""): those are dropped, LiteralValuesRule having said the same by path.
 * Should graphql-js find a fault the rule did not, it stays, its message replaced.
 */
export function withoutQuotedValues(errors: readonly GraphQLError[]): GraphQLError[] {
  const ours = errors.filter((e) => (e as unknown as Record<symbol, unknown>)[OURS] === true);
  const quoting = (e: GraphQLError) => VALUE_KINDS.has(e.nodes?.[0]?.kind ?? "");
  return errors.flatMap((e) => {
    if ((e as unknown as Record<symbol, unknown>)[OURS] === true) return [e];
    // ProvidedRequiredArgumentsRule's, said again by LiteralValuesRule with the argument's path.
    if (MISSING_ARGUMENT.test(e.message) && ours.length > 0) return [];
    if (!quoting(e)) return [e];
    if (ours.length > 0) return [];
    return [new GraphQLError(translate(kitMessage("valueRefused"), currentLanguage()), { nodes: e.nodes })];
  });
}
