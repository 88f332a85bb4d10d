/**
 * Who may move which Fund for the Poor's money (services/programs/README.md, "Spending
 * authority"), written down per caller and act so that the fund's part of the access matrix
 * (fund-authority.e2e.test.ts) checks every cell through the gateway with real tokens. Each fund
 * is run by its own unit's campaign board (an officer of that unit's Front committee, token
 * organisation MTTQ-<unit>); a higher level sends money down but never spends a lower fund's
 * money; money goes up only as a return of an allocation, never across.
 *
 * The funds: Phường Mỹ Bình (30280) in Thành phố Long Xuyên (883); its neighbour Phường Mỹ Long
 * (30283); the province (89); Thành phố Châu Đốc (884) is another district.
 */

/** The callers: each a real token (or none) sent through the gateway. */
export type FundCaller =
  | "public"
  | "analyst"
  | "admin"
  | "communeBoard"
  | "districtBoard"
  | "provinceBoard"
  | "otherDistrictBoard"
  | "communeFarmersUnion"
  | "districtOfficerWithoutBoard"
  | "handlingOfficer";

export const FUND_CALLERS: Readonly<
  Record<FundCaller, { roles: string[]; unitCode?: string; organisationId?: string } | null>
> = {
  public: null,
  analyst: { roles: ["ANALYST"] },
  admin: { roles: ["ADMIN"] },
  communeBoard: { roles: ["OFFICER"], unitCode: "30280", organisationId: "MTTQ-30280" },
  districtBoard: { roles: ["OFFICER"], unitCode: "883", organisationId: "MTTQ-883" },
  provinceBoard: { roles: ["OFFICER"], unitCode: "89", organisationId: "MTTQ-89" },
  otherDistrictBoard: { roles: ["OFFICER"], unitCode: "884", organisationId: "MTTQ-884" },
  communeFarmersUnion: { roles: ["OFFICER"], unitCode: "30280", organisationId: "HND-30280" },
  districtOfficerWithoutBoard: { roles: ["OFFICER"], unitCode: "883" },
  handlingOfficer: { roles: ["OFFICER", "HANDLING_OFFICER"], unitCode: "883" },
};

/** What is done to a fund's money, each by one mutation (access-matrix-queries-fund.ts). */
export type FundWrite =
  | "creditCommuneFund"
  | "spendCommuneFund"
  | "spendDistrictFund"
  | "transferDistrictToCommune"
  | "returnCommuneToDistrict"
  | "transferCommuneToNeighbour";

/**
 * The expected answer of each cell: "ok", or the error's code and the rule that refused it
 * (`extensions.rule`). A caller without a writing role is refused before any rule is read; an
 * officer outside the household's district is refused by scope before the fund is looked at.
 */
export const FUND_WRITE_POLICY: Readonly<Record<FundWrite, Readonly<Record<FundCaller, string>>>> = {
  creditCommuneFund: {
    public: "UNAUTHENTICATED",
    analyst: "FORBIDDEN",
    admin: "ok",
    communeBoard: "ok",
    districtBoard: "FORBIDDEN FUND_BOARD_ONLY",
    provinceBoard: "FORBIDDEN FUND_BOARD_ONLY",
    otherDistrictBoard: "FORBIDDEN FUND_BOARD_ONLY",
    communeFarmersUnion: "FORBIDDEN FUND_BOARD_ONLY",
    districtOfficerWithoutBoard: "FORBIDDEN FUND_BOARD_ONLY",
    handlingOfficer: "FORBIDDEN FUND_BOARD_ONLY",
  },
  spendCommuneFund: {
    public: "UNAUTHENTICATED",
    analyst: "FORBIDDEN",
    admin: "ok",
    communeBoard: "ok",
    districtBoard: "FORBIDDEN HIGHER_LEVEL_NEVER_SPENDS",
    provinceBoard: "FORBIDDEN HIGHER_LEVEL_NEVER_SPENDS",
    otherDistrictBoard: "FORBIDDEN",
    communeFarmersUnion: "FORBIDDEN FUND_BOARD_ONLY",
    districtOfficerWithoutBoard: "FORBIDDEN FUND_BOARD_ONLY",
    handlingOfficer: "FORBIDDEN FUND_BOARD_ONLY",
  },
  spendDistrictFund: {
    public: "UNAUTHENTICATED",
    analyst: "FORBIDDEN",
    admin: "ok",
    communeBoard: "FORBIDDEN FUND_BOARD_ONLY",
    districtBoard: "ok",
    provinceBoard: "FORBIDDEN HIGHER_LEVEL_NEVER_SPENDS",
    otherDistrictBoard: "FORBIDDEN",
    communeFarmersUnion: "FORBIDDEN FUND_BOARD_ONLY",
    districtOfficerWithoutBoard: "FORBIDDEN FUND_BOARD_ONLY",
    handlingOfficer: "FORBIDDEN FUND_BOARD_ONLY",
  },
  transferDistrictToCommune: {
    public: "UNAUTHENTICATED",
    analyst: "FORBIDDEN",
    admin: "ok",
    communeBoard: "FORBIDDEN FUND_BOARD_ONLY",
    districtBoard: "ok",
    provinceBoard: "FORBIDDEN HIGHER_LEVEL_NEVER_SPENDS",
    otherDistrictBoard: "FORBIDDEN FUND_BOARD_ONLY",
    communeFarmersUnion: "FORBIDDEN FUND_BOARD_ONLY",
    districtOfficerWithoutBoard: "FORBIDDEN FUND_BOARD_ONLY",
    handlingOfficer: "FORBIDDEN FUND_BOARD_ONLY",
  },
  returnCommuneToDistrict: {
    public: "UNAUTHENTICATED",
    analyst: "FORBIDDEN",
    admin: "ok",
    communeBoard: "ok",
    districtBoard: "FORBIDDEN HIGHER_LEVEL_NEVER_SPENDS",
    provinceBoard: "FORBIDDEN HIGHER_LEVEL_NEVER_SPENDS",
    otherDistrictBoard: "FORBIDDEN FUND_BOARD_ONLY",
    communeFarmersUnion: "FORBIDDEN FUND_BOARD_ONLY",
    districtOfficerWithoutBoard: "FORBIDDEN FUND_BOARD_ONLY",
    handlingOfficer: "FORBIDDEN FUND_BOARD_ONLY",
  },
  transferCommuneToNeighbour: {
    public: "UNAUTHENTICATED",
    analyst: "FORBIDDEN",
    admin: "FORBIDDEN NO_TRANSFER_ACROSS",
    communeBoard: "FORBIDDEN NO_TRANSFER_ACROSS",
    districtBoard: "FORBIDDEN NO_TRANSFER_ACROSS",
    provinceBoard: "FORBIDDEN NO_TRANSFER_ACROSS",
    otherDistrictBoard: "FORBIDDEN NO_TRANSFER_ACROSS",
    communeFarmersUnion: "FORBIDDEN NO_TRANSFER_ACROSS",
    districtOfficerWithoutBoard: "FORBIDDEN NO_TRANSFER_ACROSS",
    handlingOfficer: "FORBIDDEN NO_TRANSFER_ACROSS",
  },
};
