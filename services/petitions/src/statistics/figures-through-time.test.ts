import { after, before, describe, it } from "node:test";
import assert from "node:assert/strict";
import {
  ANONYMOUS,
  coverageOf,
  isKienGiangUnit,
  latestUnit,
  predecessorsOf,
  todaysCommuneOf,
  unitVersions,
  versionsOf,
} from "@danvan/kit";
import { ADMIN, ANALYST, startHarness, type Harness } from "../testing/harness.js";

/**
 * Issue 27: figures on the units through time. A code alone names the unit it names now (Phường
 * Long Xuyên of 2025, the sum over its predecessors, Đông Xuyên through Mỹ Xuyên included); a unit
 * reached through the graph is one version (Phường Mỹ Hòa of 2010–2025 counts 30307 until it
 * ended); old Kiên Giang's communes have no records and say so; the aggregate on today's map.
 */
const FIGURES = "received resolved resolvedOnTime overdue acceptedLate forwarded hotspots medianDaysToResolve";
const PERIOD = { from: "2015-01-01", to: "2026-12-31" };
type Figures = Record<string, number | null>;
type Ref = { code: string; validFrom: string };
type Row = { district: Ref | null; commune: Ref | null; received: number | null; suppressed: boolean };

describe("petition figures through time: versions, coverage, today's map (integration)", () => {
  let h: Harness;
  before(async () => {
    h = await startHarness();
  });
  after(async () => h.close());

  const statistics = async (unitCode: string, period = PERIOD) => {
    const r = await h.run(
      `query($u: ID!, $from: Date!, $to: Date!) { petitionStatistics(unitCode: $u, from: $from, to: $to) {
        unit { code validFrom } ${FIGURES} coverage { complete approximate uncoveredUnits { code validFrom } countedWholeUnits { code validFrom } } } }`,
      { variables: { u: unitCode, ...period } },
    );
    assert.equal(r.errors, undefined, JSON.stringify(r.errors));
    return r.data!.petitionStatistics as Figures & {
      unit: Ref;
      coverage: { complete: boolean; approximate: boolean; uncoveredUnits: Ref[]; countedWholeUnits: Ref[] };
    };
  };
  /** Each version's petitionStatistics, through _entities as the gateway asks for them. */
  const ofVersions = async (versions: readonly Ref[]) => {
    const r = await h.run(
      `query($r: [_Any!]!, $from: Date!, $to: Date!) { _entities(representations: $r) {
        ... on AdministrativeUnit { code validFrom petitionStatistics(from: $from, to: $to) { unit { code validFrom } ${FIGURES} } } } }`,
      { variables: { r: versions.map((v) => ({ __typename: "AdministrativeUnit", ...v })), ...PERIOD } },
    );
    assert.equal(r.errors, undefined, JSON.stringify(r.errors));
    return (r.data!._entities as { petitionStatistics: Figures & { unit: Ref } }[]).map((e) => e.petitionStatistics);
  };
  const aggregate = async (args: string, identity = ANALYST) => {
    const r = await h.run(
      `{ petitionAggregate(${args}, first: 1000) { totalRows rows { district { code validFrom } commune { code validFrom } received suppressed }
        coverage { complete approximate countedWholeUnits { code validFrom } } } }`,
      { identity },
    );
    assert.equal(r.errors, undefined, JSON.stringify(r.errors));
    return r.data!.petitionAggregate as { totalRows: number; rows: Row[]; coverage: { approximate: boolean } };
  };
  const sumOf = (list: Figures[], k: string) => list.reduce((a, s) => a + Number(s[k] ?? 0), 0);

  it("gives a 2025 commune the sum over its predecessors, chains included", async () => {
    const longXuyen = await statistics("30307");
    assert.deepEqual(longXuyen.unit, { code: "30307", validFrom: "2025-07-01" });
    const predecessors = predecessorsOf(latestUnit("30307")!).map((s) => ({
      code: s.from.code,
      validFrom: s.from.validFrom,
    }));
    assert.equal(predecessors.length, 6);
    const parts: Figures[] = await ofVersions(predecessors);
    assert.deepEqual(
      parts.map((p) => p.unit),
      predecessors,
    );
    // And its own receipts from 2025-07-01 (the seed receives petitions on the 2025 map too): every
    // predecessor had ended by then, so the ward's figures from that day are its own.
    const own = await statistics("30307", { from: "2025-07-01", to: PERIOD.to });
    assert.ok(Number(own.received) > 0, "the seed's receipts at the 2025 ward");
    parts.push(own);
    for (const k of ["received", "resolved", "resolvedOnTime", "overdue", "acceptedLate", "forwarded", "hotspots"])
      assert.equal(longXuyen[k], sumOf(parts, k), k);
    // Mỹ Xuyên of 2025-01-01 counts Đông Xuyên's petitions (merged into it that day).
    const myXuyen = versionsOf("30286").find((v) => v.validFrom === "2025-01-01")!;
    const [dongXuyen, merged] = await ofVersions([
      { code: "30285", validFrom: "2010-01-01" },
      { code: myXuyen.code, validFrom: myXuyen.validFrom },
    ]);
    const [rows] = (await h.ds.query(
      `SELECT COUNT(*) AS n FROM petition WHERE commune_code IN ('30285', '30286') AND received_on <= '2026-12-31'`,
    )) as { n: number | string }[];
    assert.ok(Number(dongXuyen!.received) > 0);
    assert.equal(merged!.received, Number(rows!.n));
    assert.equal(longXuyen.coverage.complete, true);
  });

  it("keeps a reused code's versions apart: a 2026 petition at 30307 is Long Xuyên's, never Mỹ Hòa's", async () => {
    const before = {
      longXuyen: await statistics("30307"),
      province: await statistics("91"),
      city: await statistics("883"),
      myHoa: (await ofVersions([{ code: "30307", validFrom: "2010-01-01" }]))[0]!,
    };
    const r = await h.run(
      `mutation($input: SubmitPetitionInput!) { submitPetition(input: $input) { id unit { code validFrom } } }`,
      {
        identity: ADMIN,
        variables: {
          input: {
            kind: "REFLECTION",
            channel: "DIRECT",
            communeCode: "30307",
            summary: "Phản ánh về trật tự xây dựng",
            receivedOn: "2026-03-02",
            idempotencyKey: "through-time-30307",
          },
        },
      },
    );
    assert.equal(r.errors, undefined, JSON.stringify(r.errors));
    assert.deepEqual((r.data!.submitPetition as { unit: Ref }).unit, { code: "30307", validFrom: "2025-07-01" });
    assert.equal((await statistics("30307")).received, Number(before.longXuyen.received) + 1);
    assert.equal((await statistics("91")).received, Number(before.province.received) + 1);
    assert.equal((await statistics("883")).received, before.city.received, "Thành phố Long Xuyên ended on 2025-06-30");
    const myHoa = (await ofVersions([{ code: "30307", validFrom: "2010-01-01" }]))[0]!;
    assert.equal(myHoa.received, before.myHoa.received);

    // As recorded, 30307 is two rows: Mỹ Hòa in Thành phố Long Xuyên, and Long Xuyên ward without a district.
    const a = await aggregate(`unitCode: "91", from: "2015-01-01", to: "2026-12-31", groupBy: [DISTRICT, COMMUNE]`);
    const of30307 = a.rows.filter((row) => row.commune!.code === "30307");
    assert.deepEqual(
      of30307.map((row) => [row.district, row.commune!.validFrom, row.received]),
      [
        [{ code: "883", validFrom: "2010-01-01" }, "2010-01-01", myHoa.received],
        // The seed's receipts at the 2025 ward and this one.
        [null, "2025-07-01", (await statistics("30307", { from: "2025-07-01", to: PERIOD.to })).received],
      ],
    );
    assert.equal(sumOf(a.rows as unknown as Figures[], "received"), (await statistics("91")).received);
  });

  it("says when a territory holds communes without records: the merged province 91", async () => {
    const province = await statistics("91");
    const kienGiang = unitVersions.filter((v) => v.level === "COMMUNE" && isKienGiangUnit(v));
    assert.equal(province.coverage.complete, false);
    assert.deepEqual(province.coverage.uncoveredUnits.map((u) => u.code).sort(), kienGiang.map((v) => v.code).sort());
    assert.ok(province.coverage.uncoveredUnits.every((u) => u.validFrom === "2010-01-01"));
    const oldAnGiang = await statistics("89");
    assert.deepEqual(
      [oldAnGiang.coverage.complete, oldAnGiang.coverage.uncoveredUnits],
      [true, []],
      "old An Giang is covered",
    );
    // A 2025 commune that took part of a split commune counts it whole, and says so.
    const split = unitVersions.find(
      (v) => v.validFrom === "2025-07-01" && coverageOf(v.code, v.validFrom)!.approximate,
    )!;
    const s = await statistics(split.code);
    assert.equal(s.coverage.approximate, true);
    assert.deepEqual(
      s.coverage.countedWholeUnits,
      coverageOf(split.code, split.validFrom)!.countedWhole.map((v) => ({ code: v.code, validFrom: v.validFrom })),
    );
  });

  it("groups by today's communes on map TODAY: no districts, the same totals, small cells still hidden", async () => {
    const period = `unitCode: "89", from: "2015-01-01", to: "2020-12-31"`;
    const recorded = await aggregate(`${period}, groupBy: [DISTRICT, COMMUNE]`);
    const today = await aggregate(`${period}, groupBy: [DISTRICT, COMMUNE], map: TODAY`);
    const total = (rows: Row[]) => rows.reduce((a, r) => a + Number(r.received), 0);
    assert.equal(total(today.rows), total(recorded.rows));
    assert.ok(today.rows.every((r) => r.district === null && r.commune!.validFrom === "2025-07-01"));
    const expected = new Set(recorded.rows.map((r) => todaysCommuneOf(r.commune!.code)!.code));
    assert.deepEqual(new Set(today.rows.map((r) => r.commune!.code)), expected);
    assert.ok(today.rows.length < recorded.rows.length, "the 2025 communes are fewer");
    // One commune's row, counted independently: the petitions of the old communes that went into it.
    const olds = recorded.rows.filter((r) => todaysCommuneOf(r.commune!.code)!.code === "30307");
    assert.equal(
      today.rows.find((r) => r.commune!.code === "30307")!.received,
      olds.reduce((a, r) => a + Number(r.received), 0),
    );
    const split = recorded.rows.some((r) => todaysCommuneOf(r.commune!.code)!.approximate);
    assert.equal(today.coverage.approximate, split || recorded.coverage.approximate);
    // The public: every cell of 1 to 4 petitions is suppressed on today's map as well.
    const pub = await aggregate(`${period}, groupBy: [COMMUNE, YEAR, KIND], map: TODAY`, ANONYMOUS);
    const small = pub.rows.filter((r) => r.suppressed);
    assert.ok(small.length > 0);
    assert.ok(small.every((r) => r.received === null));
    assert.ok(pub.rows.filter((r) => !r.suppressed).every((r) => Number(r.received) >= 5));
  });
});
