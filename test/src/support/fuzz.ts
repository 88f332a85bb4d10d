import {
  getNamedType,
  GraphQLString,
  isEnumType,
  isInputObjectType,
  isInterfaceType,
  isListType,
  isNonNullType,
  isObjectType,
  isScalarType,
  isUnionType,
  type GraphQLField,
  type GraphQLInputType,
  type GraphQLObjectType,
  type GraphQLSchema,
} from "graphql";
import { SeededRandom } from "@danvan/kit/seeding";

/** Values a fuzzed argument may take: real codes and dates, and the usual troublemakers. */
const STRINGS = [
  "89",
  "883",
  "30280",
  "99999",
  "",
  "'; DROP TABLE member; --",
  "<script>alert(1)</script>",
  "../../etc/passwd",
  "%00",
  "HND-883",
  "MTTQ-89",
  "QVNN-30280",
  "2019-12-31",
  "2019-02-30",
  "9999-99-99",
  "1",
  "-1",
  "a".repeat(5000),
  "Nguyễn Văn A",
  "\u0000",
];
const NUMBERS = [0, 1, -1, 20, 100, 101, 2019, 2_147_483_647, -2_147_483_648, 1e15];

/**
 * Generates GraphQL documents from a schema, deterministically (a fixed seed): random query and
 * mutation fields with arguments drawn from real and hostile values, nested selections, and
 * some documents broken on purpose (cut, doubled, shuffled characters).
 */
export class DocumentFuzzer {
  private readonly rng: SeededRandom;
  constructor(
    private readonly schema: GraphQLSchema,
    seed: number,
  ) {
    this.rng = new SeededRandom(seed);
  }

  /** One document and a variables object (sometimes unrelated to the document). */
  next(): { query: string; variables?: unknown } {
    const root = this.rng.chance(0.8)
      ? this.schema.getQueryType()!
      : (this.schema.getMutationType() ?? this.schema.getQueryType()!);
    const keyword = root === this.schema.getMutationType() ? "mutation" : "query";
    const fields = Array.from({ length: this.rng.int(1, 3) }, () => this.field(root, 0));
    let query = `${keyword} { ${fields.join(" ")} }`;
    if (this.rng.chance(0.3)) query = this.mutate(query);
    const variables = this.rng.chance(0.2) ? this.randomJson(2) : undefined;
    return { query, ...(variables !== undefined ? { variables } : {}) };
  }

  private field(type: GraphQLObjectType, depth: number): string {
    const fields = Object.values(type.getFields()).filter((f) => !f.name.startsWith("_"));
    const f = this.rng.pick(fields);
    const args = this.args(f);
    return `${this.rng.chance(0.1) ? `a${this.rng.int(0, 99)}: ` : ""}${f.name}${args}${this.selection(f, depth)}`;
  }

  private args(f: GraphQLField<unknown, unknown>): string {
    const parts = f.args
      .filter((a) => isNonNullType(a.type) || this.rng.chance(0.4))
      .map((a) => `${a.name}: ${this.value(a.type, 0)}`);
    if (this.rng.chance(0.05)) parts.push(`bogus: ${this.value(f.args[0]?.type ?? GraphQLString, 0)}`);
    return parts.length ? `(${parts.join(", ")})` : "";
  }

  private selection(f: GraphQLField<unknown, unknown>, depth: number): string {
    const named = getNamedType(f.type);
    if (isScalarType(named) || isEnumType(named)) return "";
    if (isUnionType(named) || isInterfaceType(named)) return " { __typename }";
    if (!isObjectType(named)) return "";
    if (depth >= 4) return " { __typename }";
    const n = this.rng.int(1, 4);
    return ` { ${Array.from({ length: n }, () => this.field(named, depth + 1)).join(" ")} }`;
  }

  private value(type: GraphQLInputType, depth: number): string {
    // Sometimes a value of the wrong kind altogether.
    if (this.rng.chance(0.08)) return this.rng.pick(['"x"', "1", "null", "[1, 2]", "{ a: 1 }", "true", "$undeclared"]);
    if (isNonNullType(type)) return this.value(type.ofType, depth);
    if (isListType(type))
      return `[${Array.from({ length: this.rng.int(0, 3) }, () => this.value(type.ofType, depth + 1)).join(", ")}]`;
    if (isEnumType(type)) return this.rng.pick(type.getValues()).name;
    if (isInputObjectType(type)) {
      if (depth > 3) return "{}";
      const fields = Object.values(type.getFields()).filter((x) => isNonNullType(x.type) || this.rng.chance(0.5));
      return `{ ${fields.map((x) => `${x.name}: ${this.value(x.type, depth + 1)}`).join(", ")} }`;
    }
    switch (type.name) {
      case "Int":
        return String(Math.trunc(this.rng.pick(NUMBERS)));
      case "Float":
        return String(this.rng.pick(NUMBERS) / 7);
      case "Boolean":
        return this.rng.chance(0.5) ? "true" : "false";
      case "BigInt":
        return this.rng.pick(["0", "1375000000000", "-5", '"9007199254740993"', '"abc"']);
      default:
        return JSON.stringify(this.rng.pick(STRINGS));
    }
  }

  private mutate(query: string): string {
    const at = this.rng.int(0, query.length - 1);
    switch (this.rng.int(0, 4)) {
      case 0:
        return query.slice(0, at);
      case 1:
        return (
          query.slice(0, at) + this.rng.pick(["{", "}", "(", ")", "$", "@", "...", '"', "#", ":"]) + query.slice(at)
        );
      case 2:
        return (
          query.slice(0, at) + query.slice(at, at + this.rng.int(1, 40)).repeat(this.rng.int(2, 5)) + query.slice(at)
        );
      case 3:
        return query.replace(/\w+/, this.rng.pick(["fragment", "subscription", "__schema", "__type", "on", "null"]));
      default:
        return query.slice(0, at) + query.slice(at + this.rng.int(1, 10));
    }
  }

  private randomJson(depth: number): unknown {
    const kind = this.rng.int(0, depth > 0 ? 5 : 3);
    if (kind === 0) return this.rng.pick(STRINGS);
    if (kind === 1) return this.rng.pick(NUMBERS);
    if (kind === 2) return null;
    if (kind === 3) return this.rng.chance(0.5);
    if (kind === 4) return Array.from({ length: this.rng.int(0, 3) }, () => this.randomJson(depth - 1));
    return Object.fromEntries(
      Array.from({ length: this.rng.int(0, 3) }, () => [
        this.rng.pick(["input", "code", "first", "n", "id"]),
        this.randomJson(depth - 1),
      ]),
    );
  }
}
