import * as cv from "class-validator";
import type { ValidationOptions } from "class-validator";
import { isMessage, type Message } from "./i18n/catalogue.js";
import { kitMessage } from "./i18n/messages.js";
import { isCalendarDate } from "./scalars.js";
import { MAX_VND } from "./money/money-column.js";

/**
 * class-validator's decorators, each giving its failure as a catalogue message (rendered in
 * the caller's language by the error formatter) instead of class-validator's English, which
 * names the property twice ("input.expectedVersion expectedVersion must not be less than 1").
 * Inputs import their validators from here, not from class-validator.
 */
const PREFIX = "\u0000message:";

/** A Message carried through class-validator, whose messages are strings. */
export function validationMessage(message: Message): string {
  return PREFIX + JSON.stringify(message);
}

/** The Message a validator gave; a message not made by validationMessage reads "is not valid". */
export function decodeValidationMessage(text: string): Message {
  if (text.startsWith(PREFIX)) {
    try {
      const parsed: unknown = JSON.parse(text.slice(PREFIX.length));
      if (isMessage(parsed)) return parsed;
    } catch {
      // fall through: never show class-validator's own text
    }
  }
  return kitMessage("invalid");
}

const withMessage = (message: Message, options?: ValidationOptions): ValidationOptions => ({
  ...options,
  message: validationMessage(message),
});

export const IsOptional = cv.IsOptional;

export function Length(min: number, max: number, options?: ValidationOptions): PropertyDecorator {
  return cv.Length(
    min,
    max,
    withMessage(min === 0 ? kitMessage("maxLength", { max }) : kitMessage("length", { min, max }), options),
  );
}
export function MaxLength(max: number, options?: ValidationOptions): PropertyDecorator {
  return cv.MaxLength(max, withMessage(kitMessage("maxLength", { max }), options));
}
/** `message` says what the value must look like ("must be a fund id like QVNN-883"). */
export function Matches(pattern: RegExp, message: Message, options?: ValidationOptions): PropertyDecorator {
  return cv.Matches(pattern, withMessage(message, options));
}
export function Min(min: number, options?: ValidationOptions): PropertyDecorator {
  return cv.Min(min, withMessage(kitMessage("min", { min }), options));
}
export function Max(max: number, options?: ValidationOptions): PropertyDecorator {
  return cv.Max(max, withMessage(kitMessage("max", { max }), options));
}
export function IsInt(options?: ValidationOptions): PropertyDecorator {
  return cv.IsInt(withMessage(kitMessage("wholeNumber"), options));
}
export function IsBoolean(options?: ValidationOptions): PropertyDecorator {
  return cv.IsBoolean(withMessage(kitMessage("boolean"), options));
}
export function IsEnum(entity: object, options?: ValidationOptions): PropertyDecorator {
  return cv.IsEnum(entity, withMessage(kitMessage("notAllowedValue"), options));
}
export function ArrayMaxSize(max: number, options?: ValidationOptions): PropertyDecorator {
  return cv.ArrayMaxSize(max, withMessage(kitMessage("arrayMaxSize", { max }), options));
}
export function ValidateNested(options?: ValidationOptions): PropertyDecorator {
  return cv.ValidateNested(withMessage(kitMessage("invalid"), options));
}

/** A real calendar date `YYYY-MM-DD` (not 2019-02-30), checked in the same pass as other fields. */
export function IsCalendarDate(options?: ValidationOptions): PropertyDecorator {
  return cv.ValidateBy(
    {
      name: "isCalendarDate",
      validator: { validate: (value: unknown) => typeof value === "string" && isCalendarDate(value) },
    },
    withMessage(kitMessage("calendarDate"), options),
  );
}

/** A custom rule with a catalogue message (IsNonNegativeVnd, say). */
export function ValidateWith(
  name: string,
  validate: (value: unknown) => boolean,
  message: Message,
  options?: ValidationOptions,
): PropertyDecorator {
  return cv.ValidateBy({ name, validator: { validate } }, withMessage(message, options));
}

/** Whole VND from 0 to MAX_VND (MoneyScalar gives a bigint, or a number within 2^53). */
export function IsNonNegativeVnd(options?: ValidationOptions): PropertyDecorator {
  return ValidateWith(
    "isNonNegativeVnd",
    (value) =>
      (typeof value === "bigint" || (typeof value === "number" && Number.isSafeInteger(value))) &&
      BigInt(value) >= 0n &&
      BigInt(value) <= MAX_VND,
    kitMessage("nonNegativeVnd"),
    options,
  );
}
