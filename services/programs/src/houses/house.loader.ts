import { In, type DataSource } from "typeorm";
import { keyedLoader, LoaderFamily } from "@danvan/kit";
import { SolidarityHouse } from "./solidarity-house.entity.js";
import { figureKey, figureOfKey } from "../figure-units.js";
import { houseStatisticsFor, type HousePeriod } from "./house-figures.js";
import type { HouseStatistics } from "./house-statistics.type.js";

/** Great Solidarity house loaders: houses by id, and statistics of many units per statement. */
export function houseLoaders(ds: DataSource) {
  const houses = ds.getRepository(SolidarityHouse);
  return {
    house: keyedLoader<number, SolidarityHouse>(
      (ids) => houses.findBy({ id: In(ids) }),
      (h) => h.id,
    ),

    /** Every unit's counts in one period come from one aggregate statement (keys: `code@validFrom`). */
    houseStatistics: new LoaderFamily((period: HousePeriod) =>
      keyedLoader<string, HouseStatistics>(
        (keys) => houseStatisticsFor(ds, keys.map(figureOfKey), period),
        (s) => figureKey(s.unit),
      ),
    ),
  };
}
