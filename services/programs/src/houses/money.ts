import type { ValueTransformer } from "typeorm";
import { ValidateWith } from "@danvan/kit";
import { programsMessage } from "../messages.js";

/** The largest amount a money input accepts: far above any real house, model or project, far below 2^63. */
export const MAX_VND = 1_000_000_000_000_000n;

/**
 * bigint money columns: PostgreSQL hands them back as strings and SQLite as numbers, so the
 * entity always holds a bigint and writes a decimal string (exact on both databases).
 */
export const moneyColumn: ValueTransformer = {
  to: (v: unknown) => (typeof v === "bigint" ? v.toString() : v),
  from: (v: unknown) => (v === null || v === undefined ? v : BigInt(String(v))),
};

/** A money value read from a raw row or an aggregate (string, number or null) as a bigint. */
export function vndOf(v: unknown): bigint {
  return v === null || v === undefined ? 0n : BigInt(String(v));
}

/** True for whole VND from 0 to MAX_VND (MoneyScalar gives a number or a bigint). */
export function isNonNegativeVnd(value: unknown): boolean {
  return (
    (typeof value === "bigint" || (typeof value === "number" && Number.isSafeInteger(value))) &&
    BigInt(value) >= 0n &&
    BigInt(value) <= MAX_VND
  );
}

/** A money input of whole VND from 0 to MAX_VND, checked with the input's other fields. */
export function IsNonNegativeVnd(): PropertyDecorator {
  return ValidateWith("isNonNegativeVnd", isNonNegativeVnd, programsMessage("vndUpToLimit"));
}
