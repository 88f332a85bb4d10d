import { defineMessages, translate, type Language, type Message } from "@danvan/kit/i18n";

/**
 * The IDE page's words, in English and Vietnamese (the `ide` namespace): the page itself, the
 * status lines its script shows, the default query's comments and the token route's refusals.
 * `{{name}}` in a status line is filled in by the page's script (see `scriptMessages`).
 */
export const ideMessage = defineMessages(
  "ide",
  {
    title: "Dân vận graph · GraphiQL",
    heading: "Dân vận graph",
    otherLanguage: "Tiếng Việt",
    otherLanguageTitle: "Xem trang này bằng tiếng Việt",
    role: "Role",
    rolePublic: "public (no token)",
    roleOfficer: "officer",
    roleHandlingOfficer: "handling officer",
    roleAnalyst: "analyst",
    roleAdmin: "admin",
    token: "Token",
    tokenPlaceholder: "paste a token (overrides the role)",
    helpSummary: "Where do tokens come from?",
    helpCommand:
      "Run {{command}} where the role is {{roles}} (officers and handling officers also need {{unit}}, optionally {{org}}), then paste the printed token above.",
    helpHeader: "The selected token is sent as {{header}} with every operation.",
    helpDevelopment:
      "On a development gateway the role menu works without pasting (it fetches short-lived development tokens), and “{{maker}}” makes a token for any role and unit.",
    loading: "Loading GraphiQL…",
    noscript: "GraphiQL needs JavaScript. You can still POST operations to this URL.",
    // The token maker (development gateway only).
    makerSummary: "Make a token",
    makerUnit: "Unit",
    makerUnitNone: "— none —",
    makerOrg: "Organisation id",
    makerOrgPlaceholder: "optional, e.g. MTTQ-883 or HND-30280",
    makerSub: "Subject",
    makerSubPlaceholder: "default dev-<role>; a commune lists its handling officers",
    makerTtl: "Lifetime",
    ttl15m: "15 minutes",
    ttl1h: "1 hour",
    ttl8h: "8 hours",
    ttl1d: "1 day",
    ttl7d: "7 days",
    makerSubmit: "Make and use",
    makerResult: "Token made, now sent with every operation",
    makerCopy: "Copy",
    makerNote:
      "Unit is required for officers and handling officers. A commune's seeded handling officers are offered as subjects: a handling officer sees the petitions they handle.",
    // Status lines of the page's script.
    statusPasted: "Sending the pasted token.",
    statusMade: "Sending the token you made: {{who}}.",
    statusPublic: "Sending no token: you are the public.",
    statusDev: "Sending a development token for the role {{role}}.",
    statusNoToken: "No token for the role {{role}}: run {{command}} and paste it.",
    statusMaking: "Making a token…",
    statusMakeFailed: "Could not make a token: {{reason}}",
    statusUnreachable: "the gateway did not answer",
    statusCopied: "Token copied.",
    whoSub: "subject {{sub}}",
    whoUnit: "unit {{unit}}",
    whoOrg: "organisation {{org}}",
    // The default query's comments.
    queryPublic: "The public sees reference data and published statistics without a token.",
    queryRoles: "Pick a role above to query as an officer, a handling officer, an analyst or an admin.",
    // POST /ide/dev-token refusals: they name the field, never the value.
    errBody: "The body must be a JSON object",
    errRole: "role must be one of public, officer, handling-officer, analyst, admin",
    errUnitRequired: "unit is required for officers and handling officers",
    errUnit: "unit must be the code of an administrative unit of An Giang",
    errOrg: "org must be 1 to 64 letters, digits, dots, dashes or underscores",
    errSub: "sub must be 1 to 128 letters, digits or . _ @ : + - characters",
    errTtl: "ttl must be a duration like 30m, 8h or 7d, at most 30d",
  },
  {
    title: "Đồ thị Dân vận · GraphiQL",
    heading: "Đồ thị Dân vận",
    otherLanguage: "English",
    otherLanguageTitle: "View this page in English",
    role: "Vai trò",
    rolePublic: "người dân (không có token)",
    roleOfficer: "cán bộ",
    roleHandlingOfficer: "cán bộ xử lý đơn",
    roleAnalyst: "chuyên viên phân tích",
    roleAdmin: "quản trị viên",
    token: "Mã token",
    tokenPlaceholder: "dán token vào đây (thay cho vai trò đã chọn)",
    helpSummary: "Lấy token ở đâu?",
    helpCommand:
      "Chạy {{command}}, trong đó vai trò là {{roles}} (cán bộ và cán bộ xử lý đơn cần thêm {{unit}}, có thể thêm {{org}}), rồi dán token vừa in ra vào ô phía trên.",
    helpHeader: "Token đang chọn được gửi kèm mọi thao tác trong tiêu đề {{header}}.",
    helpDevelopment:
      "Trên cổng chạy ở chế độ phát triển, trình đơn vai trò dùng được ngay mà không cần dán (trang tự lấy token phát triển ngắn hạn), và mục “{{maker}}” tạo token cho bất kỳ vai trò và đơn vị nào.",
    loading: "Đang tải GraphiQL…",
    noscript: "GraphiQL cần JavaScript. Bạn vẫn có thể gửi thao tác bằng phương thức POST tới địa chỉ này.",
    makerSummary: "Tạo token",
    makerUnit: "Đơn vị",
    makerUnitNone: "— không chọn —",
    makerOrg: "Mã tổ chức",
    makerOrgPlaceholder: "không bắt buộc, ví dụ MTTQ-883 hoặc HND-30280",
    makerSub: "Chủ thể (sub)",
    makerSubPlaceholder: "mặc định dev-<vai trò>; chọn xã để thấy cán bộ xử lý đơn của xã",
    makerTtl: "Thời hạn",
    ttl15m: "15 phút",
    ttl1h: "1 giờ",
    ttl8h: "8 giờ",
    ttl1d: "1 ngày",
    ttl7d: "7 ngày",
    makerSubmit: "Tạo và dùng",
    makerResult: "Token vừa tạo, đang được gửi kèm mọi thao tác",
    makerCopy: "Sao chép",
    makerNote:
      "Cán bộ và cán bộ xử lý đơn bắt buộc phải có đơn vị. Với một xã, trang gợi ý các cán bộ xử lý đơn có sẵn trong dữ liệu mẫu làm chủ thể: cán bộ xử lý đơn thấy các đơn do mình xử lý.",
    statusPasted: "Đang gửi token đã dán.",
    statusMade: "Đang gửi token bạn vừa tạo: {{who}}.",
    statusPublic: "Không gửi token: bạn đang xem với tư cách người dân.",
    statusDev: "Đang gửi token phát triển cho vai trò {{role}}.",
    statusNoToken: "Chưa có token cho vai trò {{role}}: hãy chạy {{command}} rồi dán token vào.",
    statusMaking: "Đang tạo token…",
    statusMakeFailed: "Không tạo được token: {{reason}}",
    statusUnreachable: "cổng không phản hồi",
    statusCopied: "Đã sao chép token.",
    whoSub: "chủ thể {{sub}}",
    whoUnit: "đơn vị {{unit}}",
    whoOrg: "tổ chức {{org}}",
    queryPublic: "Người dân xem được dữ liệu danh mục và số liệu thống kê đã công bố mà không cần token.",
    queryRoles:
      "Chọn một vai trò ở trên để truy vấn với tư cách cán bộ, cán bộ xử lý đơn, chuyên viên phân tích hoặc quản trị viên.",
    errBody: "Nội dung yêu cầu phải là một đối tượng JSON",
    errRole: "role phải là một trong các giá trị public, officer, handling-officer, analyst, admin",
    errUnitRequired: "unit là bắt buộc với cán bộ và cán bộ xử lý đơn",
    errUnit: "unit phải là mã của một đơn vị hành chính thuộc An Giang",
    errOrg: "org phải dài từ 1 đến 64 ký tự, gồm chữ cái, chữ số, dấu chấm, gạch ngang hoặc gạch dưới",
    errSub: "sub phải dài từ 1 đến 128 ký tự, gồm chữ cái, chữ số hoặc các ký tự . _ @ : + -",
    errTtl: "ttl phải là một khoảng thời gian như 30m, 8h hoặc 7d, tối đa 30d",
  },
);

export type IdeMessageKey = Parameters<typeof ideMessage>[0];

/** The page's language: Vietnamese unless the URL asks for English (`?lang=en`). */
export function pageLanguage(lang: unknown): Language {
  return lang === "en" ? "en" : "vi";
}

/** The other language, for the switch link. */
export function otherLanguage(language: Language): Language {
  return language === "vi" ? "en" : "vi";
}

/** The text of an `ide` message in `language`. */
export function ideText(key: IdeMessageKey, language: Language, params?: Message["params"]): string {
  return translate(ideMessage(key, params), language);
}

/** The status lines the page's script shows, with `{name}` left for the script to fill in. */
const SCRIPT_MESSAGES = {
  statusPasted: {},
  statusMade: { who: "{who}" },
  statusPublic: {},
  statusDev: { role: "{role}" },
  statusNoToken: { role: "{role}", command: "{command}" },
  statusMaking: {},
  statusMakeFailed: { reason: "{reason}" },
  statusUnreachable: {},
  statusCopied: {},
  whoSub: { sub: "{sub}" },
  whoUnit: { unit: "{unit}" },
  whoOrg: { org: "{org}" },
  rolePublic: {},
  roleOfficer: {},
  roleHandlingOfficer: {},
  roleAnalyst: {},
  roleAdmin: {},
} as const satisfies Partial<Record<IdeMessageKey, Record<string, string>>>;

export type ScriptMessages = Record<keyof typeof SCRIPT_MESSAGES, string>;

/** What the page's script reads from `data-messages`: its strings in the page's language. */
export function scriptMessages(language: Language): ScriptMessages {
  return Object.fromEntries(
    Object.entries(SCRIPT_MESSAGES).map(([key, params]) => [key, ideText(key as IdeMessageKey, language, params)]),
  ) as ScriptMessages;
}
