import { ancestorCodes } from "@danvan/kit/units";

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

const FRONT_COMMITTEE = /^MTTQ-(\d{2}|\d{3}|\d{5})$/;

/** The caller's standing towards the fund of `fundUnit`, from its roles and organisation. */
export function standingOf(
  caller: { roles: readonly string[]; organisationId?: string },
  fundUnit: string,
): FundStanding {
  if (caller.roles.includes("ADMIN")) return "ADMINISTRATOR";
  if (!caller.roles.includes("OFFICER")) return "NO_WRITE_ROLE";
  const board = FRONT_COMMITTEE.exec(caller.organisationId ?? "")?.[1];
  if (board === fundUnit) return "OWN_BOARD";
  if (board && ancestorCodes(fundUnit).includes(board)) return "BOARD_ABOVE";
  return "OTHER_OFFICER";
}

/** Which way a transfer goes: down to a unit below the sender, up to one above it, or across. */
export function transferAct(fromUnit: string, toUnit: string): FundAct {
  if (ancestorCodes(toUnit).includes(fromUnit)) return "TRANSFER_DOWN";
  if (ancestorCodes(fromUnit).includes(toUnit)) return "TRANSFER_UP";
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
