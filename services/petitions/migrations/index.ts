import { Petitions1764200000000 } from "./1764200000000-petitions.js";
import { WorkingDayDeadlines1764200000010 } from "./1764200000010-working-day-deadlines.js";
import { EncryptedIdentities1764200000050 } from "./1764200000050-encrypted-identities.js";
import { Forwarding1764200000060 } from "./1764200000060-forwarding.js";
import { DeclaredDays1764200000070 } from "./1764200000070-declared-days-2016-2026.js";
import { UnitsThroughTime1764200000080 } from "./1764200000080-units-through-time.js";
import { ComplaintAcceptance20261764200000090 } from "./1764200000090-complaint-acceptance-2026.js";
import { PetitionsAcrossTheChange1764200000100 } from "./1764200000100-petitions-across-the-change.js";

/** Every migration, in order: one set for SQLite and PostgreSQL. */
export const migrations = [
  Petitions1764200000000,
  WorkingDayDeadlines1764200000010,
  EncryptedIdentities1764200000050,
  Forwarding1764200000060,
  DeclaredDays1764200000070,
  UnitsThroughTime1764200000080,
  ComplaintAcceptance20261764200000090,
  PetitionsAcrossTheChange1764200000100,
];
