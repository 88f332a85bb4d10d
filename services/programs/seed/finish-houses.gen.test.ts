import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { SeededRandom } from "@danvan/kit/seeding";
import { referenceUnits } from "@danvan/kit/units";
import type { SolidarityHouse } from "../src/houses/solidarity-house.entity.js";
import { HouseStatus, HouseWorkKind } from "../src/houses/house-enums.js";
import { fundIdFor } from "../src/fund/fund.entity.js";
import { FundEntryKind } from "../src/fund/fund-enums.js";
import { FundBook } from "./fund-book.js";
import { finishHouses } from "./finish-houses.gen.js";
import { LaterTallies } from "./later-tallies.js";
import type { LaterPlan } from "./later-plan.js";
import type { CommunePlan } from "./plan.js";

const commune = referenceUnits.find((u) => u.code === "30280")!;
const plan = { unit: commune, districtCode: commune.parentCode! } as CommunePlan;
const Y2021 = 1;
const Y2022 = 2;

function house(id: number, status: HouseStatus, kind: HouseWorkKind, fund = 30_000_000n): SolidarityHouse {
  return {
    id,
    householdId: 1000 + id,
    communeCode: commune.code,
    districtCode: plan.districtCode,
    kind,
    fundAmountVnd: fund,
    sponsorAmountVnd: 10_000_000n,
    familyAmountVnd: 20_000_000n,
    sponsorName: "Tập đoàn Lộc Trời",
    fundId: fund > 0n ? fundIdFor(commune.code) : null,
    status,
    proposedOn: "2020-05-10",
    approvedOn: status === HouseStatus.PROPOSED ? null : "2020-06-20",
    constructionStartedOn: status === HouseStatus.UNDER_CONSTRUCTION ? "2020-08-01" : null,
    handedOverOn: null,
    cancelledOn: null,
    cancelReason: null,
  } as SolidarityHouse;
}

const laterPlan = (handedOver: number, built: number): LaterPlan => ({
  poor: [],
  nearPoor: [],
  handedOver: [0, handedOver, handedOver, 0, 0, 0, 0],
  built: [0, built, built, 0, 0, 0, 0],
  builtJanSep2020: 0,
});

describe("the houses left in progress in 2020 (finish-houses.gen.ts)", () => {
  it("hand over in 2021–2022 in the plan's places, steps in order, a house starting to build paid that day by the FundBook", () => {
    const book = new FundBook();
    book.post(fundIdFor(commune.code), "2020-01-02", FundEntryKind.CONTRIBUTION, 10_000_000_000n, "Contribution", 1);
    const later = laterPlan(40, 20);
    const tallies = new LaterTallies();
    const statuses = [HouseStatus.PROPOSED, HouseStatus.APPROVED, HouseStatus.UNDER_CONSTRUCTION];
    const houses = Array.from({ length: 30 }, (_, i) =>
      house(i + 1, statuses[i % 3]!, i % 2 ? HouseWorkKind.NEW : HouseWorkKind.REPAIR),
    );
    const original = new Map(houses.map((h) => [h.id, h.status]));
    const done = finishHouses(new SeededRandom(7), plan, later, houses, book, tallies);
    const handed = done.filter((h) => h.status === HouseStatus.HANDED_OVER);
    assert.ok(handed.length >= 18, `${handed.length} handed over`);
    assert.ok(done.every((h) => h.status === HouseStatus.HANDED_OVER || h.status === HouseStatus.CANCELLED));
    for (const h of done) {
      const end = h.handedOverOn ?? h.cancelledOn!;
      assert.ok(end >= "2021-01-01" && end <= "2022-12-31", `${h.id} ${end}`);
      const steps = [h.proposedOn, h.approvedOn, h.constructionStartedOn, end].filter((d): d is string => d !== null);
      assert.deepEqual(steps, [...steps].sort(), `house ${h.id}`);
      assert.equal(h.fundAmountVnd + h.sponsorAmountVnd + h.familyAmountVnd, 60_000_000n, `house ${h.id}: cost kept`);
    }
    // Each house that started building after 2020 has one debit on its start day; those that started in 2020 none here.
    const debits = book.ledger.filter((e) => e.kind === FundEntryKind.HOUSE);
    const started = handed.filter((h) => original.get(h.id) !== HouseStatus.UNDER_CONSTRUCTION);
    assert.ok(started.every((h) => h.constructionStartedOn! > "2020-11-30"));
    assert.deepEqual(
      debits.map((e) => [e.refId, e.entryOn, e.amountVnd]).sort(),
      started.map((h) => [String(h.id), h.constructionStartedOn, -h.fundAmountVnd]).sort(),
    );
    // The plan's places taken: the years' totals stay the same.
    const year = (h: SolidarityHouse, y: string) => h.handedOverOn!.startsWith(y);
    for (const [i, y] of [
      [Y2021, "2021"],
      [Y2022, "2022"],
    ] as const) {
      assert.equal(later.handedOver[i]! + handed.filter((h) => year(h, y)).length, 40);
      assert.equal(later.built[i]! + handed.filter((h) => year(h, y) && h.kind === HouseWorkKind.NEW).length, 20);
      const counted = [...tallies.house.values()].filter((t) => t.year === Number(y));
      assert.equal(
        counted.reduce((s, t) => s + t.handedOver, 0),
        handed.filter((h) => year(h, y)).length,
      );
    }
  });

  it("cancels a house with no place left in the plan, and pays none when no fund can", () => {
    const book = new FundBook();
    const later = laterPlan(1, 1);
    const houses = Array.from({ length: 12 }, (_, i) => house(i + 1, HouseStatus.APPROVED, HouseWorkKind.NEW));
    const done = finishHouses(new SeededRandom(3), plan, later, houses, book, new LaterTallies());
    const handed = done.filter((h) => h.status === HouseStatus.HANDED_OVER);
    assert.ok(handed.length <= 2 && handed.length >= 1, `${handed.length}`);
    assert.deepEqual([later.handedOver[Y2021], later.handedOver[Y2022]].sort(), handed.length === 2 ? [0, 0] : [0, 1]);
    assert.ok(
      done
        .filter((h) => h.status === HouseStatus.CANCELLED)
        .every((h) => h.cancelledOn! <= "2021-06-30" && h.cancelReason),
    );
    for (const h of handed) {
      assert.equal(h.fundId, null, "an empty fund pays nothing");
      assert.equal(h.fundAmountVnd, 0n);
      assert.ok(h.sponsorAmountVnd > 0n);
    }
    assert.equal(book.ledger.length, 0);
  });
});
