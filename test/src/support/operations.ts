/** The operations checked into test/operations (read by the scripts package, which also builds the manifest). */
export { checkedInOperations, operation, type CheckedInOperation } from "@danvan/scripts/operations";
