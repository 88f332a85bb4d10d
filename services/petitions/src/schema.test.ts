import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { assertObjectType, type GraphQLSchema } from "graphql";
import { buildPetitionsSchema } from "./schema.js";

/** `Type.field` → its type as SDL prints it, `Type.field(arg)` → the argument's, `Input.field` → the input field's. */
function typeOf(schema: GraphQLSchema, path: string): string {
  const [, typeName, fieldName, argName] = /^(\w+)\.(\w+)(?:\((\w+)\))?$/.exec(path)!;
  const type = schema.getType(typeName!);
  assert.ok(type, path);
  const fields = (
    type as { getFields(): Record<string, { type: unknown; args?: { name: string; type: unknown }[] }> }
  ).getFields();
  const field = fields[fieldName!];
  assert.ok(field, path);
  if (!argName) return String(field.type);
  const arg = field.args?.find((a) => a.name === argName);
  assert.ok(arg, path);
  return String(arg.type);
}

describe("the petitions schema: dates, months and partial answers", () => {
  it("types every date argument and input field as Date, and the reception month as YearMonth", async () => {
    const schema = await buildPetitionsSchema();
    const expected: Record<string, string> = {
      "Query.petitionStatistics(from)": "Date!",
      "Query.petitionStatistics(to)": "Date!",
      "Query.receptionSessions(from)": "Date",
      "Query.receptionSessions(to)": "Date",
      "Query.receptionCompliance(month)": "YearMonth!",
      "AdministrativeUnit.petitionStatistics(from)": "Date!",
      "AdministrativeUnit.petitionStatistics(to)": "Date!",
      "SubmitPetitionInput.receivedOn": "Date!",
      "PetitionStepInput.on": "Date!",
      "AcceptPetitionInput.on": "Date!",
      "RefusePetitionInput.on": "Date!",
      "MarkNotProcessableInput.on": "Date!",
      "ExtendDeadlineInput.on": "Date!",
      "ResolvePetitionInput.on": "Date!",
      "ReferForInspectionInput.on": "Date!",
      "RecordSessionInput.heldOn": "Date!",
    };
    for (const [path, type] of Object.entries(expected)) assert.equal(typeOf(schema, path), type, path);
  });

  it("lets a field that can fail or be refused null itself alone", async () => {
    const schema = await buildPetitionsSchema();
    const nullable = [
      "Query.petition",
      "Query.petitions",
      "Query.petitionStatistics",
      "Query.receptionSessions",
      "Query.receptionCompliance",
      "AdministrativeUnit.petitionStatistics",
      "Organisation.petitions",
      "Petition.denouncerIdentity",
      "Petition.summary",
      "ReceptionSession.petitions",
      ...Object.keys(assertObjectType(schema.getMutationType()).getFields()).map((f) => `Mutation.${f}`),
    ];
    assert.equal(nullable.filter((p) => p.startsWith("Mutation.")).length, 10);
    for (const path of nullable) assert.ok(!typeOf(schema, path).endsWith("!"), `${path} is ${typeOf(schema, path)}`);
    // What cannot fail on its own stays non-null.
    for (const path of ["Petition.id", "Petition.status", "Petition.history", "PetitionStatistics.received"])
      assert.ok(typeOf(schema, path).endsWith("!"), path);
  });
});
