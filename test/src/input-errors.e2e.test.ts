import { after, before, describe, it } from "node:test";
import assert from "node:assert/strict";
import fs from "node:fs";
import path from "node:path";
import { repoRoot } from "@danvan/kit";
import {
  buildSchema,
  getNamedType,
  getNullableType,
  isEnumType,
  isInputObjectType,
  isLeafType,
  isListType,
  isNonNullType,
  type GraphQLArgument,
  type GraphQLField,
  type GraphQLInputType,
  type GraphQLSchema,
} from "graphql";
import { startFederation, type Federation } from "./support/federation.js";

/**
 * Every mutation of the graph (and every query argument), sent as a careless client would:
 * personal values in every string field, one fault at a time (missing, wrong type, too long,
 * bad enum value, bad date), as variables and as literals in the document. Each answer must
 * name the faulty path, and no value sent may appear in any answer or in the logs of the
 * four processes (issue 24).
 */
const schema: GraphQLSchema = buildSchema(
  fs.readFileSync(path.join(repoRoot, "client/src/generated/schema.graphql"), "utf8"),
);

/** An enum value written as a literal (bare), not as a string. */
class EnumLiteral {
  constructor(readonly name: string) {}
}

let counter = 0;
/** A personal-looking value, unique, so that finding it anywhere means it was echoed. */
const personal = () => `Trần Thị Bảo Mật ${String(++counter).padStart(5, "0")}`;
const sent = new Set<string>();
const remember = (s: string) => (sent.add(s), s);

const SAMPLE: Record<string, () => unknown> = {
  Int: () => 7,
  Float: () => 1.5,
  Boolean: () => true,
  Date: () => "2019-05-06",
  DateTime: () => "2019-05-06T08:00:00+07:00",
  YearMonth: () => "2019-05",
  BigInt: () => 1_000_000,
};

/** A complete value of `type`: every field set, strings personal. */
function sample(type: GraphQLInputType): unknown {
  const t = getNullableType(type) as GraphQLInputType;
  if (isListType(t)) return [sample(t.ofType)];
  if (isInputObjectType(t))
    return Object.fromEntries(Object.values(t.getFields()).map((f) => [f.name, sample(f.type)]));
  if (isEnumType(t)) return new EnumLiteral(t.getValues()[0]!.name);
  return SAMPLE[t.name]?.() ?? remember(personal());
}

interface Fault {
  kind: "missing" | "wrong type" | "too long" | "bad enum" | "bad date";
  /** Where, from the argument: ["input", "denouncer", "fullName"]; a list's first item is index 0. */
  at: (string | number)[];
  /** The value put there; undefined removes the field. */
  value: unknown;
}

/** Each fault one leaf can have, given its type (`required`: non-null without a default). */
function faultsAt(at: (string | number)[], type: GraphQLInputType, required: boolean): Fault[] {
  const named = getNamedType(type);
  const out: Fault[] = [];
  if (required) out.push({ kind: "missing", at, value: undefined });
  if (isEnumType(named)) out.push({ kind: "bad enum", at, value: new EnumLiteral(`KHONG_HOP_LE_${++counter}`) });
  else if (named.name === "Date") out.push({ kind: "bad date", at, value: remember(`2019-02-3${counter++ % 2}`) });
  else if (named.name === "String" || named.name === "ID") {
    out.push({ kind: "wrong type", at, value: { ten: remember(personal()) } });
    // Text fields must have a length limit: 5,000 characters is more than any field of the graph takes.
    if (named.name === "String" && !isListType(getNullableType(type)))
      out.push({ kind: "too long", at, value: remember(`${personal()} ${"Mật ".repeat(1250)}`) });
  } else if (isLeafType(named)) out.push({ kind: "wrong type", at, value: remember(personal()) });
  return out;
}

function faultsOf(arg: GraphQLArgument): Fault[] {
  const walk = (at: (string | number)[], type: GraphQLInputType, required: boolean): Fault[] => {
    const named = getNamedType(type);
    const here = faultsAt(at, type, required).filter((f) => f.kind === "missing" || isLeafType(named));
    if (!isInputObjectType(named)) return here;
    // Inside a list, the faults are those of its first item.
    const base = isListType(getNullableType(type)) ? [...at, 0] : at;
    return [
      ...here,
      ...Object.values(named.getFields()).flatMap((f) =>
        walk([...base, f.name], f.type, isNonNullType(f.type) && f.defaultValue === undefined),
      ),
    ];
  };
  return walk([arg.name], arg.type, isNonNullType(arg.type) && arg.defaultValue === undefined);
}

/** A deep copy that keeps enum literals as they are. */
function copyOf(value: unknown): unknown {
  if (value instanceof EnumLiteral) return value;
  if (Array.isArray(value)) return value.map(copyOf);
  if (value && typeof value === "object")
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, copyOf(v)]));
  return value;
}

function withFault(args: Record<string, unknown>, fault: Fault): Record<string, unknown> {
  const copy = copyOf(args) as Record<string, unknown>;
  let holder = copy as Record<string | number, unknown>;
  for (const key of fault.at.slice(0, -1)) holder = holder[key] as Record<string | number, unknown>;
  const last = fault.at.at(-1)!;
  if (fault.value === undefined) delete holder[last];
  else holder[last] = fault.value;
  return copy;
}

/** A value as a GraphQL literal (enums bare, strings quoted). */
function literal(value: unknown): string {
  if (value instanceof EnumLiteral) return value.name;
  if (Array.isArray(value)) return `[${value.map(literal).join(", ")}]`;
  if (value && typeof value === "object")
    return `{ ${Object.entries(value)
      .map(([k, v]) => `${k}: ${literal(v)}`)
      .join(", ")} }`;
  return JSON.stringify(value);
}

/** The same value as JSON variables (enums as their names). */
function json(value: unknown): unknown {
  if (value instanceof EnumLiteral) return value.name;
  if (Array.isArray(value)) return value.map(json);
  if (value && typeof value === "object")
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, json(v)]));
  return value;
}

const selection = (field: GraphQLField<unknown, unknown>) =>
  isLeafType(getNamedType(field.type)) ? "" : " { __typename }";

interface Case {
  operation: "query" | "mutation";
  field: GraphQLField<unknown, unknown>;
  fault: Fault;
  args: Record<string, unknown>;
}

function cases(operation: "query" | "mutation"): Case[] {
  const root = operation === "query" ? schema.getQueryType()! : schema.getMutationType()!;
  return Object.values(root.getFields()).flatMap((field) => {
    const args = Object.fromEntries(field.args.map((a) => [a.name, sample(a.type)]));
    // Mutations: every fault. Queries: the faults of a value's type (the gateway finds them all at
    // once); a query's resolver checks its arguments one after another, the first fault first.
    return field.args
      .flatMap(faultsOf)
      .filter((fault) => operation === "mutation" || !["missing", "too long"].includes(fault.kind))
      .map((fault) => ({ operation, field, fault, args: withFault(args, fault) }));
  });
}

describe("input errors name the path and never repeat what was sent", () => {
  let f: Federation;
  let token: string;
  const failures: string[] = [];
  const counts = new Map<string, number>();

  before(async () => {
    f = await startFederation({ logLevel: "debug" });
    // Every role, the whole province: no answer is a refusal before the input is read.
    token = await f.token({
      sub: "input-errors",
      roles: ["ADMIN", "OFFICER", "HANDLING_OFFICER"],
      unitCode: "89",
      organisationId: "MTTQ-89",
    });
  });
  after(async () => {
    await f?.stop();
  });

  async function check(c: Case, form: "variables" | "literals", language: "vi" | "en"): Promise<void> {
    const { field, fault } = c;
    const definitions = field.args.map((a) => `$${a.name}: ${a.type.toString()}`).join(", ");
    const document =
      form === "variables"
        ? `${c.operation} Probe${definitions ? `(${definitions})` : ""} { ${field.name}${
            field.args.length ? `(${field.args.map((a) => `${a.name}: $${a.name}`).join(", ")})` : ""
          }${selection(field)} }`
        : `${c.operation} Probe { ${field.name}${
            Object.keys(c.args).length
              ? `(${Object.entries(c.args)
                  .map(([k, v]) => `${k}: ${literal(v)}`)
                  .join(", ")})`
              : ""
          }${selection(field)} }`;
    const r = await f.query(document, {
      token,
      headers: { "accept-language": language },
      ...(form === "variables" ? { variables: json(c.args) as Record<string, unknown> } : {}),
    });
    const label = `${field.name} ${fault.kind} at ${fault.at.join(".")} (${form}, ${language})`;
    const echoed = [...sent].filter((s) => r.text.includes(s));
    if (echoed.length) failures.push(`${label}: echoed ${echoed[0]!.slice(0, 40)}`);
    const errors = r.body.errors ?? [];
    const named = errors.some((e) =>
      ((e.extensions?.fields as { path: string }[] | undefined) ?? []).some((p) => p.path === fault.at.join(".")),
    );
    if (!named) failures.push(`${label}: no error names the path: ${r.text.slice(0, 300)}`);
    const codes = new Set(errors.map((e) => String(e.extensions?.code)));
    if (r.status >= 500 || codes.has("INTERNAL_SERVER_ERROR"))
      failures.push(`${label}: ${r.status} ${r.text.slice(0, 200)}`);
    counts.set(fault.kind, (counts.get(fault.kind) ?? 0) + 1);
  }

  it("every mutation, every fault, as variables and as literals, in Vietnamese and English", async () => {
    const all = cases("mutation");
    assert.ok(new Set(all.map((c) => c.field.name)).size >= 30, "every mutation of the graph is probed");
    for (const [i, c] of all.entries()) {
      await check(c, "variables", i % 2 ? "vi" : "en");
      await check(c, "literals", i % 2 ? "en" : "vi");
    }
    console.log(`mutations: ${all.length} faults × 2 forms: ${JSON.stringify(Object.fromEntries(counts))}`);
    assert.deepEqual(failures, []);
  });

  it("every query argument with a wrong type, a bad enum value or a bad date", async () => {
    const all = cases("query");
    for (const [i, c] of all.entries()) await check(c, i % 2 ? "literals" : "variables", i % 3 ? "en" : "vi");
    console.log(`query arguments: ${all.length} faults`);
    assert.deepEqual(failures, []);
  });

  it("wrote none of the values sent to the logs of the gateway and the three subgraphs", async () => {
    const logs = f.gateway.output() + f.subgraphOutput();
    assert.ok(logs.length > 10_000, `the processes logged only ${logs.length} characters`);
    const leaked = [...sent].filter((s) => logs.includes(s));
    assert.deepEqual(
      leaked.map((s) => s.slice(0, 40)),
      [],
      "values sent found in the logs",
    );
    console.log(`log capture: ${logs.length} characters searched for ${sent.size} values sent`);
  });
});
