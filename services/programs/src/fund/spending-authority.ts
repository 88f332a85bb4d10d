import { ancestorCodes, latestUnit, REORGANISATION_2025, unitOn } from "@danvan/kit/units";

/**
 * Who may move which fund's money, as data (services/programs/README.md, "Spending authority").
 * Each level's Fund for the Poor is run by that level's campaign board, the Front committee of
 * its unit (Quy chế vận động, quản lý và sử dụng Quỹ "Vì người nghèo" sửa đổi năm 2016, issued by
 * Quyết định 1198/QĐ-MTTW-ĐCT, 29/12/2016): only that board, or an administrator, credits, spends
 * or transfers its money. A higher level helps a lower one by transferring money down (điều
 * tiết); it never spends the lower fund's money itself. Money goes up only as a return of an
 * allocation the higher fund made and the lower one did not spend (bounded in the ledger:
 * ledger-rules.ts, `returnExceedsAllocation`), and never sideways between branches. This is the
 * project's reading: the Quy chế's articles have not been read (the README says what was), so no
 * article is cited; the downward transfers match the practice reported.
 *
 * A fund is named here by its board's unit, the tail of its id: "30280" for a fund of the 2019 map,
 * "30307-25" for one of the 2025 map (issue 27), whose boards are the committees "MTTQ-30307-25"
 * and, above every commune's, the merged province's "MTTQ-91-25". The two maps never mix: the
 * 2019 map's boards stand towards its funds, the 2025 map's towards theirs.
 */

/** The caller's standing towards one fund. */
export type FundStanding =
  /** An administrator: acts for any board. */
  | "ADMINISTRATOR"
  /** An officer of the fund's own unit's Front committee (token org MTTQ-<fund's unit>). */
  | "OWN_BOARD"
  /** An officer of the Front committee of a unit above the fund's. */
  | "BOARD_ABOVE"
  /** Any other officer: another unit's committee, or another organisation (HND-, HPN-, ...). */
  | "OTHER_OFFICER"
  /** No writing role (analysts, handling officers alone, the public). */
  | "NO_WRITE_ROLE";

/** What is done to the fund's money; a transfer is named by the way it goes from the sending fund. */
export type FundAct = "CREDIT" | "SPEND" | "TRANSFER_DOWN" | "TRANSFER_UP" | "TRANSFER_ACROSS";

/** Which rule refused an act (`extensions.rule` of the FORBIDDEN error). */
export type FundRule = "FUND_BOARD_ONLY" | "HIGHER_LEVEL_NEVER_SPENDS" | "NO_TRANSFER_ACROSS";

/** The table: for each act, the standings (towards the fund credited, spent or sending) that may do it. */
export const FUND_AUTHORITY: Readonly<Record<FundAct, readonly FundStanding[]>> = {
  CREDIT: ["OWN_BOARD", "ADMINISTRATOR"],
  SPEND: ["OWN_BOARD", "ADMINISTRATOR"],
  TRANSFER_DOWN: ["OWN_BOARD", "ADMINISTRATOR"],
  // Only a return of an unspent allocation to the fund that made it (bounded in the ledger).
  TRANSFER_UP: ["OWN_BOARD", "ADMINISTRATOR"],
  TRANSFER_ACROSS: [],
};

const SUFFIX_2025 = `-${REORGANISATION_2025.slice(2, 4)}`;
const FRONT_COMMITTEE = new RegExp(`^MTTQ-(\\d{2}|\\d{3}|\\d{5}|(?:\\d{2}|\\d{5})${SUFFIX_2025})$`);

/**
 * The board units above a fund's board unit, nearest first: on the 2019 map its district and the
 * province (89); on the 2025 map the merged province ("91-25") above every commune.
 */
export function boardUnitsAbove(fundUnit: string): string[] {
  if (!fundUnit.endsWith(SUFFIX_2025)) return ancestorCodes(fundUnit);
  const code = fundUnit.slice(0, -SUFFIX_2025.length);
  const out: string[] = [];
  let v = latestUnit(code);
  while (v?.parentCode && out.length < 3) {
    v = unitOn(v.parentCode, REORGANISATION_2025);
    if (v) out.push(`${v.code}${SUFFIX_2025}`);
  }
  return out;
}

/** The caller's standing towards the fund of `fundUnit` (its board's unit), from its roles and organisation. */
export function standingOf(
  caller: { roles: readonly string[]; organisationId?: string },
  fundUnit: string,
): FundStanding {
  if (caller.roles.includes("ADMIN")) return "ADMINISTRATOR";
  if (!caller.roles.includes("OFFICER")) return "NO_WRITE_ROLE";
  const board = FRONT_COMMITTEE.exec(caller.organisationId ?? "")?.[1];
  if (board === fundUnit) return "OWN_BOARD";
  if (board && boardUnitsAbove(fundUnit).includes(board)) return "BOARD_ABOVE";
  return "OTHER_OFFICER";
}

/** Which way a transfer goes: down to a unit below the sender, up to one above it, or across. */
export function transferAct(fromUnit: string, toUnit: string): FundAct {
  if (boardUnitsAbove(toUnit).includes(fromUnit)) return "TRANSFER_DOWN";
  if (boardUnitsAbove(fromUnit).includes(toUnit)) return "TRANSFER_UP";
  return "TRANSFER_ACROSS";
}

/** Null when `standing` may do `act`, else the rule that refuses it. */
export function refusedBy(act: FundAct, standing: FundStanding): FundRule | null {
  if (FUND_AUTHORITY[act].includes(standing)) return null;
  if (act === "TRANSFER_ACROSS") return "NO_TRANSFER_ACROSS";
  // A higher level's board reaching for a lower fund's money: it may only send money down to it.
  if (standing === "BOARD_ABOVE" && act !== "CREDIT") return "HIGHER_LEVEL_NEVER_SPENDS";
  return "FUND_BOARD_ONLY";
}
