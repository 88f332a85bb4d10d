import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { rankingOf } from "./analyst-ranking.js";
import { aggregate, model, SUPPORT_ROWS } from "./testing/analyst-questions.js";

describe("the analyst page's ranking", () => {
  const rows = SUPPORT_ROWS;

  it("ranks units by the measure, summed over the other dimensions; a median ranks each row", () => {
    const ranking = rankingOf(aggregate("support"), ["DISTRICT", "KIND"], rows, "events", model);
    assert.deepEqual(ranking, {
      dimension: "DISTRICT",
      entries: [
        { code: "883", name: "Thành phố Long Xuyên", value: 150, detail: "" },
        { code: "884", name: "Thành phố Châu Đốc", value: 80, detail: "" },
      ],
      withoutValue: 0,
    });
    assert.equal(rankingOf(aggregate("support"), ["KIND"], rows, "events", model), null);
    const petitions = aggregate("petitions");
    const median = rankingOf(
      petitions,
      ["DISTRICT", "COMMUNE", "KIND"],
      [
        {
          district: { code: "883" },
          commune: { code: "30280", name: "Phường Mỹ Bình" },
          kind: "COMPLAINT",
          medianDaysToResolve: 12.5,
        },
        {
          district: { code: "883" },
          commune: { code: "30280", name: "Phường Mỹ Bình" },
          kind: "REFLECTION",
          medianDaysToResolve: 20,
        },
        {
          district: { code: "883" },
          commune: { code: "30283", name: "Phường Mỹ Long" },
          kind: "COMPLAINT",
          medianDaysToResolve: null,
        },
      ],
      "medianDaysToResolve",
      model,
    );
    assert.deepEqual(median, {
      dimension: "COMMUNE",
      entries: [
        { code: "30280", name: "Phường Mỹ Bình", value: 20, detail: "phản ánh" },
        { code: "30280", name: "Phường Mỹ Bình", value: 12.5, detail: "khiếu nại" },
      ],
      withoutValue: 1,
    });
  });
});
