import { InitialSchema1764000000000 } from "./1764000000000-initial-schema.js";
import { MemberIndexes1764000000001 } from "./1764000000001-member-indexes.js";
import { MemberAggregateIndex1764000000002 } from "./1764000000002-member-aggregate-index.js";
import { GrassrootsUnions1764000000003 } from "./1764000000003-grassroots-unions.js";
import { UnitsThroughTime1764000000004 } from "./1764000000004-units-through-time.js";
import { CommitteesThroughTime1764000000005 } from "./1764000000005-committees-through-time.js";
import { SplitCommunes1764000000006 } from "./1764000000006-split-communes.js";

/** Every migration, in order: one set for SQLite and PostgreSQL. */
export const migrations = [
  InitialSchema1764000000000,
  MemberIndexes1764000000001,
  MemberAggregateIndex1764000000002,
  GrassrootsUnions1764000000003,
  UnitsThroughTime1764000000004,
  CommitteesThroughTime1764000000005,
  SplitCommunes1764000000006,
];
