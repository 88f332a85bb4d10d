import type { DataSource } from "typeorm";
import { RequestMemo } from "@danvan/kit";
import { supportByKindFigures } from "../support/support-figures.js";
import { periodFigures } from "./fund-summary-figures.js";

/** A period's province-wide aggregates, shared by every fund summary of the request. */
export function fundSummaryLoaders(ds: DataSource) {
  return {
    periodFigures: new RequestMemo(({ from, to }: { from: string; to: string }) => periodFigures(ds, from, to)),
    supportByKind: new RequestMemo(({ from, to }: { from: string; to: string }) => supportByKindFigures(ds, from, to)),
  };
}
