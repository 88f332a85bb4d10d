import path from "node:path";
import { performance } from "node:perf_hooks";
import { createLogger, dataSourceFor, referenceUnits, repoRoot, type SubgraphDefinition } from "@danvan/kit";
import { organisationsSubgraph } from "@danvan/organisations";
import { petitionsSubgraph } from "@danvan/petitions";
import { programsSubgraph } from "@danvan/programs";
import type { DataSource } from "typeorm";
import { databaseEnv, SUBGRAPHS } from "../environment.js";

/**
 * The analysts' grouped questions (test/operations, issue 18) computed by hand-written SQL over
 * the rows themselves, in each subgraph's own database: what an analyst with database access
 * would write. The bench sets them beside the same questions through the gateway; the goal is a
 * graph no slower than this SQL.
 */
const year = (c: string) => `substr(CAST(${c} AS TEXT), 1, 4)`;
const month = (c: string) => `substr(CAST(${c} AS TEXT), 1, 7)`;
const quarter = (c: string) =>
  `${year(c)} || '-Q' || CAST((CAST(substr(CAST(${c} AS TEXT), 6, 2) AS INTEGER) + 2) / 3 AS TEXT)`;
/** Each unit's district (itself for a district, none for the province), for facts kept by unit. */
const DISTRICTS = `(SELECT column1 AS code, column2 AS district FROM (VALUES ${referenceUnits
  .map((u) => `('${u.code}', '${u.level === "COMMUNE" ? u.parentCode : u.code}')`)
  .join(", ")}) AS v)`;
/** Overdue is judged on the day the question is asked, as petitionStatistics does. */
const TODAY = new Date(Date.now() + 7 * 3600_000).toISOString().slice(0, 10);
const FUND_LEVEL = "CASE length(f.unit_code) WHEN 2 THEN 'PROVINCE' WHEN 3 THEN 'DISTRICT' ELSE 'COMMUNE' END";
/** The recipient household's review in the event's year. */
const REVIEW = `poverty_classification c ON c.household_id = s.household_id AND c.year = CAST(${year("s.given_on")} AS INTEGER)`;
const RESOLVED = "p.status = 'RESOLVED'";

export interface GroupedQuestion {
  operation: string;
  database: "programs" | "petitions" | "organisations";
  sql: string[];
}

export const GROUPED_QUESTIONS: GroupedQuestion[] = [
  {
    operation: "PoorHouseholdsByDistrictAndSize",
    database: "programs",
    sql: [
      `SELECT h.district_code, h.member_count, COUNT(*), SUM(h.member_count) FROM poverty_classification c
         JOIN household h ON h.id = c.household_id WHERE c.year = 2019 AND c.status = 'POOR'
         GROUP BY h.district_code, h.member_count`,
    ],
  },
  {
    operation: "HouseholdsByAreaAndStatus",
    database: "programs",
    sql: [
      `SELECT h.area, c.status, COUNT(*), SUM(h.member_count) FROM poverty_classification c
         JOIN household h ON h.id = c.household_id WHERE c.year = 2019 GROUP BY h.area, c.status`,
    ],
  },
  {
    operation: "SupportToPoorByMonthAndKind",
    database: "programs",
    sql: [
      `SELECT ${month("s.given_on")}, s.kind, COUNT(*), SUM(s.amount_vnd) FROM support_event s JOIN ${REVIEW}
         WHERE s.given_on BETWEEN '2019-01-01' AND '2019-12-31' AND c.status = 'POOR' GROUP BY 1, 2`,
    ],
  },
  {
    operation: "SupportByDistrictAndFunding",
    database: "programs",
    sql: [
      `SELECT d.district, CASE WHEN s.fund_id IS NULL THEN 'NOT_THE_FUND' ELSE ${FUND_LEVEL} END, COUNT(*), SUM(s.amount_vnd)
         FROM support_event s JOIN ${DISTRICTS} d ON d.code = s.commune_code LEFT JOIN fund f ON f.id = s.fund_id
         WHERE s.given_on BETWEEN '2016-01-01' AND '2019-12-31' GROUP BY 1, 2 ORDER BY 4 DESC`,
    ],
  },
  {
    operation: "SupportByYearAndRecipient",
    database: "programs",
    sql: [
      `SELECT ${year("s.given_on")}, c.status, COUNT(*), SUM(s.amount_vnd) FROM support_event s LEFT JOIN ${REVIEW}
         WHERE s.given_on BETWEEN '2010-01-01' AND '2019-12-31' GROUP BY 1, 2`,
    ],
  },
  {
    operation: "ContributionsByYearAndForm",
    database: "programs",
    sql: [
      `SELECT ${year("received_on")}, form, COUNT(*), SUM(amount_vnd) FROM contribution
         WHERE received_on BETWEEN '2010-01-01' AND '2019-12-31' GROUP BY 1, 2`,
    ],
  },
  {
    operation: "ContributionsByDistrictAndDonor",
    database: "programs",
    sql: [
      `SELECT d.district, k.donor_kind, COUNT(*), SUM(k.amount_vnd) FROM contribution k JOIN ${DISTRICTS} d ON d.code = k.unit_code
         WHERE k.received_on BETWEEN '2019-01-01' AND '2019-12-31' GROUP BY 1, 2 ORDER BY 4 DESC`,
    ],
  },
  {
    operation: "HousesHandedOverByDistrictAndKind",
    database: "programs",
    sql: [
      `SELECT district_code, kind, COUNT(*), SUM(fund_amount_vnd + sponsor_amount_vnd + family_amount_vnd), SUM(fund_amount_vnd)
         FROM solidarity_house WHERE status = 'HANDED_OVER' AND handed_over_on BETWEEN '2010-01-01' AND '2019-12-31'
         GROUP BY district_code, kind`,
    ],
  },
  {
    operation: "ComplaintsByDistrictStatusQuarter",
    database: "petitions",
    sql: [
      `SELECT district_code, status, ${quarter("received_on")}, COUNT(*) FROM petition
         WHERE kind = 'COMPLAINT' AND received_on BETWEEN '2019-01-01' AND '2019-12-31' GROUP BY 1, 2, 3`,
    ],
  },
  {
    operation: "PetitionsOnTimeByYearAndKind",
    database: "petitions",
    sql: [
      // The counts, then each group's median days from receipt to resolution (the middle row or two).
      `SELECT ${year("p.received_on")}, p.kind, COUNT(*), SUM(CASE WHEN ${RESOLVED} THEN 1 ELSE 0 END),
              SUM(CASE WHEN ${RESOLVED} AND (p.due_on IS NULL OR p.closed_on <= p.due_on) THEN 1 ELSE 0 END),
              SUM(CASE WHEN (p.status IN ('RECEIVED', 'ACCEPTED', 'UNDER_VERIFICATION') AND p.due_on < '${TODAY}')
                         OR (${RESOLVED} AND p.closed_on > p.due_on) THEN 1 ELSE 0 END)
         FROM petition p WHERE p.received_on BETWEEN '2015-01-01' AND '2020-12-31' GROUP BY 1, 2`,
      `SELECT y, kind, AVG(days) FROM (
         SELECT ${year("p.received_on")} AS y, p.kind,
                CAST(p.closed_on AS DATE) - CAST(p.received_on AS DATE) AS days,
                ROW_NUMBER() OVER (PARTITION BY ${year("p.received_on")}, p.kind ORDER BY p.closed_on) AS n,
                COUNT(*) OVER (PARTITION BY ${year("p.received_on")}, p.kind) AS total
           FROM petition p WHERE ${RESOLVED} AND p.received_on BETWEEN '2015-01-01' AND '2020-12-31') r
         WHERE n IN ((total + 1) / 2, (total + 2) / 2) GROUP BY y, kind`,
    ],
  },
  {
    operation: "WomensUnionMembersByAgeAndDistrict",
    database: "organisations",
    sql: [
      `SELECT CASE WHEN m.birth_year IS NULL THEN 'UNKNOWN' WHEN 2019 - m.birth_year <= 30 THEN 'AGE_16_30'
                   WHEN 2019 - m.birth_year <= 45 THEN 'AGE_31_45' WHEN 2019 - m.birth_year <= 60 THEN 'AGE_46_60'
                   ELSE 'AGE_OVER_60' END, d.district, COUNT(*)
         FROM member m JOIN organisation o ON o.id = m.organisation_id JOIN ${DISTRICTS} d ON d.code = o.unit_code
         WHERE o.kind = 'WOMENS_UNION' AND m.joined_on <= '2019-12-31' AND (m.left_on IS NULL OR m.left_on > '2019-12-31')
         GROUP BY 1, 2`,
    ],
  },
  {
    operation: "MembersByKindAndJoinYear",
    database: "organisations",
    sql: [
      `SELECT o.kind, ${year("m.joined_on")}, COUNT(*) FROM member m JOIN organisation o ON o.id = m.organisation_id
         WHERE m.joined_on <= '2019-12-31' AND (m.left_on IS NULL OR m.left_on > '2019-12-31') GROUP BY 1, 2`,
    ],
  },
];

/** The date difference in days, the same on both databases. */
function forDatabase(sql: string, postgres: boolean): string {
  return postgres
    ? sql
    : sql.replace(
        /CAST\(p\.closed_on AS DATE\) - CAST\(p\.received_on AS DATE\)/g,
        "julianday(p.closed_on) - julianday(p.received_on)",
      );
}

const DEFINITIONS: Record<GroupedQuestion["database"], SubgraphDefinition<never>> = {
  organisations: organisationsSubgraph as unknown as SubgraphDefinition<never>,
  programs: programsSubgraph as unknown as SubgraphDefinition<never>,
  petitions: petitionsSubgraph as unknown as SubgraphDefinition<never>,
};

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

/** The median ms of each question's hand-written SQL (`runs` runs after one warm-up), by operation. */
export async function groupedQuestionsInSql(runs: number): Promise<Map<string, number>> {
  const out = new Map<string, number>();
  for (const name of ["programs", "petitions", "organisations"] as const) {
    const entry = SUBGRAPHS.find((s) => s.name === name)!;
    const env = databaseEnv(entry);
    const ds: DataSource = dataSourceFor(
      DEFINITIONS[name],
      {
        ...(env.DATABASE_URL
          ? { DATABASE_URL: env.DATABASE_URL }
          : { SQLITE_PATH: path.join(repoRoot, `data/${name}.sqlite`) }),
        DB_POOL_SIZE: 2,
        DB_ACQUIRE_TIMEOUT_MS: 5000,
      },
      createLogger("bench", "silent"),
    );
    await ds.initialize();
    const postgres = ds.options.type === "postgres";
    try {
      for (const q of GROUPED_QUESTIONS.filter((g) => g.database === name)) {
        const sqls = q.sql.map((s) => forDatabase(s, postgres));
        const times: number[] = [];
        for (let i = 0; i <= runs; i++) {
          const t = performance.now();
          for (const s of sqls) await ds.query(s);
          if (i > 0) times.push(performance.now() - t);
        }
        out.set(q.operation, median(times));
      }
    } finally {
      await ds.destroy();
    }
  }
  return out;
}
