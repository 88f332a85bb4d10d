/** The descriptions of the arguments every grouped aggregate takes. */
export const UNIT = "The unit; its figures include every unit below it.";
export const GROUP_BY = "The dimensions to group by, each once, at most four; none gives one row of totals.";
export const ORDER_BY =
  "Sort keys, each a grouped dimension or a measure; ties and the rest in the order of groupBy (places by code, time ascending, enums in declaration order).";
export const FIRST = "How many rows to return, 1 to 1,000 (100 by default).";
