import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { inLanguage, translate } from "../i18n/index.js";
import { buildSchema, getOperationAST, parse, specifiedRules, validate, type GraphQLInputType } from "graphql";
import {
  LiteralValuesRule,
  valueFaults,
  variableFaults,
  withoutQuotedValues,
  type InputFault,
} from "./input-faults.js";

const schema = buildSchema(`
  scalar Date
  scalar BigInt
  scalar YearMonth
  enum Kind { COMPLAINT DENUNCIATION }
  input Person { fullName: String! idNumber: String phone: String }
  input Submit {
    kind: Kind!
    receivedOn: Date!
    summary: String!
    amountVnd: BigInt
    denouncer: Person
    tags: [String!]
    idempotencyKey: String!
    round: Int = 1
  }
  type Query {
    stats(unitCode: ID!, from: Date!, to: Date!, month: YearMonth, first: Int): Int
  }
  type Mutation { submit(input: Submit!): Int }
`);

const SECRET = "Nguyễn Thị Bí Mật 079123456789";
const render = (faults: InputFault[]) => faults.map((f) => ({ path: f.path, message: translate(f.message, "en") }));

function faultsOf(value: unknown, type = "Submit!"): { path: string; message: string }[] {
  const out: InputFault[] = [];
  valueFaults(value, schema.getType(type.replace("!", "")) as GraphQLInputType, "input", out);
  if (type.endsWith("!") && (value === null || value === undefined)) return [{ path: "input", message: "required" }];
  return render(out);
}

const valid = {
  kind: "DENUNCIATION",
  receivedOn: "2019-05-06",
  summary: SECRET,
  denouncer: { fullName: SECRET, idNumber: SECRET, phone: SECRET },
  idempotencyKey: "key-12345678",
};

describe("input faults by path, never by value", () => {
  it("finds nothing wrong with a valid input", () => {
    assert.deepEqual(faultsOf(valid), []);
    assert.deepEqual(faultsOf({ ...valid, tags: "one", amountVnd: "90071992547409930" }), []);
  });

  it("names the path and what the type expects for each kind of fault", () => {
    const { idempotencyKey: _drop, ...missing } = valid;
    assert.deepEqual(faultsOf(missing), [{ path: "input.idempotencyKey", message: "is required" }]);
    assert.deepEqual(faultsOf({ ...valid, summary: null }), [{ path: "input.summary", message: "must not be null" }]);
    assert.deepEqual(faultsOf({ ...valid, summary: 42 }), [{ path: "input.summary", message: "must be a String" }]);
    assert.deepEqual(faultsOf({ ...valid, kind: SECRET }), [
      { path: "input.kind", message: "must be one of the values of Kind" },
    ]);
    assert.deepEqual(faultsOf({ ...valid, receivedOn: "2019-13-45" }), [
      { path: "input.receivedOn", message: "must be a Date: a real calendar date YYYY-MM-DD" },
    ]);
    assert.deepEqual(faultsOf({ ...valid, amountVnd: 1.5 }), [
      {
        path: "input.amountVnd",
        message: "must be a BigInt: a whole number (a JSON integer, or a string of digits beyond 2^53)",
      },
    ]);
    assert.deepEqual(faultsOf({ ...valid, denouncer: { idNumber: SECRET, nickname: SECRET } }), [
      { path: "input.denouncer.fullName", message: "is required" },
      { path: "input.denouncer.nickname", message: "is not a field of Person" },
    ]);
    assert.deepEqual(faultsOf({ ...valid, tags: ["a", 7, "b"] }), [
      { path: "input.tags.1", message: "must be a String" },
    ]);
    assert.deepEqual(faultsOf({ ...valid, summary: [SECRET] }), [
      { path: "input.summary", message: "must be a single String, not a list" },
    ]);
    assert.deepEqual(faultsOf({ ...valid, denouncer: SECRET }), [
      { path: "input.denouncer", message: "must be an object of type Person" },
    ]);
  });

  it("checks an operation's variables from their names, defaults included", () => {
    const document = parse(`mutation($input: Submit!, $n: Int = 5, $m: YearMonth) { submit(input: $input) }`);
    const operation = getOperationAST(document)!;
    assert.deepEqual(render(variableFaults(schema, operation, { input: valid })), []);
    assert.deepEqual(render(variableFaults(schema, operation, {})), [{ path: "input", message: "is required" }]);
    assert.deepEqual(render(variableFaults(schema, operation, { input: valid, n: "x", m: "2020-13" })), [
      { path: "n", message: "must be an Int: a whole number from -2147483648 to 2147483647" },
      { path: "m", message: "must be a YearMonth: a real month YYYY-MM" },
    ]);
  });

  it("reports literal arguments by path with the graph's scalars, dropping graphql-js's quoting errors", () => {
    const document = parse(`query Q {
      stats(unitCode: "883", from: "2019-13-45", to: "${SECRET}", month: "2020-02", first: "${SECRET}")
    }
    query R { stats(from: "2019-01-01", to: "2019-12-31") }
    mutation M { submit(input: { kind: WHATEVER, receivedOn: "2019-01-01", summary: "${SECRET}", idempotencyKey: 5,
      denouncer: { idNumber: "${SECRET}" }, tags: ["a", 1] }) }`);
    const errors = withoutQuotedValues(validate(schema, document, [...specifiedRules, LiteralValuesRule]));
    const text = JSON.stringify(errors.map((e) => ({ message: e.message, extensions: e.extensions })));
    assert.ok(!text.includes("Bí Mật") && !text.includes("WHATEVER") && !text.includes("2019-13-45"), text);
    const fields = errors.flatMap((e) => (e.extensions.fields as { path: string; message: string }[]) ?? []);
    assert.deepEqual(
      fields.map((f) => f.path),
      [
        "from",
        "to",
        "first",
        "unitCode",
        "input.kind",
        "input.idempotencyKey",
        "input.denouncer.fullName",
        "input.tags.1",
      ],
    );
    assert.equal(fields[0]!.message, "must be a Date: a real calendar date YYYY-MM-DD");
    assert.equal(errors[0]!.message, "Invalid argument: from: must be a Date: a real calendar date YYYY-MM-DD");
    assert.ok(
      errors.every((e) => e.extensions.fields),
      "every error left is ours, with fields",
    );
  });

  it("speaks Vietnamese to a caller who asks for it", async () => {
    const document = parse(`{ stats(unitCode: "883", from: "2019-02-30", to: "2019-12-31") }`);
    const [error] = await inLanguage("vi", async () =>
      withoutQuotedValues(validate(schema, document, [...specifiedRules, LiteralValuesRule])),
    );
    assert.equal(error!.message, "Đối số không hợp lệ: from: phải là một Date: ngày có thật dạng YYYY-MM-DD");
    assert.deepEqual(error!.extensions.fields, [
      { path: "from", message: "phải là một Date: ngày có thật dạng YYYY-MM-DD" },
    ]);
  });
});
