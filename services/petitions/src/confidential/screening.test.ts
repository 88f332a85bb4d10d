import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { REDACTED, revealsDenouncer, screenAll, screenDenouncer } from "./screening.js";

const WHO = {
  fullName: "Phan Văn Bí Mật",
  address: "Ấp 3, xã Mỹ Hòa Hưng",
  phone: "0912345678",
  idNumber: "089201001234",
};
const screen = (text: string) => screenDenouncer(text, WHO).text;

describe("screening free text for the denouncer's identity", () => {
  it("replaces the name whatever the case, spacing and diacritics", () => {
    assert.equal(screen("Ông Phan Văn Bí Mật tố cáo"), `Ông ${REDACTED} tố cáo`);
    assert.equal(screen("ông PHAN  VĂN\nBÍ MẬT đến"), `ông ${REDACTED} đến`);
    assert.equal(screen("theo phan van bi mat, cán bộ"), `theo ${REDACTED}, cán bộ`);
    // Decomposed (NFD) input is found as well.
    assert.equal(screen("Phan Văn Bí Mật".normalize("NFD") + " nói"), `${REDACTED} nói`);
    assert.equal(screen("Phan Văn Bí Mật và Phan Văn Bí Mật"), `${REDACTED} và ${REDACTED}`);
  });

  it("replaces the phone and the ID number however their digits are written", () => {
    assert.equal(screen("gọi 0912 345 678 nhé"), `gọi ${REDACTED} nhé`);
    assert.equal(screen("gọi 0912.345.678"), `gọi ${REDACTED}`);
    assert.equal(screen("gọi +84 912-345-678."), `gọi ${REDACTED}.`);
    assert.equal(screen("CCCD 089 201 001 234"), `CCCD ${REDACTED}`);
  });

  it("replaces the address only whole", () => {
    assert.equal(screen("ở ấp 3, xã Mỹ Hòa Hưng, gần chợ"), `ở ${REDACTED}, gần chợ`);
    assert.equal(screen("đất công ở xã Mỹ Hòa Hưng"), "đất công ở xã Mỹ Hòa Hưng");
  });

  it("leaves other text alone: parts of the name, other numbers, names inside longer words", () => {
    for (const text of [
      "Tố cáo sai phạm trong cấp đất",
      "Ông Phan Văn Bí đến",
      "bí mật nhà nước",
      "Số 09123 ngày 12/3/2020",
      "Phan Văn Bí Mậtx",
    ]) {
      assert.deepEqual(screenDenouncer(text, WHO), { text, changed: false }, text);
      assert.equal(revealsDenouncer(text, WHO), false, text);
    }
    assert.equal(revealsDenouncer("Phan Văn Bí Mật", WHO), true);
    assert.equal(revealsDenouncer("số 0912345678", { fullName: "Lê Thị Hoa", phone: "0912345678" }), true);
    // Too short to search for without false finds.
    assert.equal(revealsDenouncer("số 1234 và ông Ba", { fullName: "Ba", phone: "1234" }), false);
  });

  it("screens against every identity given", () => {
    const other = { fullName: "Lê Thị Hoa", phone: null };
    assert.equal(screenAll("Phan Văn Bí Mật và Lê Thị Hoa", [WHO, other]), `${REDACTED} và ${REDACTED}`);
    assert.equal(screenAll("không ai", []), "không ai");
  });
});
