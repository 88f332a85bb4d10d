import { BadUserInputError, kitMessage, ValidateWith, type Message } from "@danvan/kit";

/** The largest id an `integer` column holds (PostgreSQL's and SQLite's alike for these tables). */
const MAX_RECORD_ID = 2_147_483_647;

/** A member, position or campaign id as the graph writes it: digits naming a row an integer column can hold. */
export function isRecordId(value: unknown): value is string {
  return typeof value === "string" && /^\d{1,10}$/.test(value) && Number(value) <= MAX_RECORD_ID;
}

/** class-validator: `value` is a record id of `thing` ("input.memberId: is not a member id"). */
export function IsRecordId(thing: Message): PropertyDecorator {
  return ValidateWith("isRecordId", isRecordId, kitMessage("notAnId", { thing }));
}

/** An id argument as a number, or BAD_USER_INPUT naming `path` (never the value). */
export function recordId(id: string, path: string, thing: Message): number {
  if (!isRecordId(id)) throw BadUserInputError.field(path, kitMessage("notAnId", { thing }));
  return Number(id);
}
