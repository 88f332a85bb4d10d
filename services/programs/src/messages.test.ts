import { before, describe, it } from "node:test";
import assert from "node:assert/strict";
import {
  getNamedType,
  isInputObjectType,
  isNonNullType,
  type GraphQLField,
  type GraphQLInputObjectType,
  type GraphQLObjectType,
  type GraphQLSchema,
} from "graphql";
import { catalogueKeys, translate } from "@danvan/kit";
import { programsMessage } from "./messages.js";
import { buildProgramsSchema } from "./schema.js";
import { HOUSE_STATE_NAME, HOUSE_TRANSITION_NAME } from "./houses/house-refusals.js";
import { MODEL_STATE_NAME, MODEL_TRANSITION_NAME } from "./models/model-refusals.js";
import { HouseStatus } from "./houses/house-enums.js";
import { ModelStatus } from "./models/model-enums.js";

describe("the programs catalogue", () => {
  it("has every message in English and in Vietnamese, and the Vietnamese is not the English", () => {
    const en = catalogueKeys("programs", "en").sort();
    assert.deepEqual(catalogueKeys("programs", "vi").sort(), en);
    assert.ok(en.length > 40);
    for (const key of en) {
      const message = { key: `programs:${key}` };
      assert.notEqual(translate(message, "vi"), translate(message, "en"), key);
      assert.doesNotMatch(translate(message, "vi"), /^programs:/, key);
    }
  });

  it("starts a field's message in lower case and writes Vietnamese with its diacritics", () => {
    const field = programsMessage("fundNotOfHousehold");
    assert.equal(translate(field, "en"), "must be the fund of the household's commune or of a unit above it");
    assert.equal(translate(field, "vi"), "phải là quỹ của xã nơi hộ cư trú hoặc của một cấp trên");
    assert.equal(translate(programsMessage("sameFund"), "vi"), "phải khác fromFundId");
    assert.equal(
      translate(programsMessage("deprivationsOver", { max: 10, standard: "QD59-2015" }), "vi"),
      "chỉ được tối đa 10 theo chuẩn QD59-2015",
    );
  });

  it("names every house and model state and move in both languages", () => {
    const names = [
      ...Object.values(HouseStatus).map((s) => HOUSE_STATE_NAME[s]),
      ...Object.values(HOUSE_TRANSITION_NAME),
      ...Object.values(ModelStatus).map((s) => MODEL_STATE_NAME[s]),
      ...Object.values(MODEL_TRANSITION_NAME),
    ];
    assert.equal(names.length, 5 + 4 + 6 + 5);
    for (const name of names) {
      for (const language of ["en", "vi"] as const) {
        const text = translate(name, language);
        assert.match(text, /^[\p{Ll} ]+$/u, `${name.key} (${language}): ${text}`);
      }
    }
  });
});

describe("the programs schema: partial answers and Date inputs", () => {
  let schema: GraphQLSchema;
  before(async () => {
    schema = await buildProgramsSchema();
  });

  const fieldOf = (type: string, field: string): GraphQLField<unknown, unknown> => {
    const t = schema.getType(type) as GraphQLObjectType | undefined;
    const f = t?.getFields()[field];
    assert.ok(f, `${type}.${field}`);
    return f;
  };

  it("makes every mutation nullable, so one failing mutation does not null the others", () => {
    const mutations = Object.values(schema.getMutationType()!.getFields());
    assert.ok(mutations.length >= 20);
    for (const m of mutations) assert.ok(!isNonNullType(m.type), `Mutation.${m.name}`);
  });

  it("makes the queries that take a code, an id, a period or a year, or may be refused, nullable", () => {
    for (const name of [
      "povertyStatistics",
      "fundSummary",
      "fund",
      "household",
      "households",
      "solidarityHouse",
      "solidarityHouses",
      "houseStatistics",
      "mobilisationModel",
      "mobilisationModels",
      "modelStatistics",
      "memberProject",
      "memberProjects",
    ]) {
      assert.ok(!isNonNullType(fieldOf("Query", name).type), `Query.${name}`);
    }
    // A public list of reference data, with no argument, cannot fail on its own.
    assert.ok(isNonNullType(fieldOf("Query", "povertyStandards").type));
  });

  it("makes the fields added to other subgraphs' entities, and refusable or checked fields, nullable", () => {
    for (const [type, field] of [
      ["AdministrativeUnit", "povertyStatistics"],
      ["AdministrativeUnit", "fundSummary"],
      ["AdministrativeUnit", "households"],
      ["AdministrativeUnit", "houseStatistics"],
      ["AdministrativeUnit", "modelStatistics"],
      ["Organisation", "fund"],
      ["Organisation", "mobilisationModels"],
      ["Fund", "contributions"],
      ["Fund", "balance"],
    ] as const) {
      assert.ok(!isNonNullType(fieldOf(type, field).type), `${type}.${field}`);
    }
    // Fields that cannot fail on their own stay non-null.
    for (const [type, field] of [
      ["Household", "id"],
      ["Household", "headName"],
      ["Household", "unit"],
      ["SolidarityHouse", "status"],
      ["FundSummary", "raisedVnd"],
    ] as const) {
      assert.ok(isNonNullType(fieldOf(type, field).type), `${type}.${field}`);
    }
  });

  it("types every date of an input or argument as Date, none as String", () => {
    const dates: [string, string][] = [
      ["RegisterHouseholdInput", "registeredOn"],
      ["ClassifyHouseholdInput", "classifiedOn"],
      ["RecordContributionInput", "receivedOn"],
      ["TransferFundsInput", "transferredOn"],
      ["RecordSupportInput", "givenOn"],
      ["ProposeHouseInput", "proposedOn"],
      ["HouseStepInput", "on"],
      ["CancelHouseInput", "on"],
      ["RegisterModelInput", "registeredOn"],
      ["ModelStepInput", "on"],
      ["RecordProjectInput", "startsOn"],
      ["RecordProjectInput", "endsOn"],
      ["UpdateProjectInput", "startsOn"],
      ["UpdateProjectInput", "endsOn"],
    ];
    for (const [input, field] of dates) {
      const f = (schema.getType(input) as GraphQLInputObjectType).getFields()[field];
      assert.equal(f && getNamedType(f.type).name, "Date", `${input}.${field}`);
    }
    for (const [type, field] of [
      ["Query", "fundSummary"],
      ["AdministrativeUnit", "fundSummary"],
      ["Fund", "balance"],
      ["Fund", "contributions"],
      ["Query", "houseStatistics"],
    ] as const) {
      const args = fieldOf(type, field).args.filter((a) => a.name === "from" || a.name === "to");
      assert.equal(args.length, 2, `${type}.${field}`);
      for (const arg of args) assert.equal(getNamedType(arg.type).name, "Date", `${type}.${field}(${arg.name})`);
    }
    // No input field whose name says it holds a date (…On) is left a String.
    for (const type of Object.values(schema.getTypeMap())) {
      if (!isInputObjectType(type)) continue;
      for (const f of Object.values(type.getFields())) {
        if (/On$/.test(f.name)) assert.equal(getNamedType(f.type).name, "Date", `${type.name}.${f.name}`);
      }
    }
  });
});
