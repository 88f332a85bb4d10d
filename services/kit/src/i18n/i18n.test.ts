import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { catalogueKeys, defineMessages, translate } from "./catalogue.js";
import { currentLanguage, inLanguage, languageFromHeader } from "./language.js";
import { kitMessage } from "./messages.js";

describe("messages in Vietnamese and English", () => {
  it("chooses Vietnamese when the caller prefers it, English otherwise", () => {
    assert.equal(languageFromHeader("vi"), "vi");
    assert.equal(languageFromHeader("vi-VN,vi;q=0.9,en-US;q=0.8,en;q=0.7"), "vi");
    assert.equal(languageFromHeader("fr-FR, vi;q=0.5"), "vi");
    assert.equal(languageFromHeader("en-GB,en;q=0.9,vi;q=0.8"), "en");
    assert.equal(languageFromHeader("fr"), "en");
    assert.equal(languageFromHeader(undefined), "en");
    assert.equal(languageFromHeader(";;;q=abc"), "en");
  });

  it("keeps the language of the request across awaits, English outside one", async () => {
    assert.equal(currentLanguage(), "en");
    await inLanguage("vi", async () => {
      await new Promise((r) => setTimeout(r, 1));
      assert.equal(currentLanguage(), "vi");
    });
    assert.equal(currentLanguage(), "en");
  });

  it("renders params, nested messages and a capitalised nested name", () => {
    assert.equal(translate(kitMessage("length", { min: 2, max: 120 }), "vi"), "phải dài từ 2 đến 120 ký tự");
    assert.equal(translate(kitMessage("length", { min: 2, max: 120 }), "en"), "must be 2 to 120 characters");
    const scope = kitMessage("outOfScope", { thing: kitMessage("thingUnit") });
    assert.equal(translate(scope, "en"), "This administrative unit is outside your scope");
    assert.equal(translate(scope, "vi"), "Đơn vị hành chính này nằm ngoài phạm vi phụ trách của bạn");
  });

  it("has every kit message in both languages, and a namespace's keys are checked by the compiler", () => {
    assert.deepEqual(catalogueKeys("kit", "vi").sort(), catalogueKeys("kit", "en").sort());
    const m = defineMessages("i18n-test", { hello: "Hello {{who}}" }, { hello: "Xin chào {{who}}" });
    assert.equal(translate(m("hello", { who: "An Giang" }), "vi"), "Xin chào An Giang");
    for (const key of catalogueKeys("kit", "vi")) {
      assert.notEqual(translate({ key: `kit:${key}` }, "vi"), translate({ key: `kit:${key}` }, "en"), key);
    }
  });
});
