import { after, before, describe, it } from "node:test";
import assert from "node:assert/strict";
import { startHarness, type Harness } from "../testing/harness.js";

/**
 * Faults in the aggregates' arguments: BAD_USER_INPUT (NOT_FOUND for a unit that names nothing)
 * by path, every fault of a request at once, in English and Vietnamese, never quoting a value.
 */

const HOUSEHOLDS = `query($year: Int!, $unit: ID!, $groupBy: [HouseholdDimension!]!, $filter: HouseholdAggregateFilter,
    $orderBy: [HouseholdAggregateOrder!], $first: Int) {
  householdAggregate(year: $year, unitCode: $unit, groupBy: $groupBy, filter: $filter, orderBy: $orderBy, first: $first) { totalRows }
}`;
const SUPPORT = `query($unit: ID!, $from: Date!, $to: Date!, $groupBy: [SupportDimension!]!, $filter: SupportAggregateFilter,
    $orderBy: [SupportAggregateOrder!], $first: Int) {
  supportAggregate(unitCode: $unit, from: $from, to: $to, groupBy: $groupBy, filter: $filter, orderBy: $orderBy, first: $first) { totalRows }
}`;
const CONTRIBUTIONS = `query($unit: ID!, $from: Date!, $to: Date!, $groupBy: [ContributionDimension!]!,
    $filter: ContributionAggregateFilter, $orderBy: [ContributionAggregateOrder!], $first: Int) {
  contributionAggregate(unitCode: $unit, from: $from, to: $to, groupBy: $groupBy, filter: $filter, orderBy: $orderBy, first: $first) { totalRows }
}`;
const HOUSES = `query($unit: ID!, $from: Date, $to: Date, $groupBy: [HouseDimension!]!, $filter: HouseAggregateFilter,
    $orderBy: [HouseAggregateOrder!], $first: Int) {
  houseAggregate(unitCode: $unit, from: $from, to: $to, groupBy: $groupBy, filter: $filter, orderBy: $orderBy, first: $first) { totalRows }
}`;

const EN = {
  twice: "names a dimension already in the grouping",
  tooMany: "must have at most 4 items",
  sort: "must be a dimension of the grouping or a measure",
  first: "must be from 1 to 1000",
  period: "must not be after to",
  empty: "must have at least one item",
  aboveMax: "must not be more than memberCountMax",
  atLeastOne: "must be at least 1",
  year: "must be a year between 2000 and 2100",
  unit: "must be an official unit code (2, 3 or 5 digits)",
};
const VI: Record<keyof typeof EN, string> = {
  twice: "trùng với một chiều đã có trong cách nhóm",
  tooMany: "chỉ được có tối đa 4 phần tử",
  sort: "phải là một chiều đang nhóm hoặc một chỉ số",
  first: "phải nằm trong khoảng từ 1 đến 1000",
  period: "không được sau to",
  empty: "phải có ít nhất một phần tử",
  aboveMax: "không được lớn hơn memberCountMax",
  atLeastOne: "phải lớn hơn hoặc bằng 1",
  year: "phải là năm trong khoảng từ 2000 đến 2100",
  unit: "phải là mã đơn vị hành chính chính thức (2, 3 hoặc 5 chữ số)",
};

type Fault = keyof typeof EN;
interface Case {
  name: string;
  query: string;
  variables: Record<string, unknown>;
  fields: [path: string, fault: Fault][];
}

const SUPPORT_OK = { unit: "89", from: "2019-01-01", to: "2019-12-31", groupBy: ["KIND"] };
const CONTRIBUTIONS_OK = { unit: "89", from: "2019-01-01", to: "2019-12-31", groupBy: ["FORM"] };

const CASES: Case[] = [
  {
    name: "householdAggregate: a dimension twice, a sort on a dimension not grouped, first 0, a bad year",
    query: HOUSEHOLDS,
    variables: {
      year: 1999,
      unit: "883",
      groupBy: ["AREA", "AREA"],
      orderBy: [{ by: "PEOPLE" }, { by: "COMMUNE" }],
      first: 0,
    },
    fields: [
      ["groupBy.1", "twice"],
      ["orderBy.1.by", "sort"],
      ["first", "first"],
      ["year", "year"],
    ],
  },
  {
    name: "householdAggregate: five dimensions, an empty list, sizes under 1 and the wrong way round",
    query: HOUSEHOLDS,
    variables: {
      year: 2019,
      unit: "89",
      groupBy: ["DISTRICT", "COMMUNE", "AREA", "POVERTY_STATUS", "MEMBER_COUNT"],
      filter: { areas: [], memberCountMin: 0, memberCountMax: 0 },
    },
    fields: [
      ["groupBy", "tooMany"],
      ["filter.areas", "empty"],
      ["filter.memberCountMin", "atLeastOne"],
      ["filter.memberCountMax", "atLeastOne"],
    ],
  },
  {
    name: "householdAggregate: more people at least than at most",
    query: HOUSEHOLDS,
    variables: { year: 2019, unit: "89", groupBy: [], filter: { memberCountMin: 5, memberCountMax: 2 } },
    fields: [["filter.memberCountMin", "aboveMax"]],
  },
  {
    name: "supportAggregate: a period ending before it starts, first over 1,000, an empty filter list",
    query: SUPPORT,
    variables: { ...SUPPORT_OK, from: "2019-12-31", to: "2019-01-01", first: 1001, filter: { recipientStatuses: [] } },
    fields: [
      ["first", "first"],
      ["from", "period"],
      ["filter.recipientStatuses", "empty"],
    ],
  },
  {
    name: "supportAggregate: a sort on a time not grouped, a dimension twice",
    query: SUPPORT,
    variables: { ...SUPPORT_OK, groupBy: ["MONTH", "KIND", "MONTH"], orderBy: [{ by: "QUARTER", direction: "ASC" }] },
    fields: [
      ["groupBy.2", "twice"],
      ["orderBy.0.by", "sort"],
    ],
  },
  {
    name: "contributionAggregate: a reversed period and empty lists",
    query: CONTRIBUTIONS,
    variables: { ...CONTRIBUTIONS_OK, from: "2020-01-01", to: "2019-01-01", filter: { forms: [], fundLevels: [] } },
    fields: [
      ["from", "period"],
      ["filter.forms", "empty"],
      ["filter.fundLevels", "empty"],
    ],
  },
  {
    name: "contributionAggregate: a sort on a measure of another aggregate",
    query: CONTRIBUTIONS,
    variables: { ...CONTRIBUTIONS_OK, orderBy: [{ by: "DONOR_KIND" }], first: -3 },
    fields: [
      ["orderBy.0.by", "sort"],
      ["first", "first"],
    ],
  },
  {
    name: "houseAggregate: a reversed period, an empty list, five dimensions",
    query: HOUSES,
    variables: {
      unit: "883",
      from: "2019-06-01",
      to: "2019-05-01",
      groupBy: ["DISTRICT", "COMMUNE", "YEAR", "STATUS", "WORK_KIND"],
      filter: { workKinds: [] },
    },
    fields: [
      ["groupBy", "tooMany"],
      ["from", "period"],
      ["filter.workKinds", "empty"],
    ],
  },
  {
    name: "houseAggregate: a malformed unit code",
    query: HOUSES,
    variables: { unit: "8x3", groupBy: ["STATUS"] },
    fields: [["unitCode", "unit"]],
  },
];

describe("the aggregates refuse bad input by path, in both languages, without quoting it", () => {
  let h: Harness;
  before(async () => {
    h = await startHarness();
  });
  after(async () => h.close());

  for (const c of CASES) {
    it(c.name, async () => {
      for (const [language, words] of [
        ["en", EN],
        ["vi", VI],
      ] as const) {
        const r = await h.run(c.query, { variables: c.variables, language });
        assert.equal(r.errors?.length, 1, JSON.stringify(r.errors));
        const [error] = r.errors!;
        assert.equal(error!.extensions!.code, "BAD_USER_INPUT");
        const data = r.data as Record<string, unknown>;
        assert.equal(Object.values(data)[0], null, "the aggregate alone is null");
        const sortedFields = (f: { path: string; message: string }[]) =>
          [...f].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
        assert.deepEqual(
          sortedFields(error!.extensions!.fields as { path: string; message: string }[]),
          sortedFields(c.fields.map(([path, fault]) => ({ path, message: words[fault] }))),
          language,
        );
        if (language === "vi") assert.match(error!.message, /^Dữ liệu không hợp lệ/);
        // No value sent comes back: not a unit code, a date, an enum value or a number.
        const text = JSON.stringify(r.errors);
        for (const value of ["8x3", "2019-12-31", "2019-01-01", "2020-01-01", "2019-06-01", "1999", "1001", "-3"])
          if (JSON.stringify(c.variables).includes(value)) assert.ok(!text.includes(value), `${value} not quoted`);
      }
    });
  }

  it("answers a unit that names nothing with NOT_FOUND on unitCode, in both languages", async () => {
    for (const [query, variables] of [
      [HOUSEHOLDS, { year: 2019, unit: "99999", groupBy: ["AREA"] }],
      [SUPPORT, { ...SUPPORT_OK, unit: "99999" }],
      [CONTRIBUTIONS, { ...CONTRIBUTIONS_OK, unit: "999" }],
      [HOUSES, { unit: "12", groupBy: ["STATUS"] }],
    ] as const) {
      const en = await h.run(query, { variables });
      const vi = await h.run(query, { variables, language: "vi" });
      for (const [r, message, field] of [
        [en, "No such administrative unit", "does not exist"],
        [vi, "Không tìm thấy đơn vị hành chính", "không tồn tại"],
      ] as const) {
        assert.equal(r.errors?.[0]?.extensions?.code, "NOT_FOUND");
        assert.equal(r.errors![0]!.message, message);
        assert.deepEqual(r.errors![0]!.extensions!.fields, [{ path: "unitCode", message: field }]);
        assert.doesNotMatch(JSON.stringify(r.errors), /99999|"999"|"12"/);
      }
    }
  });

  it("refuses a dimension that is not one (a name, an address) before anything runs, without quoting it", async () => {
    const r = await h.run(HOUSEHOLDS, { variables: { year: 2019, unit: "89", groupBy: ["HEAD_NAME"] } });
    assert.equal(r.errors?.[0]?.extensions?.code, "BAD_USER_INPUT");
    assert.equal(r.data, undefined);
    assert.doesNotMatch(JSON.stringify(r.errors), /HEAD_NAME/);
  });

  it("takes an empty grouping: one row of totals", async () => {
    const r = await h.run(HOUSEHOLDS.replace("{ totalRows }", "{ totalRows rows { households district { code } } }"), {
      variables: { year: 2019, unit: "883", groupBy: [] },
    });
    assert.equal(r.errors, undefined);
    const a = r.data!.householdAggregate as { totalRows: number; rows: { households: number; district: null }[] };
    assert.equal(a.totalRows, 1);
    assert.ok(a.rows[0]!.households > 0);
    assert.equal(a.rows[0]!.district, null);
  });
});
