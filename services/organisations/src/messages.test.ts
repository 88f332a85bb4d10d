import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { catalogueKeys, kitMessage, translate } from "@danvan/kit";
import { orgMessage } from "./messages.js";

describe("the organisations subgraph's messages", () => {
  it("has every message in English and Vietnamese, with the same params", () => {
    const en = catalogueKeys("organisations", "en").sort();
    assert.deepEqual(catalogueKeys("organisations", "vi").sort(), en);
    assert.ok(en.length > 0);
    const params = (text: string) => [...text.matchAll(/\{\{(\w+)/g)].map((m) => m[1]).sort();
    for (const key of en) {
      const message = { key: `organisations:${key}` };
      const [english, vietnamese] = [translate(message, "en"), translate(message, "vi")];
      assert.notEqual(vietnamese, english, key);
      assert.deepEqual(params(vietnamese), params(english), key);
    }
  });

  it("names its things inside the kit's sentences, capitalised where a Vietnamese sentence starts", () => {
    const scope = kitMessage("outOfScope", { thing: orgMessage("thingOrganisation") });
    assert.equal(translate(scope, "en"), "This organisation is outside your scope");
    assert.equal(translate(scope, "vi"), "Tổ chức này nằm ngoài phạm vi phụ trách của bạn");
    const missing = kitMessage("notFound", { thing: orgMessage("thingMember") });
    assert.equal(translate(missing, "en"), "No such member");
    assert.equal(translate(missing, "vi"), "Không tìm thấy đoàn viên, hội viên");
    const age = orgMessage("minJoinAge", { min: 14 });
    assert.equal(translate(age, "en"), "a member must be at least 14 years old when joining");
    assert.equal(translate(age, "vi"), "đoàn viên, hội viên phải đủ 14 tuổi trở lên khi gia nhập");
  });
});
