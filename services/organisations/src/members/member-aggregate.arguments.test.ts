import { after, before, describe, it } from "node:test";
import assert from "node:assert/strict";
import { kitMessage, translate } from "@danvan/kit/i18n";
import { ANALYST, startHarness, type Harness } from "../testing/harness.js";
import { AGGREGATE, type Args } from "./member-aggregate.fixture.js";

describe("memberAggregate's arguments", () => {
  let h: Harness;
  before(async () => {
    h = await startHarness();
  });
  after(async () => h.close());

  it("refuses each fault of the arguments by path, in English and in Vietnamese, never quoting a value", async () => {
    const ok = { unitCode: "89", groupBy: ["GENDER"] };
    const faults: [Args, string, string, ReturnType<typeof kitMessage> | null][] = [
      [
        { ...ok, groupBy: ["GENDER", "DISTRICT", "GENDER"] },
        "BAD_USER_INPUT",
        "groupBy.2",
        kitMessage("dimensionTwice"),
      ],
      [
        { ...ok, groupBy: ["GENDER", "DISTRICT", "COMMUNE", "AGE_BAND", "JOIN_YEAR"] },
        "BAD_USER_INPUT",
        "groupBy",
        kitMessage("arrayMaxSize", { max: 4 }),
      ],
      [{ ...ok, orderBy: [{ by: "DISTRICT" }] }, "BAD_USER_INPUT", "orderBy.0.by", kitMessage("sortNotGrouped")],
      [{ ...ok, first: 0 }, "BAD_USER_INPUT", "first", kitMessage("between", { min: 1, max: 1000 })],
      [{ ...ok, first: 1001 }, "BAD_USER_INPUT", "first", kitMessage("between", { min: 1, max: 1000 })],
      [{ ...ok, unitCode: "8x3" }, "BAD_USER_INPUT", "unitCode", kitMessage("unitCode")],
      [{ ...ok, unitCode: "99999" }, "NOT_FOUND", "unitCode", kitMessage("doesNotExist")],
      [{ ...ok, asOf: "2019-02-30" }, "BAD_USER_INPUT", "asOf", null],
    ];
    for (const [variables, code, path, message] of faults) {
      const texts: string[] = [];
      for (const language of ["en", "vi"] as const) {
        const r = await h.run(AGGREGATE, { identity: ANALYST, variables, language });
        assert.ok(!r.data?.memberAggregate, path);
        const e = r.errors?.[0];
        assert.equal(e?.extensions?.code, code, `${path}: ${JSON.stringify(r.errors)}`);
        const fields = e?.extensions?.fields as { path: string; message: string }[];
        assert.deepEqual(
          fields.map((f) => f.path),
          [path],
        );
        if (message) assert.equal(fields[0]!.message, translate(message, language), path);
        assert.doesNotMatch(JSON.stringify(r.errors), /8x3|99999|2019-02-30|1001/, path);
        texts.push(fields[0]!.message);
      }
      assert.notEqual(texts[0], texts[1], `${path}: both languages`);
    }
  });
});
