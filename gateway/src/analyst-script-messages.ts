/**
 * What the analyst page's script says, a part of the `analyst` catalogue (analyst-messages.ts):
 * its status lines, the caller, the faults, the answer's summary, the chart and the ranking.
 * `{name}` is left for the script to fill in (analyst-script.ts's `say`).
 */

/** In English. */
const en = {
  statusRunning: "Asking the graph…",
  statusDone: "Answered in {ms} ms.",
  statusFailed: "The graph did not answer the question: see why below.",
  statusUnreachable: "The gateway did not answer.",
  statusCopied: "The query (document and variables, as sent) is copied.",
  statusCopyFailed: "Could not copy: select the query below.",
  statusDownloaded: "CSV downloaded: {file}.",
  callerPublic: "Sending no token: you are the public.",
  callerDev: "Sending a development token for the role {role}.",
  callerPasted: "Sending the pasted token.",
  callerNoToken: "No token for the role {role}: paste one.",
  errorsHeading: "The question could not be answered:",
  errRequired: "is required",
  errNoDimension: "pick at least one dimension",
  errWholeNumber: "must be a whole number",
  errCode: "{message} ({code})",
  errHttp: "The gateway answered HTTP {status}.",
  resultRows: "{rows} of {total} rows.",
  truncated: "Raise “{first}” to see them all.",
  noRows: "No row: nothing matches this question.",
  rankingHeading: "Units ranked by {measure}",
  rankingLeftOut: "{count} rows without a value (hidden or missing) are left out.",
  chartLine: "{measure} over time",
  chartBar: "{measure} by {dimension}",
  chartOmitted: "{count} smaller series are not drawn.",
  suppressedTitle: "Fewer than 5: hidden from the public",
};

/** In Vietnamese: the same keys. */
const vi: Record<keyof typeof en, string> = {
  statusRunning: "Đang hỏi đồ thị…",
  statusDone: "Đã có kết quả sau {ms} ms.",
  statusFailed: "Đồ thị không trả lời được câu hỏi: xem lý do bên dưới.",
  statusUnreachable: "Cổng không phản hồi.",
  statusCopied: "Đã sao chép truy vấn (văn bản truy vấn và các biến, đúng như đã gửi).",
  statusCopyFailed: "Không sao chép được: hãy chọn truy vấn bên dưới.",
  statusDownloaded: "Đã tải CSV: {file}.",
  callerPublic: "Không gửi token: bạn đang xem với tư cách người dân.",
  callerDev: "Đang gửi token phát triển cho vai trò {role}.",
  callerPasted: "Đang gửi token đã dán.",
  callerNoToken: "Chưa có token cho vai trò {role}: hãy dán token vào.",
  errorsHeading: "Không trả lời được câu hỏi:",
  errRequired: "là bắt buộc",
  errNoDimension: "hãy chọn ít nhất một chiều",
  errWholeNumber: "phải là số nguyên",
  errCode: "{message} ({code})",
  errHttp: "Cổng trả lời mã HTTP {status}.",
  resultRows: "{rows} trên tổng số {total} dòng.",
  truncated: "Tăng “{first}” để xem hết.",
  noRows: "Không có dòng nào: không có số liệu phù hợp với câu hỏi này.",
  rankingHeading: "Xếp hạng đơn vị theo {measure}",
  rankingLeftOut: "{count} dòng không có giá trị (bị ẩn hoặc thiếu) không được xếp hạng.",
  chartLine: "{measure} theo thời gian",
  chartBar: "{measure} theo {dimension}",
  chartOmitted: "{count} chuỗi số liệu nhỏ hơn không được vẽ.",
  suppressedTitle: "Dưới 5: ẩn với người dân",
};

export const ANALYST_SCRIPT_MESSAGES = { en, vi };
