import type { FundWrite } from "./access-policy-fund.js";

/**
 * How the fund's part of the access matrix performs each act of access-policy-fund.ts: one
 * mutation and its variables, small amounts on a day the funds were topped up for (see the
 * test), each call with its own receipt number so that only authority can refuse it.
 */
export const FUND_DAY = "2020-02-03";

const CONTRIBUTE = `mutation($input: RecordContributionInput!) { recordContribution(input: $input) { id } }`;
const TRANSFER = `mutation($input: TransferFundsInput!) { transferFunds(input: $input) { id } }`;
const SUPPORT = `mutation($input: RecordSupportInput!) { recordSupport(input: $input) { id } }`;

export interface FundCall {
  query: string;
  variables: Record<string, unknown>;
}

/** A contribution of `amountVnd` to a fund, collected by its own unit. */
export function contribution(fundId: string, receivedOn: string, amountVnd: number, receiptNumber: string): FundCall {
  return {
    query: CONTRIBUTE,
    variables: {
      input: {
        fundId,
        receivedOn,
        form: "CASH",
        amountVnd,
        donorKind: "ANONYMOUS",
        collectedByUnitCode: fundId.slice("QVNN-".length),
        receiptNumber,
      },
    },
  };
}

const transfer = (fromFundId: string, toFundId: string): FundCall => ({
  query: TRANSFER,
  variables: { input: { fromFundId, toFundId, amountVnd: 1000, transferredOn: FUND_DAY } },
});

const support = (householdId: string, fundId: string): FundCall => ({
  query: SUPPORT,
  variables: { input: { householdId, kind: "MEDICAL", amountVnd: 1000, givenOn: FUND_DAY, fundId } },
});

/** The call for one act; `household` is a household of Phường Mỹ Bình, `n` makes receipts unique. */
export function fundWrite(act: FundWrite, household: string, n: number): FundCall {
  switch (act) {
    case "creditCommuneFund":
      return contribution("QVNN-30280", FUND_DAY, 1000, `MATRIX-${n}`);
    case "spendCommuneFund":
      return support(household, "QVNN-30280");
    case "spendDistrictFund":
      return support(household, "QVNN-883");
    case "transferDistrictToCommune":
      return transfer("QVNN-883", "QVNN-30280");
    case "returnCommuneToDistrict":
      return transfer("QVNN-30280", "QVNN-883");
    case "transferCommuneToNeighbour":
      return transfer("QVNN-30280", "QVNN-30283");
  }
}
