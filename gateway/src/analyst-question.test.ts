import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { buildAggregateRequest, controlOfPath, type AggregateChoice } from "./analyst-question.js";
import { aggregate } from "./testing/analyst-questions.js";

/** Support by district and kind for 2019: the browser test's question. */
const SUPPORT_2019: AggregateChoice = {
  aggregate: "support",
  unitCode: "89",
  from: "2019-01-01",
  to: "2019-12-31",
  groupBy: ["DISTRICT", "KIND"],
  filter: {},
  orderBy: { by: "EVENTS", direction: "DESC" },
  first: 100,
};

describe("the analyst page's question", () => {
  it("builds one named query with a variable per argument, places as { code name }, the map and the coverage", () => {
    const request = buildAggregateRequest(aggregate("support"), SUPPORT_2019);
    assert.equal(request.operationName, "SupportAggregate");
    assert.equal(
      request.query,
      `query SupportAggregate($unitCode: ID!, $from: Date!, $to: Date!, $map: UnitMap, $groupBy: [SupportDimension!]!, $orderBy: [SupportAggregateOrder!], $first: Int) {
  supportAggregate(unitCode: $unitCode, from: $from, to: $to, map: $map, groupBy: $groupBy, orderBy: $orderBy, first: $first) {
    rows {
      district {
        code
        name
      }
      kind
      events
      amountVnd
    }
    totalRows
    coverage {
      complete
      approximate
      uncoveredUnits {
        code
        name
      }
      countedWholeUnits {
        code
        name
      }
    }
  }
}
`,
    );
    assert.deepEqual(request.variables, {
      unitCode: "89",
      from: "2019-01-01",
      to: "2019-12-31",
      map: "AS_RECORDED",
      groupBy: ["DISTRICT", "KIND"],
      orderBy: [{ by: "EVENTS", direction: "DESC" }],
      first: 100,
    });
  });

  it("sends a year to households, an optional period to houses and asOf to members, filters only when set", () => {
    const households = buildAggregateRequest(aggregate("households"), {
      aggregate: "households",
      unitCode: "883",
      year: 2019,
      groupBy: ["COMMUNE", "MEMBER_COUNT"],
      filter: { povertyStatuses: ["POOR"], areas: [], memberCountMin: 3, memberCountMax: null },
      first: null,
    });
    assert.match(
      households.query,
      /^query HouseholdAggregate\(\$unitCode: ID!, \$year: Int!, \$map: UnitMap, \$groupBy: \[HouseholdDimension!\]!, \$filter: HouseholdAggregateFilter\)/,
    );
    assert.deepEqual(households.variables, {
      unitCode: "883",
      year: 2019,
      map: "AS_RECORDED",
      groupBy: ["COMMUNE", "MEMBER_COUNT"],
      filter: { povertyStatuses: ["POOR"], memberCountMin: 3 },
    });
    const houses = buildAggregateRequest(aggregate("houses"), {
      aggregate: "houses",
      unitCode: "89",
      from: null,
      to: "2015-12-31",
      groupBy: ["YEAR"],
      filter: {},
    });
    assert.deepEqual(houses.variables, { unitCode: "89", to: "2015-12-31", map: "AS_RECORDED", groupBy: ["YEAR"] });
    assert.match(houses.query, /houseAggregate\(unitCode: \$unitCode, to: \$to, map: \$map, groupBy: \$groupBy\)/);
    const members = buildAggregateRequest(aggregate("members"), {
      aggregate: "members",
      unitCode: "89",
      asOf: "2019-12-31",
      groupBy: ["AGE_BAND"],
      filter: { genders: ["FEMALE"] },
    });
    assert.deepEqual(members.variables, {
      unitCode: "89",
      asOf: "2019-12-31",
      map: "AS_RECORDED",
      groupBy: ["AGE_BAND"],
      filter: { genders: ["FEMALE"] },
    });
    assert.match(members.query, /ageBand\n\s+members\n\s+suppressed\n/);
  });

  it("sends the map picked to the aggregates that take it, and asks their coverage", () => {
    const choice: AggregateChoice = { ...SUPPORT_2019, unitCode: "91", map: "TODAY", groupBy: ["COMMUNE"] };
    const today = buildAggregateRequest(aggregate("support"), choice);
    assert.equal(today.variables["map"], "TODAY");
    assert.match(today.query, /\$map: UnitMap/);
    assert.match(
      today.query,
      /\n {4}coverage \{\n {6}complete\n {6}approximate\n {6}uncoveredUnits \{\n {8}code\n {8}name\n/,
    );
    for (const id of ["households", "contributions", "houses", "petitions", "members"]) {
      const request = buildAggregateRequest(aggregate(id), { ...choice, aggregate: id, year: 2019 });
      assert.equal(request.variables["map"], "TODAY", id);
      assert.match(request.query, /map: \$map/, id);
      assert.match(request.query, /countedWholeUnits \{/, id);
    }
    // An aggregate that takes no map is sent none, and one without coverage is not asked for it.
    const older = { ...aggregate("support"), map: false, coverage: false };
    const request = buildAggregateRequest(older, choice);
    assert.equal("map" in request.variables, false);
    assert.doesNotMatch(request.query, /map|coverage/);
  });
  it("finds the page's control an input fault names", () => {
    const cases: [string, string | null][] = [
      ["unitCode", "unit"],
      ["year", "year"],
      ["from", "from"],
      ["asOf", "as-of"],
      ["map", "map"],
      ["groupBy", "dim-1"],
      ["groupBy.2", "dim-3"],
      ["filter.kinds.0", "filter-kinds"],
      ["filter.memberCountMin", "filter-memberCountMin"],
      ["orderBy.0.by", "sort"],
      ["orderBy.0.direction", "direction"],
      ["first", "first"],
      ["input.other", null],
    ];
    for (const [p, control] of cases) assert.equal(controlOfPath(p), control, p);
  });
});
