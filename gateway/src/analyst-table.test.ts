import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { cellOf, csvOf, resultColumns } from "./analyst-table.js";
import { aggregate, model, modelEn, SUPPORT_ROWS } from "./testing/analyst-questions.js";

describe("the analyst page's table", () => {
  const rows = SUPPORT_ROWS;

  it("writes the table's columns and cells in the page's language, a place as its code and its name", () => {
    const columns = resultColumns(aggregate("support"), ["DISTRICT", "KIND"], model.words);
    assert.deepEqual(
      columns.map((c) => c.label),
      ["Huyện, thị xã, thành phố (mã)", "Huyện, thị xã, thành phố", "Loại", "Số lượt hỗ trợ", "Số tiền (đồng)"],
    );
    assert.deepEqual(
      columns.map((c) => cellOf(rows[0]!, c, model).text),
      ["883", "Thành phố Long Xuyên", "quà Tết", "120", "60000000"],
    );
    const en = resultColumns(aggregate("support", modelEn), ["KIND"], modelEn.words);
    assert.equal(cellOf(rows[2]!, en[0]!, modelEn).text, "study");
  });

  it("downloads the table as CSV: a byte-order mark, CRLF, full digits, quoted when needed", () => {
    const columns = resultColumns(aggregate("support"), ["DISTRICT", "KIND"], model.words);
    const csv = csvOf(columns, [...rows, { ...rows[0]!, district: { code: "1", name: 'Xã "A", B' } }], model);
    assert.ok(csv.startsWith("\uFEFF"));
    assert.deepEqual(csv.slice(1).split("\r\n"), [
      '"Huyện, thị xã, thành phố (mã)","Huyện, thị xã, thành phố",Loại,Số lượt hỗ trợ,Số tiền (đồng)',
      "883,Thành phố Long Xuyên,quà Tết,120,60000000",
      "884,Thành phố Châu Đốc,quà Tết,80,40000000",
      "883,Thành phố Long Xuyên,học tập,30,15000000",
      '1,"Xã ""A"", B",quà Tết,120,60000000',
      "",
    ]);
  });

  it("marks suppressed rows, leaves their measures empty, and reads on-time as words", () => {
    const petitions = aggregate("petitions");
    const columns = resultColumns(petitions, ["KIND", "ON_TIME"], model.words);
    assert.deepEqual(columns.at(-1), {
      id: "suppressed",
      label: "Bị ẩn (dưới 5)",
      source: "suppressed",
      field: "suppressed",
      kind: "suppressed",
    });
    const hidden = { kind: "DENUNCIATION", onTime: null, received: null, resolved: null, suppressed: true };
    assert.deepEqual(
      columns.map((c) => cellOf(hidden, c, model).text),
      ["tố cáo", "chưa giải quyết", "", "", "", "", "", "", "", "", "có"],
    );
    const csv = csvOf(columns, [hidden], model);
    assert.equal(csv.split("\r\n")[1], "tố cáo,chưa giải quyết,,,,,,,,,có");
  });
});
