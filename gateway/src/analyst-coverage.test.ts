import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { coverageNotes } from "./analyst-coverage.js";
import { csvOf, resultColumns } from "./analyst-table.js";
import { aggregate, COVERAGE, model, modelEn, SUPPORT_ROWS } from "./testing/analyst-questions.js";

describe("the analyst page's coverage notes", () => {
  it("warns of communes without records and notes split communes counted whole, in both languages", () => {
    const vi = coverageNotes(COVERAGE, model.words);
    assert.deepEqual(
      vi.map((n) => [n.kind, n.text, n.units.length]),
      [
        [
          "incomplete",
          "Số liệu chưa đầy đủ: 2 xã của tỉnh Kiên Giang cũ chưa có số liệu. Các con số không tính các xã này (không phải bằng 0).",
          2,
        ],
        [
          "approximate",
          "Số liệu gần đúng: các xã sau bị chia tách năm 2025 nhưng được tính trọn ở đây dù chỉ một phần thuộc về đây: Xã Vĩnh Châu (30334).",
          1,
        ],
      ],
    );
    const en = coverageNotes(
      { ...COVERAGE, uncoveredUnits: Array(143).fill(COVERAGE.uncoveredUnits[0]) },
      modelEn.words,
    );
    assert.equal(
      en[0]!.text,
      "Incomplete: 143 communes of old Kiên Giang have no records. The figures leave them out (not a zero).",
    );
    assert.match(
      en[1]!.text,
      /^Approximate: these communes split in 2025 are counted whole here .*: Xã Vĩnh Châu \(30334\)\.$/,
    );
    const one = coverageNotes({ ...COVERAGE, uncoveredUnits: COVERAGE.uncoveredUnits.slice(0, 1) }, modelEn.words);
    assert.equal(
      one[0]!.text,
      "Incomplete: 1 commune of old Kiên Giang has no records. The figures leave it out (not a zero).",
    );
  });

  it("says nothing of complete, exact figures, nor of an answer without coverage", () => {
    const complete = { complete: true, approximate: false, uncoveredUnits: [], countedWholeUnits: [] };
    assert.deepEqual(coverageNotes(complete, model.words), []);
    assert.deepEqual(coverageNotes(null, model.words), []);
    assert.deepEqual(coverageNotes(undefined, model.words), []);
  });

  it("starts the CSV with the notes, each one field beginning with #, before the header", () => {
    const columns = resultColumns(aggregate("support"), ["DISTRICT", "KIND"], model.words);
    const notes = coverageNotes(COVERAGE, model.words).map((n) => n.text);
    const lines = csvOf(columns, SUPPORT_ROWS, model, notes).slice(1).split("\r\n");
    assert.deepEqual(
      lines.slice(0, 2),
      notes.map((n) => `# ${n}`),
    );
    assert.match(lines[2]!, /^"Huyện, thị xã, thành phố \(mã\)",/);
    assert.equal(lines.length, 2 + 1 + SUPPORT_ROWS.length + 1);
    for (const n of notes) assert.ok(!/[",]/.test(n), "a note needs no quoting");
    assert.equal(csvOf(columns, SUPPORT_ROWS, model, []), csvOf(columns, SUPPORT_ROWS, model));
  });
});
