import type { DataSource } from "typeorm";
import { RequestMemo } from "@danvan/kit";
import { petitionFigures, type FiguresPeriod } from "./petition-statistics.js";

export function statisticsLoaders(ds: DataSource) {
  return {
    /** A period's figures for every commune, shared by every petitionStatistics of the request. */
    petitionFigures: new RequestMemo(({ from, to, today }: FiguresPeriod) => petitionFigures(ds, from, to, today)),
  };
}
