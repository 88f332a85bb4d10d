import { ProgramsCore1764100000000 } from "./1764100000000-programs-core.js";
import { HousesModelsProjects1764100000001 } from "./1764100000001-houses-models-projects.js";
import { Rollups1764100000002 } from "./1764100000002-rollups.js";
import { AnalystRollups1764100000003 } from "./1764100000003-analyst-rollups.js";
import { FundLedgerByDate1764100000020 } from "./1764100000020-fund-ledger-by-date.js";
import { FundLowestBalance1764100000021 } from "./1764100000021-fund-lowest-balance.js";
import { ReviewYearsAndVisits1764100000030 } from "./1764100000030-review-years-and-visits.js";
import { UnitsThroughTime1764100000040 } from "./1764100000040-units-through-time.js";
import { StandardFor20261764100000050 } from "./1764100000050-standard-for-2026.js";

/** Every migration, in order: one set for SQLite and PostgreSQL. */
export const migrations = [
  ProgramsCore1764100000000,
  HousesModelsProjects1764100000001,
  Rollups1764100000002,
  AnalystRollups1764100000003,
  FundLedgerByDate1764100000020,
  FundLowestBalance1764100000021,
  ReviewYearsAndVisits1764100000030,
  UnitsThroughTime1764100000040,
  StandardFor20261764100000050,
];
