import { after, before, describe, it } from "node:test";
import assert from "node:assert/strict";
import { statementsFor } from "@danvan/kit/testing";
import { startHarness, type Harness } from "../testing/harness.js";

/** Each grouped aggregate is one SQL statement, whatever the grouping and however many rows it returns. */

const ROWS = (fields: string) => `rows { district { code } commune { code } ${fields} } totalRows`;
const AGGREGATES = {
  householdAggregate: {
    query: `query($groupBy: [HouseholdDimension!]!, $first: Int) {
      householdAggregate(year: 2019, unitCode: "89", groupBy: $groupBy, first: $first, filter: { memberCountMin: 1 }) {
        ${ROWS("area povertyStatus memberCount households people")} } }`,
    few: ["POVERTY_STATUS"],
    many: ["DISTRICT", "COMMUNE", "POVERTY_STATUS", "MEMBER_COUNT"],
  },
  supportAggregate: {
    query: `query($groupBy: [SupportDimension!]!, $first: Int) {
      supportAggregate(unitCode: "89", from: "2017-03-15", to: "2019-11-20", groupBy: $groupBy, first: $first,
                       filter: { kinds: [TET_GIFT, STUDY, MEDICAL, EMERGENCY, PRODUCTION, LOAN, TECHNOLOGY_TRANSFER] }) {
        ${ROWS("month quarter year kind fundingSource recipientStatus events amountVnd")} } }`,
    few: ["FUNDING_SOURCE"],
    many: ["DISTRICT", "COMMUNE", "MONTH", "RECIPIENT_STATUS"],
  },
  contributionAggregate: {
    query: `query($groupBy: [ContributionDimension!]!, $first: Int) {
      contributionAggregate(unitCode: "89", from: "2010-01-01", to: "2019-12-31", groupBy: $groupBy, first: $first) {
        ${ROWS("month quarter year form donorKind fundLevel contributions amountVnd")} } }`,
    few: ["FORM"],
    many: ["DISTRICT", "COMMUNE", "MONTH", "DONOR_KIND"],
  },
  houseAggregate: {
    query: `query($groupBy: [HouseDimension!]!, $first: Int) {
      houseAggregate(unitCode: "89", groupBy: $groupBy, first: $first) {
        ${ROWS("month quarter year status workKind houses costVnd fundVnd")} } }`,
    few: ["WORK_KIND"],
    many: ["DISTRICT", "COMMUNE", "MONTH", "WORK_KIND"],
  },
};

describe("programs' grouped aggregates: one statement whatever the grouping and the rows (N+1 guard)", () => {
  let h: Harness;
  before(async () => {
    h = await startHarness();
  });
  after(async () => h.close());

  for (const [name, a] of Object.entries(AGGREGATES)) {
    it(`${name}: a 1-dimension grouping and a 4-dimension one of at least 50 rows`, async () => {
      const rows = (d: Record<string, unknown>) => (d[name] as { rows: unknown[] }).rows.length;
      const few = await statementsFor(h, a.query, { variables: { groupBy: a.few }, count: rows, min: 2 });
      const many = await statementsFor(h, a.query, {
        variables: { groupBy: a.many, first: 1000 },
        count: rows,
        min: 50,
      });
      console.log(`# ${name}: ${few} statement(s) for ${a.few.join("+")}, ${many} for ${a.many.join("+")}`);
      assert.equal(few, 1);
      assert.equal(many, 1);
    });
  }

  it("all four in one request, grouped by district: four statements", async () => {
    const r = await h.run(`{
      h: householdAggregate(year: 2019, unitCode: "89", groupBy: [DISTRICT]) { rows { district { code } households } }
      s: supportAggregate(unitCode: "89", from: "2019-01-01", to: "2019-12-31", groupBy: [DISTRICT]) { rows { district { code } events } }
      c: contributionAggregate(unitCode: "89", from: "2019-01-01", to: "2019-12-31", groupBy: [DISTRICT]) { rows { district { code } amountVnd } }
      o: houseAggregate(unitCode: "89", groupBy: [DISTRICT]) { rows { district { code } houses } }
    }`);
    assert.equal(r.errors, undefined, JSON.stringify(r.errors));
    for (const key of ["h", "s", "c", "o"]) assert.ok((r.data![key] as { rows: unknown[] }).rows.length >= 11, key);
    assert.equal(r.statements, 4);
  });
});
