import { In, type DataSource } from "typeorm";
import { groupedLoader, keyedLoader, LoaderFamily, placeholders, vndOf } from "@danvan/kit";
import { Contribution } from "./contribution.entity.js";
import { Fund } from "./fund.entity.js";
import { FundEntryKind } from "./fund-enums.js";
import type { PeriodMovements } from "./ledger-rules.js";
import { balancesOn, storedLowestBalances } from "./balance-by-date.js";

/** A fund's movements over a period, from its ledger. */
export interface FundBalanceRow extends PeriodMovements {
  fundId: string;
}

export interface ContributionPageKey {
  limit: number;
  afterKey: number | null;
  from: string | null;
  to: string | null;
}

/** Fund loaders: funds by id and by committee, contributions by page, balances over a period. */
export function fundLoaders(ds: DataSource) {
  const funds = ds.getRepository(Fund);
  const contributions = ds.getRepository(Contribution);
  const filtered = (ids: string[], page: { from: string | null; to: string | null }) => {
    const q = contributions.createQueryBuilder("c").where("c.fund_id IN (:...ids)", { ids });
    if (page.from) q.andWhere("c.received_on >= :from", { from: page.from });
    if (page.to) q.andWhere("c.received_on <= :to", { to: page.to });
    return q;
  };
  return {
    /** One page of contributions per fund, for any number of funds: ids first, in one windowed statement. */
    contributionPage: new LoaderFamily((page: ContributionPageKey) =>
      groupedLoader<string, Contribution>(
        async (ids) => {
          const ranked = filtered(ids, page)
            .select("c.id", "id")
            .addSelect("ROW_NUMBER() OVER (PARTITION BY c.fund_id ORDER BY c.id)", "rn");
          if (page.afterKey !== null) ranked.andWhere("c.id > :after", { after: page.afterKey });
          const rows = await contributions
            .createQueryBuilder("c")
            .where(`c.id IN (SELECT t.id FROM (${ranked.getQuery()}) t WHERE t.rn <= :take)`)
            .setParameters({ ...ranked.getParameters(), take: page.limit + 1 })
            .orderBy("c.id")
            .getMany();
          return rows;
        },
        (c) => c.fundId,
      ),
    ),
    contributionTotal: new LoaderFamily((page: { from: string | null; to: string | null }) =>
      keyedLoader<string, { fundId: string; n: number }>(
        async (ids) =>
          (
            await filtered(ids, page)
              .select("c.fund_id", "fundId")
              .addSelect("COUNT(*)", "n")
              .groupBy("c.fund_id")
              .getRawMany<{ fundId: string; n: string | number }>()
          ).map((r) => ({
            fundId: r.fundId,
            n: Number(r.n),
          })),
        (r) => r.fundId,
      ),
    ),
    fund: keyedLoader<string, Fund>(
      (ids) => funds.findBy({ id: In(ids) }),
      (f) => f.id,
    ),
    fundOfOrganisation: keyedLoader<string, Fund>(
      (ids) => funds.findBy({ organisationId: In(ids) }),
      (f) => f.organisationId,
    ),
    /** Many funds' balances at the end of one day, in one statement. */
    fundBalanceOn: new LoaderFamily((on: string) =>
      keyedLoader<string, { fundId: string; balanceVnd: bigint }>(
        (ids) => balancesOn(ds, ids, on),
        (r) => r.fundId,
      ),
    ),
    /** Many funds' lowest end-of-day balances over their history, as kept on their rows: one statement. */
    fundLowestBalance: keyedLoader<string, { fundId: string; on: string; balanceVnd: bigint }>(
      (ids) => storedLowestBalances(ds, ids),
      (r) => r.fundId,
    ),
    /** Balances of many funds over one period, from the ledger in one statement. */
    fundBalance: new LoaderFamily(({ from, to }: { from: string; to: string }) =>
      keyedLoader<string, FundBalanceRow>(
        async (ids) => {
          const inPeriod = (kind: FundEntryKind) =>
            `SUM(CASE WHEN entry_on >= ? AND entry_on <= ? AND kind = '${kind}' THEN amount_vnd ELSE 0 END)`;
          const sql = `SELECT fund_id,
            SUM(CASE WHEN entry_on < ? THEN amount_vnd ELSE 0 END) AS opening,
            ${inPeriod(FundEntryKind.CONTRIBUTION)} AS contributions,
            ${inPeriod(FundEntryKind.TRANSFER_IN)} AS transfers_in,
            ${inPeriod(FundEntryKind.TRANSFER_OUT)} AS transfers_out,
            SUM(CASE WHEN entry_on >= ? AND entry_on <= ? AND kind IN ('${FundEntryKind.SUPPORT}', '${FundEntryKind.HOUSE}') THEN amount_vnd ELSE 0 END) AS spent
          FROM fund_entry WHERE fund_id IN (${ids.map(() => "?").join(", ")}) AND entry_on <= ? GROUP BY fund_id`;
          const params = [from, from, to, from, to, from, to, from, to, ...ids, to];
          const rows = (await ds.query(placeholders(ds, sql), params)) as Record<string, string | number>[];
          return rows.map((r) => ({
            fundId: String(r.fund_id),
            openingVnd: vndOf(r.opening),
            contributionsVnd: vndOf(r.contributions),
            transfersInVnd: vndOf(r.transfers_in),
            transfersOutVnd: -vndOf(r.transfers_out),
            spentVnd: -vndOf(r.spent),
          }));
        },
        (r) => r.fundId,
      ),
    ),
  };
}
