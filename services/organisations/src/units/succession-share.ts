import { registerEnumType } from "type-graphql";

export enum SuccessionShare {
  WHOLE = "whole",
  PART = "part",
}

registerEnumType(SuccessionShare, {
  name: "SuccessionShare",
  description: "Whether all of the old unit's territory went into the new one (WHOLE) or only part of it (PART).",
  valuesConfig: {
    WHOLE: { description: "All of it (toàn bộ)." },
    PART: { description: "Part of it (một phần); the rest went into another unit." },
  },
});
