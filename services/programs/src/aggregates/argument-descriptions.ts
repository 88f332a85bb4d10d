/** The descriptions of the arguments every grouped aggregate takes. */
export const UNIT =
  "The unit the code names now; its figures include every unit below it and, for a unit formed from others, their records (chains included).";
export const GROUP_BY = "The dimensions to group by, each once, at most four; none gives one row of totals.";
export const ORDER_BY =
  "Sort keys, each a grouped dimension or a measure; ties and the rest in the order of groupBy (places by code, time ascending, enums in declaration order).";
export const FIRST = "How many rows to return, 1 to 1,000 (100 by default).";
export const MAP =
  "The map the place dimensions use: AS_RECORDED (the default), each fact under the commune and district its code named on the fact's date; TODAY, each fact under the 2025 commune its commune went into, with no districts. The rows add up to the same totals on either map.";
