import { after, before, describe, it } from "node:test";
import assert from "node:assert/strict";
import { kitMessage, translate } from "@danvan/kit/i18n";
import { ANALYST, startHarness, type Harness } from "../testing/harness.js";
import { PetitionKind } from "../petitions/petition-graphql-enums.js";
import { AGGREGATE, aggregateQueries, ALL_YEARS, sums, type Args } from "./petition-aggregate.fixture.js";

describe("petitionAggregate: filter, orderBy, first and their faults", () => {
  let h: Harness;
  before(async () => {
    h = await startHarness();
  });
  after(async () => h.close());
  const { aggregate, statistics } = aggregateQueries(() => h);

  it("filters by kind and status", async () => {
    const expected = await statistics("884", ALL_YEARS.from, ALL_YEARS.to);
    const complaints = await aggregate({
      unitCode: "884",
      ...ALL_YEARS,
      groupBy: ["YEAR"],
      filter: { kinds: ["COMPLAINT"] },
    });
    const { kind: _kind, ...complaintFigures } = expected.byKind.find((k) => k.kind === "COMPLAINT")!;
    assert.deepEqual(sums(complaints.rows), complaintFigures);
    const two = await aggregate({
      unitCode: "884",
      ...ALL_YEARS,
      groupBy: ["KIND"],
      filter: { kinds: ["DENUNCIATION", "REFLECTION"] },
    });
    assert.deepEqual(
      two.rows.map((r) => r.kind),
      ["DENUNCIATION", "REFLECTION"],
    );
    const resolved = await aggregate({
      unitCode: "884",
      ...ALL_YEARS,
      groupBy: ["STATUS"],
      filter: { statuses: ["RESOLVED"] },
    });
    assert.deepEqual(
      resolved.rows.map((r) => [r.status, r.received, r.resolved]),
      [["RESOLVED", expected.resolved, expected.resolved]],
    );
    // An empty list would match nothing: refused by path, as every aggregate does.
    const none = await h.run(AGGREGATE, {
      identity: ANALYST,
      variables: { unitCode: "884", ...ALL_YEARS, groupBy: ["KIND"], filter: { kinds: [] } },
    });
    assert.deepEqual(none.errors?.[0]?.extensions?.fields, [
      { path: "filter.kinds", message: "must have at least one item" },
    ]);
  });

  it("sorts by a measure or a dimension, then in dimension order, and keeps `first` rows of totalRows", async () => {
    const base = { unitCode: "89", ...ALL_YEARS };
    const all = await aggregate({ ...base, groupBy: ["DISTRICT", "KIND"], first: 1000 });
    const top = await aggregate({
      ...base,
      groupBy: ["DISTRICT", "KIND"],
      orderBy: [{ by: "RECEIVED" }],
      first: 5,
    });
    assert.equal(top.rows.length, 5);
    assert.equal(top.totalRows, all.totalRows);
    const expectedTop = [...all.rows]
      .sort(
        (a, b) =>
          b.received! - a.received! ||
          a.district!.code.localeCompare(b.district!.code) ||
          Object.values(PetitionKind).indexOf(a.kind!) - Object.values(PetitionKind).indexOf(b.kind!),
      )
      .slice(0, 5);
    assert.deepEqual(top.rows, expectedTop);
    // Default: dimension order, in the grouping's order (kind first here).
    const kindFirst = await aggregate({ ...base, groupBy: ["KIND", "DISTRICT"], first: 1000 });
    const kinds = Object.values(PetitionKind) as string[];
    for (let i = 1; i < kindFirst.rows.length; i++) {
      const [a, b] = [kindFirst.rows[i - 1]!, kindFirst.rows[i]!];
      const cmp = kinds.indexOf(a.kind!) - kinds.indexOf(b.kind!) || a.district!.code.localeCompare(b.district!.code);
      assert.ok(cmp < 0, `row ${i} in order`);
    }
    // A dimension descending; ascending by a measure.
    const yearsDown = await aggregate({ ...base, groupBy: ["YEAR"], orderBy: [{ by: "YEAR", direction: "DESC" }] });
    assert.deepEqual(
      yearsDown.rows.map((r) => r.year),
      ["2020", "2019", "2018", "2017", "2016", "2015"],
    );
    const kindsDown = await aggregate({ ...base, groupBy: ["KIND"], orderBy: [{ by: "KIND" }] });
    assert.deepEqual(
      kindsDown.rows.map((r) => r.kind),
      [...kinds].reverse(),
    );
    const fewestOverdue = await aggregate({
      ...base,
      groupBy: ["DISTRICT"],
      orderBy: [{ by: "OVERDUE", direction: "ASC" }, { by: "RECEIVED" }],
    });
    const overdue = fewestOverdue.rows.map((r) => r.overdue!);
    assert.deepEqual(
      overdue,
      [...overdue].sort((a, b) => a - b),
    );
    // A median sorts with the groups that have none (nothing resolved) last, either way.
    for (const direction of ["ASC", "DESC"]) {
      const m = await aggregate({
        ...base,
        groupBy: ["STATUS"],
        orderBy: [{ by: "MEDIAN_DAYS_TO_RESOLVE", direction }],
      });
      assert.equal(m.rows[0]!.status, "RESOLVED");
      assert.ok(m.rows.slice(1).every((r) => r.medianDaysToResolve === null));
    }
    // `first` keeps the first rows of the same order.
    const first3 = await aggregate({ ...base, groupBy: ["KIND", "DISTRICT"], first: 3 });
    assert.deepEqual(first3.rows, kindFirst.rows.slice(0, 3));
    assert.equal(first3.totalRows, kindFirst.totalRows);
    const defaulted = await aggregate({ ...base, groupBy: ["COMMUNE", "YEAR"] });
    assert.equal(defaulted.rows.length, 100);
    assert.ok(defaulted.totalRows > 100);
  });

  it("refuses each fault of the arguments by path, in English and in Vietnamese, never quoting a value", async () => {
    const ok = { unitCode: "89", ...ALL_YEARS, groupBy: ["KIND"] };
    const faults: [Args, string, string, ReturnType<typeof kitMessage>][] = [
      [{ ...ok, groupBy: ["KIND", "DISTRICT", "KIND"] }, "BAD_USER_INPUT", "groupBy.2", kitMessage("dimensionTwice")],
      [
        { ...ok, groupBy: ["KIND", "DISTRICT", "YEAR", "STATUS", "ON_TIME"] },
        "BAD_USER_INPUT",
        "groupBy",
        kitMessage("arrayMaxSize", { max: 4 }),
      ],
      [{ ...ok, orderBy: [{ by: "DISTRICT" }] }, "BAD_USER_INPUT", "orderBy.0.by", kitMessage("sortNotGrouped")],
      [{ ...ok, first: 0 }, "BAD_USER_INPUT", "first", kitMessage("between", { min: 1, max: 1000 })],
      [{ ...ok, first: 1001 }, "BAD_USER_INPUT", "first", kitMessage("between", { min: 1, max: 1000 })],
      [
        { ...ok, from: "2020-01-02", to: "2020-01-01" },
        "BAD_USER_INPUT",
        "from",
        kitMessage("notAfter", { other: "to" }),
      ],
      [{ ...ok, unitCode: "8x3" }, "BAD_USER_INPUT", "unitCode", kitMessage("unitCode")],
      [{ ...ok, unitCode: "99999" }, "NOT_FOUND", "unitCode", kitMessage("doesNotExist")],
    ];
    for (const [variables, code, path, message] of faults) {
      const texts: string[] = [];
      for (const language of ["en", "vi"] as const) {
        const r = await h.run(AGGREGATE, { identity: ANALYST, variables, language });
        assert.equal(r.data?.petitionAggregate, null, path);
        const e = r.errors?.[0];
        assert.equal(e?.extensions?.code, code, `${path}: ${JSON.stringify(r.errors)}`);
        assert.deepEqual(e?.extensions?.fields, [{ path, message: translate(message, language) }], path);
        assert.doesNotMatch(JSON.stringify(r.errors), /8x3|99999|2020-01-0|1001/, path);
        texts.push(translate(message, language));
      }
      assert.notEqual(texts[0], texts[1], `${path}: both languages`);
    }
    // All of a grouping's faults at once.
    const r = await h.run(AGGREGATE, {
      identity: ANALYST,
      variables: { ...ok, groupBy: ["KIND", "KIND"], orderBy: [{ by: "YEAR" }], first: 5000 },
    });
    assert.deepEqual(
      (r.errors?.[0]?.extensions?.fields as { path: string }[]).map((f) => f.path),
      ["groupBy.1", "orderBy.0.by", "first"],
    );
  });
});
