import fs from "node:fs";
import path from "node:path";
import { kitDataDir } from "../paths.js";

/**
 * The shipped CSVs (services/kit/data, sources in its README): plain comma-separated, no quoted
 * fields (codes, names, type words and legal references without commas). Each file's header is
 * checked, and every row must have as many fields as the header.
 */
export function readDataCsv(file: string, header: readonly string[]): Record<string, string>[] {
  return parseDataCsv(fs.readFileSync(path.join(kitDataDir, file), "utf8"), header, file);
}

export function parseDataCsv(text: string, header: readonly string[], file: string): Record<string, string>[] {
  const lines = text.split(/\r?\n/).filter((l) => l.trim() !== "");
  const first = lines.shift();
  if (first?.split(",").join(",") !== header.join(",")) throw new Error(`${file}: unexpected header`);
  return lines.map((line, i) => {
    const cells = line.split(",");
    if (cells.length !== header.length) throw new Error(`${file} line ${i + 2}: malformed row`);
    return Object.fromEntries(header.map((h, j) => [h, cells[j]!.trim()]));
  });
}
