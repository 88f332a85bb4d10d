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
    // A rule names its organisation and its basis, capitalised where the Vietnamese sentence starts.
    const age = orgMessage("ruleJoinAgeBetween", {
      organisation: orgMessage("kindYouthUnion"),
      min: 16,
      max: 30,
      basis: "Điều lệ Đoàn TNCS Hồ Chí Minh (2012, 2017), Điều 1",
    });
    assert.equal(
      translate(age, "en"),
      "the Youth Union admits members aged 16 to 30 in the year they join (Điều lệ Đoàn TNCS Hồ Chí Minh (2012, 2017), Điều 1)",
    );
    assert.equal(
      translate(age, "vi"),
      "Đoàn TNCS Hồ Chí Minh chỉ kết nạp người từ 16 đến 30 tuổi, tính theo năm gia nhập (Điều lệ Đoàn TNCS Hồ Chí Minh (2012, 2017), Điều 1)",
    );
    const women = orgMessage("ruleWomenOnly", { organisation: orgMessage("kindWomensUnion"), basis: "Điều 3" });
    assert.equal(translate(women, "vi"), "Hội Liên hiệp Phụ nữ chỉ kết nạp phụ nữ (Điều 3)");
  });
});
