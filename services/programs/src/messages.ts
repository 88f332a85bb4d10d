import { defineMessages } from "@danvan/kit";

/**
 * What the programs subgraph says to people, in English and Vietnamese (the caller's
 * Accept-Language decides). A field's message follows its path, so it starts in lower case;
 * no message names a value the client sent.
 */
export const programsMessage = defineMessages(
  "programs",
  {
    // Things a message may name ("No such household", "This fund is outside your scope").
    thingHousehold: "household",
    thingFund: "fund",
    thingHouse: "Great Solidarity house",
    thingModel: '"Dân vận khéo" model',
    thingProject: "member project",
    thingReview: "poverty review",
    thingSupportEvent: "support event",
    thingOrganisation: "organisation",
    thingCampaign: "campaign",

    // What an input field must look like.
    fundId: "must be a fund id like QVNN-883",
    organisationId: "must be an organisation id like HND-883 (MTTQ, HND, HPN, DTN, CCB or LDLD)",
    receiptNumber: "must be letters, digits and . / - only",

    // Rules of the Fund for the Poor.
    inKindDescriptionRequired: "is required for a gift in kind",
    donorNameRequired: "is required unless the donor is anonymous",
    sameFund: "must differ from fromFundId",
    fundPaysNothing: "must be more than 0 when a fund pays",
    // The ledger by date and who may move a fund's money (fund/ledger-by-date.ts, fund/spending-authority.ts).
    insufficientBalance: "The fund's balance on the entry's date, or on a later day, would fall below zero",
    returnExceedsAllocation:
      "A fund may transfer money up only to return what that higher fund allocated to it and was not spent",
    fundBoardOnly:
      "Only the fund's own campaign board (an officer of its unit's Front committee) or an administrator may move this fund's money",
    higherLevelNeverSpends:
      "A higher level may transfer money down to this fund but never spend it: only the fund's own campaign board may",
    noTransferAcross: "Money moves between funds only down the levels, or back up to the fund that allocated it",

    // Poverty reviews.
    noStandard: "no poverty standard covers this year",
    deprivationsOver: "must be at most {{max}} under the standard {{standard}}",
    expectedVersionToRevise: "is required to revise an existing review",

    // The analysts' aggregates.
    memberCountAboveMax: "must not be more than memberCountMax",

    // Committees, models and projects.
    unitOutsideCommittee: "must be the committee's unit or a unit below it",

    // Writes on the map of their day (issue 27, unit-of-the-day.ts) and the funds that follow it.
    committeeNotInForce:
      "must name a committee in force on that day: from 1 July 2025 a committee of the merged map (an id ending in -25), before that one of the map of the day",
    fundNotInForce:
      "must name a fund open on that day: from 1 July 2025 the funds of the merged province and its communes (ids ending in -25); the earlier funds' balances were carried over to them",

    // Great Solidarity houses: who pays.
    costNothing: "the fund, sponsor and family shares must add up to more than 0",
    fundIdRequired: "is required when fundAmountVnd is more than 0",
    fundNotOfHousehold: "must be the fund of the household's commune or of a unit above it",

    // Lifecycles: a step's date, and a move the record's state does not allow.
    beforePreviousStep: "must not be before the date of the previous step",
    houseIllegalMove: "A house that is {{state}} cannot {{transition}}",
    houseStateProposed: "proposed",
    houseStateApproved: "approved",
    houseStateUnderConstruction: "under construction",
    houseStateHandedOver: "handed over",
    houseStateCancelled: "cancelled",
    houseMoveApprove: "be approved",
    houseMoveStartConstruction: "start construction",
    houseMoveHandOver: "be handed over",
    houseMoveCancel: "be cancelled",
    modelIllegalMove: "A model that is {{state}} cannot {{transition}}",
    modelStateRegistered: "registered",
    modelStateImplementing: "being implemented",
    modelStateEvaluated: "evaluated",
    modelStateRecognised: "recognised",
    modelStateNotRecognised: "not recognised",
    modelStateWithdrawn: "withdrawn",
    modelMoveStart: "start",
    modelMoveEvaluate: "be evaluated",
    modelMoveRecognise: "be recognised",
    modelMoveReject: "be refused recognition",
    modelMoveWithdraw: "be withdrawn",
  },
  {
    thingHousehold: "hộ gia đình",
    thingFund: "Quỹ Vì người nghèo",
    thingHouse: "nhà Đại đoàn kết",
    thingModel: 'mô hình "Dân vận khéo"',
    thingProject: "dự án hỗ trợ hội viên",
    thingReview: "kết quả bình xét hộ nghèo",
    thingSupportEvent: "lần hỗ trợ",
    thingOrganisation: "tổ chức",
    thingCampaign: "cuộc vận động",

    fundId: "phải là mã quỹ có dạng QVNN-883",
    organisationId: "phải là mã tổ chức có dạng HND-883 (MTTQ, HND, HPN, DTN, CCB hoặc LDLD)",
    receiptNumber: "chỉ được gồm chữ cái (không dấu), chữ số và các ký tự . / -",

    inKindDescriptionRequired: "là bắt buộc đối với khoản ủng hộ bằng hiện vật",
    donorNameRequired: "là bắt buộc, trừ khi người ủng hộ ẩn danh",
    sameFund: "phải khác fromFundId",
    fundPaysNothing: "phải lớn hơn 0 khi có quỹ chi trả",
    insufficientBalance: "Số dư của quỹ vào ngày ghi sổ hoặc vào một ngày sau đó sẽ bị âm",
    returnExceedsAllocation:
      "Quỹ chỉ được chuyển tiền lên cấp trên để hoàn trả phần kinh phí chưa sử dụng mà chính quỹ cấp trên đó đã điều tiết xuống",
    fundBoardOnly:
      "Chỉ Ban Vận động Quỹ của chính cấp đó (cán bộ Ủy ban MTTQ cùng cấp) hoặc quản trị viên mới được thu, chi hoặc chuyển tiền của quỹ này",
    higherLevelNeverSpends:
      "Cấp trên được chuyển tiền xuống quỹ này nhưng không được chi tiền của quỹ cấp dưới: chỉ Ban Vận động Quỹ cùng cấp mới được chi",
    noTransferAcross:
      "Tiền chỉ được chuyển giữa các quỹ từ cấp trên xuống cấp dưới, hoặc hoàn trả lên đúng quỹ cấp trên đã điều tiết",

    noStandard: "không có chuẩn nghèo nào áp dụng cho năm này",
    deprivationsOver: "chỉ được tối đa {{max}} theo chuẩn {{standard}}",
    expectedVersionToRevise: "là bắt buộc khi sửa kết quả bình xét đã có",

    memberCountAboveMax: "không được lớn hơn memberCountMax",

    unitOutsideCommittee: "phải là đơn vị hành chính của tổ chức hoặc một đơn vị cấp dưới của đơn vị đó",

    committeeNotInForce:
      "phải là tổ chức đang hoạt động vào ngày đó: từ ngày 01/7/2025 là tổ chức theo đơn vị hành chính mới (mã kết thúc bằng -25), trước đó là tổ chức của thời điểm đó",
    fundNotInForce:
      "phải là quỹ đang hoạt động vào ngày đó: từ ngày 01/7/2025 là quỹ của tỉnh và các xã, phường, đặc khu mới (mã kết thúc bằng -25); số dư các quỹ cũ đã được chuyển sang các quỹ này",

    costNothing: "tổng phần đóng góp của quỹ, nhà tài trợ và gia đình phải lớn hơn 0",
    fundIdRequired: "là bắt buộc khi fundAmountVnd lớn hơn 0",
    fundNotOfHousehold: "phải là quỹ của xã nơi hộ cư trú hoặc của một cấp trên",

    beforePreviousStep: "không được trước ngày của bước liền trước",
    houseIllegalMove: "Nhà Đại đoàn kết {{state}} thì không thể {{transition}}",
    houseStateProposed: "đang ở bước đề xuất",
    houseStateApproved: "đã được phê duyệt",
    houseStateUnderConstruction: "đang xây dựng",
    houseStateHandedOver: "đã bàn giao",
    houseStateCancelled: "đã bị hủy",
    houseMoveApprove: "phê duyệt",
    houseMoveStartConstruction: "khởi công",
    houseMoveHandOver: "bàn giao",
    houseMoveCancel: "hủy",
    modelIllegalMove: 'Mô hình "Dân vận khéo" {{state}} thì không thể {{transition}}',
    modelStateRegistered: "mới đăng ký",
    modelStateImplementing: "đang triển khai thực hiện",
    modelStateEvaluated: "đã được đánh giá",
    modelStateRecognised: "đã được công nhận",
    modelStateNotRecognised: "không được công nhận",
    modelStateWithdrawn: "đã rút đăng ký",
    modelMoveStart: "bắt đầu triển khai",
    modelMoveEvaluate: "đánh giá",
    modelMoveRecognise: "công nhận",
    modelMoveReject: "quyết định không công nhận",
    modelMoveWithdraw: "rút đăng ký",
  },
);
