// The catalogue is plain data plus i18next: imported from the kit's i18n entry point (not the
// kit's root, which brings GraphQL and TypeORM) so that the rule modules stay free of both.
import { defineMessages } from "@danvan/kit/i18n";

/**
 * The petitions subgraph's messages, in English and Vietnamese. A field message follows its
 * path ("input.on: must not be before ..."), so it starts in lower case; none names a value a
 * client sent (a date, a reason, a name, an id): the path says which value is at fault.
 */
export const petitionsMessage = defineMessages(
  "petitions",
  {
    // The lifecycle's refusals (src/lifecycle/): CONFLICT, a sentence.
    illegalTransition: "A {{kind}} that is {{status}} cannot {{transition}}",
    receivedOnce: "A petition is received only once",
    noExtensionLeft:
      "No extension is left for this denunciation: under the 2018 law none for a normal case, one for a complex case, two for an especially complex case (Art. 30); under the 2011 law one (Art. 21)",
    extensionTooLate:
      "The time limit to resolve this denunciation has already passed: an extension must be decided before it ends (Law on Denunciations 2018, Art. 30)",
    referralNotConcrete: "Only concrete content is referred for inspection (Law on Denunciations 2018, Art. 25(2))",
    referralRefusedAsVague:
      "This denunciation was not accepted for lack of concrete content, so it cannot be referred for inspection (Law on Denunciations 2018, Art. 25(2))",
    // The lifecycle's refusals of one input field: BAD_USER_INPUT, after the field's path.
    dateBeforePreviousStep: "must not be before the date of the previous step",
    notAGroundToRefuse: "is not a ground to refuse a {{kind}}",
    notAGroundNotToProcess: "is not one of the cases of the Law on Denunciations 2018, Art. 25(1)",
    extensionDays: "must be 1 to {{max}} days: each extension grants at most {{max}} days",
    outcomeNotForKind: "is not an outcome a {{kind}} can end with",
    withdrawalInWriting: "must be true: a withdrawal is made in writing",
    complaintWithdrawalEndsIt:
      "does not apply to a complaint: withdrawing a complaint ends its handling (Law on Complaints 2011, Art. 10)",
    roundComplaintsOnly: "is for complaints only (first or second round)",
    noRuleInForce:
      "must be on or after 1 July 2012 (1 July 2014 for a recommendation or reflection): the deadline table starts with the laws in force then",
    filingLimitPassed:
      "is after the time limit for lodging the complaint: 90 days from the decision or act (Law on Complaints 2011, Art. 9), for a second round 30 days from the first-round decision, 45 in a remote area (Art. 33), not counting the days of an obstacle (input.obstacleDays)",
    decisionKnownForComplaints: "is given for a complaint only",
    notAfterReceipt: "must not be after the date of receipt",
    // Receipt.
    denouncerOnlyForDenunciation: "is given for a denunciation only",
    anonymousHasNoDenouncer: "must be left out of an anonymous denunciation",
    phone: "must be a phone number of 8 to 15 digits",
    idNumber: "must be an ID card number of 9 or 12 digits",
    // The map of the day (units through time).
    // Reception sessions.
    petitionsOutsideUnit: "must be petitions of this unit or of the units below it",
    // Access and confidentiality.
    notHandler: "You do not handle this petition",
    onlyHandlerReadsIdentity: "Only the handling officer may read the denouncer's identity",
    revealsDenouncer: "must not contain the denouncer's information",
    // Things a message may name.
    thingPetition: "petition",
    thingSession: "reception session",
    thingBody: "body",
    // Kinds, statuses and steps, named inside other messages.
    kindComplaint: "complaint",
    kindDenunciation: "denunciation",
    kindRecommendation: "recommendation",
    kindReflection: "reflection",
    statusReceived: "received",
    statusAccepted: "accepted",
    statusNotAccepted: "not accepted",
    statusUnderVerification: "under verification",
    statusResolved: "resolved",
    statusWithdrawn: "withdrawn",
    statusNotProcessed: "not processed as a denunciation",
    statusReferred: "referred for inspection",
    statusForwarded: "forwarded to the competent body",
    stepReceive: "be received again",
    stepAccept: "be accepted",
    stepRefuseAcceptance: "be refused acceptance",
    stepMarkNotProcessable: "be marked not processable as a denunciation",
    stepStartVerification: "go to verification",
    stepExtendDeadline: "have its time limit extended",
    stepResolve: "be resolved",
    stepWithdraw: "be withdrawn",
    stepReferForInspection: "be referred for inspection",
    stepForward: "be forwarded",
    stepReassign: "be reassigned",
    stepReorganise: "be moved to the unit that took its commune in 2025",
    reorganisedOnlyOldMap:
      "Only a petition received before 1 July 2025 moves to the unit that took its commune (Resolution 1654/NQ-UBTVQH15)",
    reorganisedOnTheDay: "must be 1 July 2025, the day the new units began (Resolution 1654/NQ-UBTVQH15)",
    sameHandlingOfficer: "must differ from the current handling officer",
    notForwarded: "must be a petition forwarded to a state body",
    forwardAlreadyAnswered: "the forwarded petition's answer is already recorded",
    noSuchStateBody:
      "must name a state body of a unit (UBND, TTR, TAND, VKSND or CA, then a unit code; communes have only UBND and CA)",
    stateBodyNotInForce:
      "must name a state body of a unit in force on the forwarding day: from 1 July 2025 there are no districts, only the new communes, wards and special zones and province 91 (Resolution 202/2025/QH15, 1654/NQ-UBTVQH15)",
    firstRoundNotResolved: "must be a first-round complaint that is resolved",
    thingCalendarDay: "declared calendar day",
  },
  {
    illegalTransition: "{{kind, capitalize}} đang ở trạng thái “{{status}}” thì không thể {{transition}}",
    receivedOnce: "Mỗi đơn chỉ được tiếp nhận một lần",
    noExtensionLeft:
      "Đơn tố cáo này không còn được gia hạn: theo Luật Tố cáo 2018, vụ việc bình thường không được gia hạn, vụ việc phức tạp được gia hạn một lần, vụ việc đặc biệt phức tạp được gia hạn hai lần (Điều 30); theo Luật Tố cáo 2011, được gia hạn một lần (Điều 21)",
    extensionTooLate:
      "Thời hạn giải quyết tố cáo đã hết: việc gia hạn phải được quyết định trước khi hết thời hạn (Điều 30 Luật Tố cáo 2018)",
    referralNotConcrete:
      "Chỉ nội dung tố cáo cụ thể mới được chuyển thanh tra, kiểm tra (khoản 2 Điều 25 Luật Tố cáo 2018)",
    referralRefusedAsVague:
      "Đơn tố cáo này đã không được thụ lý vì nội dung không cụ thể nên không thể chuyển thanh tra, kiểm tra (khoản 2 Điều 25 Luật Tố cáo 2018)",
    dateBeforePreviousStep: "không được trước ngày của bước xử lý trước đó",
    notAGroundToRefuse: "không phải là căn cứ để không thụ lý {{kind}}",
    notAGroundNotToProcess: "không thuộc các trường hợp quy định tại khoản 1 Điều 25 Luật Tố cáo 2018",
    extensionDays: "phải từ 1 đến {{max}} ngày: mỗi lần gia hạn không quá {{max}} ngày",
    outcomeNotForKind: "không phải là kết quả giải quyết phù hợp với {{kind}}",
    withdrawalInWriting: "phải là true: việc rút đơn phải được thực hiện bằng văn bản",
    complaintWithdrawalEndsIt:
      "không áp dụng đối với khiếu nại: người khiếu nại rút khiếu nại thì việc giải quyết khiếu nại chấm dứt (Điều 10 Luật Khiếu nại 2011)",
    roundComplaintsOnly: "chỉ áp dụng đối với khiếu nại (lần đầu hoặc lần hai)",
    noRuleInForce:
      "phải từ ngày 01/7/2012 trở đi (từ ngày 01/7/2014 đối với kiến nghị, phản ánh): bảng thời hạn bắt đầu từ các luật có hiệu lực khi đó",
    filingLimitPassed:
      "đã quá thời hiệu khiếu nại: 90 ngày kể từ ngày nhận được quyết định hoặc biết được hành vi (Điều 9 Luật Khiếu nại 2011), khiếu nại lần hai 30 ngày kể từ ngày nhận được quyết định giải quyết lần đầu, vùng sâu, vùng xa 45 ngày (Điều 33), không tính thời gian có trở ngại khách quan (input.obstacleDays)",
    decisionKnownForComplaints: "chỉ được ghi đối với đơn khiếu nại",
    notAfterReceipt: "không được sau ngày tiếp nhận đơn",
    denouncerOnlyForDenunciation: "chỉ được ghi đối với đơn tố cáo",
    anonymousHasNoDenouncer: "không được ghi đối với đơn tố cáo nặc danh",
    phone: "phải là số điện thoại gồm 8 đến 15 chữ số",
    idNumber: "phải là số chứng minh nhân dân (9 chữ số) hoặc số căn cước (12 chữ số)",
    petitionsOutsideUnit: "phải là đơn thuộc đơn vị này hoặc các đơn vị trực thuộc",
    notHandler: "Bạn không được giao xử lý đơn này",
    onlyHandlerReadsIdentity: "Chỉ cán bộ được giao xử lý đơn mới được xem thông tin về người tố cáo",
    revealsDenouncer: "không được chứa thông tin về người tố cáo",
    thingPetition: "đơn",
    thingSession: "buổi tiếp công dân",
    thingBody: "cơ quan, tổ chức",
    kindComplaint: "đơn khiếu nại",
    kindDenunciation: "đơn tố cáo",
    kindRecommendation: "đơn kiến nghị",
    kindReflection: "đơn phản ánh",
    statusReceived: "đã tiếp nhận",
    statusAccepted: "đã thụ lý",
    statusNotAccepted: "không thụ lý",
    statusUnderVerification: "đang xác minh",
    statusResolved: "đã giải quyết",
    statusWithdrawn: "đã rút",
    statusNotProcessed: "không xử lý theo Luật Tố cáo",
    statusReferred: "đã chuyển thanh tra, kiểm tra",
    statusForwarded: "đã chuyển cơ quan có thẩm quyền",
    stepReceive: "tiếp nhận lại",
    stepAccept: "thụ lý",
    stepRefuseAcceptance: "từ chối thụ lý",
    stepMarkNotProcessable: "xác định là không xử lý theo Luật Tố cáo",
    stepStartVerification: "chuyển sang xác minh",
    stepExtendDeadline: "gia hạn thời hạn giải quyết",
    stepResolve: "giải quyết",
    stepWithdraw: "rút",
    stepReferForInspection: "chuyển thanh tra, kiểm tra",
    stepForward: "chuyển đơn",
    stepReassign: "giao lại cho cán bộ khác",
    stepReorganise: "chuyển sang đơn vị kế thừa năm 2025",
    reorganisedOnlyOldMap:
      "Chỉ đơn tiếp nhận trước ngày 01/7/2025 mới chuyển sang đơn vị đã nhận xã, phường của đơn (Nghị quyết 1654/NQ-UBTVQH15)",
    reorganisedOnTheDay: "phải là ngày 01/7/2025, ngày các đơn vị hành chính mới bắt đầu (Nghị quyết 1654/NQ-UBTVQH15)",
    sameHandlingOfficer: "phải khác cán bộ đang được giao xử lý",
    notForwarded: "phải là đơn đã chuyển cơ quan nhà nước",
    forwardAlreadyAnswered: "đơn đã chuyển này đã ghi nhận trả lời",
    noSuchStateBody:
      "phải là một cơ quan nhà nước của đơn vị (UBND, TTR, TAND, VKSND hoặc CA, rồi mã đơn vị; cấp xã chỉ có UBND và CA)",
    stateBodyNotInForce:
      "phải là cơ quan nhà nước của đơn vị hành chính đang tồn tại vào ngày chuyển đơn: từ ngày 01/7/2025 không còn cấp huyện, chỉ có xã, phường, đặc khu mới và tỉnh (mã 91) (Nghị quyết 202/2025/QH15, 1654/NQ-UBTVQH15)",
    firstRoundNotResolved: "phải là đơn khiếu nại lần đầu đã được giải quyết",
    thingCalendarDay: "ngày làm việc, ngày nghỉ đã công bố",
  },
);

export type PetitionsMessageKey = Parameters<typeof petitionsMessage>[0];
