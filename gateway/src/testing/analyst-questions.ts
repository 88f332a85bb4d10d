/**
 * For the analyst page's tests: the page's model in both languages, an aggregate of it by id,
 * three rows of support by district and kind, a coverage with both notes, and questions on every
 * aggregate that use every dimension, filter and argument (both maps) the page can send.
 */
import { AGGREGATE_ENUMS, AGGREGATES, MAX_DIMENSIONS, type AggregateSpec } from "../analyst-aggregates.js";
import type { ModelAggregate } from "../analyst-model.js";
import { pageModel } from "../analyst-page.js";
import type { AggregateChoice } from "../analyst-question.js";

export const model = pageModel("vi");
export const modelEn = pageModel("en");
export const aggregate = (id: string, m = model): ModelAggregate => m.aggregates.find((a) => a.id === id)!;

/** Support by district and kind: two districts, two kinds, an amount as a BigInt's string. */
export const SUPPORT_ROWS = [
  { district: { code: "883", name: "Thành phố Long Xuyên" }, kind: "TET_GIFT", events: 120, amountVnd: 60000000 },
  { district: { code: "884", name: "Thành phố Châu Đốc" }, kind: "TET_GIFT", events: 80, amountVnd: "40000000" },
  { district: { code: "883", name: "Thành phố Long Xuyên" }, kind: "STUDY", events: 30, amountVnd: 15000000 },
];

/**
 * A coverage with both notes (kit coverageOf's units): two communes of old Kiên Giang without
 * records, and Xã Vĩnh Châu, split in 2025 between Phường Châu Đốc and Phường Vĩnh Tế, counted whole.
 */
export const COVERAGE = {
  complete: false,
  approximate: true,
  uncoveredUnits: [
    { code: "30733", name: "Phường Vĩnh Thanh" },
    { code: "30736", name: "Phường Vĩnh Quang" },
  ],
  countedWholeUnits: [{ code: "30334", name: "Xã Vĩnh Châu" }],
};

/** Questions on every aggregate that use every dimension, filter and argument the page can send. */
export function everyQuestion(): { spec: AggregateSpec; choice: AggregateChoice }[] {
  const out: { spec: AggregateSpec; choice: AggregateChoice }[] = [];
  for (const spec of AGGREGATES) {
    const names = spec.dimensions.map((d) => d.name);
    const filter: Record<string, unknown> = {};
    for (const f of spec.filters) filter[f.field] = f.kind === "int" ? 2 : [AGGREGATE_ENUMS[f.enumType][0]];
    for (let i = 0; i < names.length; i += MAX_DIMENSIONS) {
      out.push({
        spec,
        choice: {
          aggregate: spec.id,
          unitCode: "883",
          year: 2019,
          from: "2019-01-01",
          to: "2019-06-30",
          asOf: "2019-12-31",
          // The places on the map as recorded; the other dimensions on today's map.
          map: i === 0 ? "AS_RECORDED" : "TODAY",
          groupBy: names.slice(i, i + MAX_DIMENSIONS),
          filter,
          orderBy: { by: spec.measures.at(-1)!.name, direction: "ASC" },
          first: 1000,
        },
      });
    }
  }
  return out;
}
