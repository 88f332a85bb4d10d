import { recordKeepingEntities } from "@danvan/kit";
import { Household } from "./households/household.entity.js";
import { PovertyStandard, PovertyThreshold } from "./poverty/poverty-standard.entity.js";
import { PovertyClassification, PovertyTally } from "./poverty/poverty-classification.entity.js";
import { Fund, FundEntry } from "./fund/fund.entity.js";
import { Contribution, FundTransfer } from "./fund/contribution.entity.js";
import { SupportEvent } from "./support/support-event.entity.js";
import { FundYearTally, SupportTally } from "./fund/tallies.entity.js";
import { houseEntities } from "./houses/index.js";
import { modelEntities } from "./models/index.js";
import { projectEntities } from "./projects/index.js";

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
  ...houseEntities,
  ...modelEntities,
  ...projectEntities,
  ...recordKeepingEntities,
];
