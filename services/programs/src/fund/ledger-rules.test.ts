import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { FundEntryKind } from "./fund-enums.js";
import { closingBalance, overdraws, returnExceedsAllocation, signedAmount } from "./ledger-rules.js";

describe("ledger rules", () => {
  it("signs receipts positive and outflows negative", () => {
    const sign: [FundEntryKind, bigint][] = [
      [FundEntryKind.CONTRIBUTION, 5n],
      [FundEntryKind.TRANSFER_IN, 5n],
      [FundEntryKind.TRANSFER_OUT, -5n],
      [FundEntryKind.SUPPORT, -5n],
      [FundEntryKind.HOUSE, -5n],
    ];
    for (const [kind, signed] of sign) assert.equal(signedAmount(kind, 5n), signed, kind);
    assert.deepEqual(Object.values(FundEntryKind).sort(), sign.map(([k]) => k).sort());
  });

  it("takes only positive amounts: the kind gives the sign", () => {
    for (const amount of [0n, -1n]) assert.throws(() => signedAmount(FundEntryKind.CONTRIBUTION, amount), RangeError);
  });

  it("lets an outflow spend the balance to zero and no further; receipts never overdraw", () => {
    assert.equal(overdraws(100n, -100n), false);
    assert.equal(overdraws(100n, -101n), true);
    assert.equal(overdraws(0n, 1n), false);
    assert.equal(overdraws(-5n, 1n), false);
  });

  it("closes a period as opening + contributions + transfers in − transfers out − spent", () => {
    assert.equal(
      closingBalance({
        openingVnd: 100n,
        contributionsVnd: 50n,
        transfersInVnd: 20n,
        transfersOutVnd: 30n,
        spentVnd: 40n,
      }),
      100n,
    );
  });

  it("returns up to what the higher fund allocated, less what was returned already", () => {
    const between = { allocatedVnd: 100n, returnedVnd: 30n };
    assert.equal(returnExceedsAllocation(between, 70n), false);
    assert.equal(returnExceedsAllocation(between, 71n), true);
    assert.equal(returnExceedsAllocation({ allocatedVnd: 0n, returnedVnd: 0n }, 1n), true);
  });
});
