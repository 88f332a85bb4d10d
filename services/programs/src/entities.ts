import { recordKeepingEntities } from "@danvan/kit";
import { Household } from "./households/household.entity.js";
import { HouseholdYearTally } from "./households/household-year-tally.entity.js";
import { PovertyStandard, PovertyThreshold } from "./poverty/poverty-standard.entity.js";
import { PovertyClassification, PovertyTally } from "./poverty/poverty-classification.entity.js";
import { Fund, FundEntry } from "./fund/fund.entity.js";
import { Contribution, FundTransfer } from "./fund/contribution.entity.js";
import { FundYearTally } from "./fund/fund-year-tally.entity.js";
import { SupportEvent } from "./support/support-event.entity.js";
import { SupportTally } from "./support/support-tally.entity.js";
import { SupportMonthTally } from "./support/support-month-tally.entity.js";
import { SolidarityHouse } from "./houses/solidarity-house.entity.js";
import { HouseTally } from "./houses/house-tally.entity.js";
import { MobilisationModel } from "./models/mobilisation-model.entity.js";
import { MemberProject } from "./projects/member-project.entity.js";

/** Every table of the subgraph (its own and the kit's record keeping), for the data source. */
export const entities = [
  Household,
  PovertyStandard,
  PovertyThreshold,
  PovertyClassification,
  PovertyTally,
  Fund,
  FundEntry,
  Contribution,
  FundTransfer,
  SupportEvent,
  FundYearTally,
  SupportTally,
  SolidarityHouse,
  HouseTally,
  MobilisationModel,
  MemberProject,
  HouseholdYearTally,
  SupportMonthTally,
  ...recordKeepingEntities,
];
