import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { childrenOf, latestUnit, REORGANISATION_2025, referenceUnits } from "@danvan/kit/units";
import { analystUnitOptions } from "./analyst-units.js";

/** The options as { value, level, disabled, now, text }. */
function options(html: string) {
  return [...html.matchAll(/<option ([^>]*)>([^<]*)<\/option>/g)].map((m) => {
    const attr = (name: string) => new RegExp(`${name}="([^"]*)"`).exec(m[1]!)?.[1];
    return {
      value: attr("value")!,
      level: attr("data-level")!,
      disabled: /\sdisabled\b/.test(` ${m[1]}`),
      now: attr("data-now"),
      text: m[2]!.replace(/^\u00a0+/, ""),
    };
  });
}

describe("the analyst page's units", () => {
  const vi = options(analystUnitOptions("vi"));
  const en = options(analystUnitOptions("en"));

  it("lists province 91 and its 102 communes first, then old An Giang with its districts and communes", () => {
    const communes2025 = childrenOf("91");
    assert.equal(communes2025.length, 102);
    assert.equal(vi.length, 1 + 102 + referenceUnits.length);
    assert.deepEqual(
      vi.slice(0, 103).map((o) => o.value),
      ["91", ...communes2025.map((c) => c.code)],
    );
    assert.equal(vi[103]!.value, "89");
    assert.ok(
      vi.slice(0, 103).every((o) => !o.disabled),
      "every unit of today's map can be asked for",
    );
    const longXuyen = vi.find((o) => o.value === "30307" && !o.disabled);
    assert.equal(longXuyen?.text, "30307 · Phường Long Xuyên");
    // Old units under their last name before the reorganisation: Tịnh Biên became a town in 2021.
    assert.ok(vi.some((o) => o.value === "890" && o.text === "890 · Thị xã Tịnh Biên"));
  });

  it("disables an old commune whose code a 2025 unit took over, naming that unit in both languages", () => {
    const reused = referenceUnits.filter((u) => (latestUnit(u.code)?.validFrom ?? "") >= REORGANISATION_2025);
    assert.ok(reused.length > 0);
    const disabled = vi.filter((o) => o.disabled);
    assert.deepEqual(disabled.map((o) => o.value).sort(), reused.map((u) => u.code).sort());
    const myHoa = disabled.find((o) => o.value === "30307")!;
    assert.equal(myHoa.now, "Phường Long Xuyên");
    assert.equal(myHoa.text, "30307 · Phường Mỹ Hòa (mã này nay là của Phường Long Xuyên)");
    assert.equal(
      en.find((o) => o.value === "30307" && o.disabled)?.text,
      "30307 · Phường Mỹ Hòa (its code now names Phường Long Xuyên)",
    );
    assert.equal(en[0]!.text, "91 · Tỉnh An Giang (from 2025-07-01)");
  });
});
