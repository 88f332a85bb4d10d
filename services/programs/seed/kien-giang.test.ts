import { after, before, describe, it } from "node:test";
import assert from "node:assert/strict";
import { communeOfTheDay, isKienGiangUnit, REORGANISATION_2025, unitOn } from "@danvan/kit";
import { SeededRandom } from "@danvan/kit/seeding";
import { startHarness, type Harness } from "../src/testing/harness.js";
import { standardForReviewYear } from "../src/poverty/standards.data.js";
import { planCommunes, SPECS } from "./plan.js";
import { LATER_YEARS, NEAR_POOR_LATER, POOR_LATER, REGISTER_HOUSEHOLDS } from "./published-figures.js";
import {
  KG_NEAR_POOR,
  KG_POOR,
  KG_REGISTER_HOUSEHOLDS,
  kgHouseholds,
  kienGiangCommunes,
  planKienGiang,
} from "./kien-giang-plan.js";
import { KIEN_GIANG_SEED } from "./kien-giang.gen.js";

const sum = (xs: readonly number[]) => xs.reduce((s, x) => s + x, 0);

describe("old Kiên Giang's register and reviews (issue 27, pure)", () => {
  it("plans 460,200 households on the 143 communes with the published totals at full scale, ids after An Giang's", () => {
    const an = planCommunes("full", new SeededRandom(20191231));
    const firstId = an.at(-1)!.firstHouseholdId + an.at(-1)!.households;
    assert.equal(firstId, REGISTER_HOUSEHOLDS + 1);
    const plans = planKienGiang("full", new SeededRandom(KIEN_GIANG_SEED), firstId);
    assert.equal(plans.length, 143);
    assert.deepEqual(
      plans.map((p) => p.unit.code),
      kienGiangCommunes().map((u) => u.code),
    );
    assert.equal(sum(plans.map((p) => p.households)), KG_REGISTER_HOUSEHOLDS);
    assert.equal(plans[0]!.firstHouseholdId, firstId);
    plans.forEach((p, i) => {
      if (i > 0) assert.equal(p.firstHouseholdId, plans[i - 1]!.firstHouseholdId + plans[i - 1]!.households);
      assert.ok(p.households > 0 && p.districtCode === p.unit.parentCode, p.unit.code);
    });
    LATER_YEARS.forEach((year, y) => {
      assert.equal(sum(plans.map((p) => p.poor[y]!)), KG_POOR[y], `poor ${year}`);
      assert.equal(sum(plans.map((p) => p.nearPoor[y]!)), KG_NEAR_POOR[y], `near-poor ${year}`);
    });
    // The published figures: 8,790 poor and 19,378 near-poor at the end-2020 review (1.91%, 4.21%), 1.28% poor in 2024.
    const rate = (n: number) => ((100 * n) / KG_REGISTER_HOUSEHOLDS).toFixed(2);
    assert.deepEqual(
      [KG_POOR[0], KG_NEAR_POOR[0], rate(KG_POOR[0]), rate(KG_NEAR_POOR[0])],
      [8_790, 19_378, "1.91", "4.21"],
    );
    assert.deepEqual([KG_POOR[4], rate(KG_POOR[4])], [5_891, "1.28"]);
    // A mean size near 3.7 is the generator's (checked on the rows below).
  });

  it("keeps the same rates on fewer households at the small scale", () => {
    const plans = planKienGiang("small", new SeededRandom(KIEN_GIANG_SEED), SPECS.small.households + 1);
    const ratio = SPECS.small.households / REGISTER_HOUSEHOLDS;
    assert.equal(sum(plans.map((p) => p.households)), Math.round(KG_REGISTER_HOUSEHOLDS * ratio));
    LATER_YEARS.forEach((_, y) => assert.equal(sum(plans.map((p) => p.poor[y]!)), Math.round(KG_POOR[y]! * ratio)));
  });
});

describe("old Kiên Giang's seeded households (integration, small scale)", () => {
  let h: Harness;
  const day = (v: unknown) => String(v instanceof Date ? v.toISOString() : v).slice(0, 10);
  const ratio = SPECS.small.households / REGISTER_HOUSEHOLDS;
  const first = SPECS.small.households + 1;
  type HouseholdRow = {
    id: number;
    commune_code: string;
    district_code: string | null;
    registered_on: unknown;
    member_count: number;
  };
  type ReviewRow = {
    household_id: number;
    year: number;
    status: string;
    standard_code: string;
    commune_code: string;
    district_code: string | null;
    classified_on: unknown;
  };
  let households: HouseholdRow[];
  let reviews: ReviewRow[];
  before(async () => {
    h = await startHarness();
    households = await h.ds.query(
      `SELECT id, commune_code, district_code, registered_on, member_count FROM household WHERE id >= ${first} ORDER BY id`,
    );
    reviews = await h.ds.query(
      `SELECT household_id, year, status, standard_code, commune_code, district_code, classified_on
         FROM poverty_classification WHERE household_id >= ${first}`,
    );
  });
  after(async () => h?.close());

  it("registers the scale's households in 2020, before the review, under a Kiên Giang commune of that day", () => {
    assert.equal(households.length, kgHouseholds("small"));
    assert.equal(Number(households.at(-1)!.id), first + households.length - 1);
    for (const r of households) {
      const on = day(r.registered_on);
      assert.ok(on >= "2020-01-01" && on < "2020-11-30", `${r.id} ${on}`);
      const v = unitOn(r.commune_code, on);
      assert.ok(v && isKienGiangUnit(v) && v.level === "COMMUNE", r.commune_code);
      assert.equal(r.district_code, v.parentCode);
    }
    const mean = sum(households.map((r) => Number(r.member_count))) / households.length;
    assert.ok(mean > 3.5 && mean < 3.9, String(mean));
  });

  it("reviews each household at the end of 2020 … 2025 with the figures at the scale, rows and tallies", async () => {
    assert.equal(reviews.length, households.length * LATER_YEARS.length);
    const kgCodes = kienGiangCommunes().map((u) => `'${u.code}'`);
    const tallies: { year: number; poor: unknown; near: unknown; hh: unknown }[] = await h.ds.query(
      `SELECT year, SUM(poor) AS poor, SUM(near_poor) AS near, SUM(households) AS hh FROM poverty_tally
        WHERE year BETWEEN 2020 AND 2024 AND commune_code IN (${kgCodes.join(",")}) GROUP BY year`,
    );
    const [all2025] = await h.ds.query(
      `SELECT SUM(poor) AS poor, SUM(near_poor) AS near, SUM(households) AS hh FROM poverty_tally WHERE year = 2025`,
    );
    LATER_YEARS.forEach((year, y) => {
      const n = (s: string) => reviews.filter((r) => Number(r.year) === year && r.status === s).length;
      const poor = Math.round(KG_POOR[y]! * ratio);
      const near = Math.round(KG_NEAR_POOR[y]! * ratio);
      assert.deepEqual([n("POOR"), n("NEAR_POOR")], [poor, near], `${year}`);
      // The standard of the year: Decision 59/2015 at the end of 2020, Decree 07/2021 after.
      const standards = new Set(reviews.filter((r) => Number(r.year) === year).map((r) => r.standard_code));
      assert.deepEqual([...standards], [standardForReviewYear(year)!.code], `${year}`);
      if (year < 2025) {
        const t = tallies.find((r) => Number(r.year) === year)!;
        assert.deepEqual(
          [Number(t.poor), Number(t.near), Number(t.hh)],
          [poor, near, households.length],
          `tally ${year}`,
        );
      } else {
        // End-2025: one tally per 2025 commune, An Giang's and Kiên Giang's households together.
        assert.deepEqual(
          [Number(all2025.poor), Number(all2025.near), Number(all2025.hh)],
          [
            poor + Math.round(POOR_LATER[y] * ratio),
            near + Math.round(NEAR_POOR_LATER[y] * ratio),
            households.length + SPECS.small.households,
          ],
        );
      }
    });
    const [people] = await h.ds.query(
      `SELECT SUM(households) AS hh, SUM(people) AS people FROM household_year_tally
        WHERE year BETWEEN 2020 AND 2024 AND commune_code IN (${kgCodes.join(",")})`,
    );
    assert.equal(Number(people.hh), households.length * 5);
    assert.equal(Number(people.people), sum(households.map((r) => Number(r.member_count))) * 5);
  });

  it("keeps each review on the map of its day: a Kiên Giang commune and its district to 2024, a 2025 commune after", () => {
    const byId = new Map(households.map((r) => [Number(r.id), r]));
    for (const r of reviews) {
      const on = day(r.classified_on);
      assert.equal(on, `${r.year}-11-30`);
      const v = unitOn(r.commune_code, on);
      assert.ok(v && v.level === "COMMUNE", `${r.commune_code} ${on}`);
      if (on < REORGANISATION_2025) {
        assert.ok(isKienGiangUnit(v), `${r.commune_code} ${on}`);
        assert.equal(r.district_code, v.parentCode);
      } else {
        assert.equal(v.validFrom, REORGANISATION_2025);
        assert.equal(r.district_code, null);
        const old = byId.get(Number(r.household_id))!;
        assert.equal(r.commune_code, communeOfTheDay(old.commune_code, day(old.registered_on), on, Number(old.id)));
      }
    }
  });
});
