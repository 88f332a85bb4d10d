import { Petitions1764200000000 } from "./1764200000000-petitions.js";

/** Every migration, in order: one set for SQLite and PostgreSQL. */
export const migrations = [Petitions1764200000000];
