import { PROVINCE_CODE_2025, REORGANISATION_2025, todayInProvince, type Identity } from "@danvan/kit";
import { ADMIN, startHarness, type Harness, type OperationResult } from "../testing/harness.js";
import { Fund, fundIdFor } from "./fund.entity.js";

/**
 * Empty books for the fund's integration tests: a fresh database without the seed (so every
 * balance is hand-computed), holding the funds of the province, Long Xuyên (883) with Mỹ Bình
 * (30280) and Mỹ Long (30283), and Châu Đốc (884) with Châu Phú B (30316). They are not closed
 * (no carry-over, issue 27), so the ledger's rules are tested on any day up to today.
 */
export const BOOK_UNITS = ["89", "883", "30280", "30283", "884", "30316"] as const;

export const CONTRIBUTE = `mutation($input: RecordContributionInput!) { recordContribution(input: $input) { id } }`;
export const TRANSFER = `mutation($input: TransferFundsInput!) { transferFunds(input: $input) { id } }`;

export interface Books {
  h: Harness;
  contribute(fund: string, on: string, amountVnd: number | string, as?: Identity): Promise<OperationResult>;
  transfer(from: string, to: string, on: string, amountVnd: number | string, as?: Identity): Promise<OperationResult>;
}

export async function openBooks(): Promise<Books> {
  const h = await startHarness({ seed: false });
  await h.ds.getRepository(Fund).insert(
    BOOK_UNITS.map((code) => ({
      id: fundIdFor(code),
      organisationId: `MTTQ-${code}`,
      unitCode: code,
      name: `Quỹ Vì người nghèo ${code}`,
      openedOn: "2009-01-01",
    })),
  );
  let receipt = 0;
  return {
    h,
    contribute: (fund, on, amountVnd, as = ADMIN) =>
      h.run(CONTRIBUTE, {
        identity: as,
        variables: {
          input: {
            fundId: fund,
            receivedOn: on,
            form: "CASH",
            amountVnd,
            donorKind: "ANONYMOUS",
            // The collecting unit must be in force on the day (issue 27): these books' funds are
            // left open past 2025-06-30 to test the ledger alone, the collector is then the province.
            collectedByUnitCode: on < REORGANISATION_2025 ? fund.slice("QVNN-".length) : PROVINCE_CODE_2025,
            receiptNumber: `R-${++receipt}`,
          },
        },
      }),
    transfer: (from, to, on, amountVnd, as = ADMIN) =>
      h.run(TRANSFER, {
        identity: as,
        variables: { input: { fromFundId: from, toFundId: to, transferredOn: on, amountVnd } },
      }),
  };
}

/** A day counted from today in the province (1: tomorrow). */
export function dayFromToday(days: number): string {
  return todayInProvince(new Date(Date.now() + days * 86_400_000));
}

/** The error's code and reason, or "ok": what a refusal table compares. */
export function outcome(r: OperationResult): string {
  const e = r.errors?.[0];
  if (!e) return "ok";
  const ext = e.extensions ?? {};
  return [ext.code, ext.reason ?? ext.rule].filter(Boolean).join(" ");
}
