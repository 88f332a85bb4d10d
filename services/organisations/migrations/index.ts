import { InitialSchema1764000000000 } from "./1764000000000-initial-schema.js";
import { MemberIndexes1764000000001 } from "./1764000000001-member-indexes.js";

/** Every migration, in order: one set for SQLite and PostgreSQL. */
export const migrations = [InitialSchema1764000000000, MemberIndexes1764000000001];
