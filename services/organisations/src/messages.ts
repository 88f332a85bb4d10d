import { defineMessages } from "@danvan/kit";

/**
 * The organisations subgraph's own messages, in English and Vietnamese (the kit's `kitMessage`
 * has the shared ones: required, length, notFound, outOfScope, ...). A field message follows its
 * path ("input.termEnd: must not be before termStart"), so it starts in lower case; none names
 * a value the client sent.
 */
export const orgMessage = defineMessages(
  "organisations",
  {
    // Things a message may name (kitMessage("notFound", { thing }), "notAnId", "outOfScope", ...).
    thingMember: "member",
    thingOrganisation: "organisation",
    thingCampaign: "campaign",
    thingPosition: "leadership position",
    thingStateBody: "state body",
    stateBodyId: "must be a state body id such as UBND-883 (UBND, TTR, TAND, VKSND or CA, then a unit code)",
    // What a date is compared with (kitMessage("notBefore" / "notAfter", { other })).
    otherTo: "to",
    otherJoinDate: "the join date",
    otherTermStart: "termStart",
    otherStartsOn: "startsOn",
    otherParentStart: "the start of the parent campaign",
    otherParentEnd: "the end of the parent campaign",
    // Field messages.
    organisationId: "must be an organisation id such as HND-883",
    membershipEnded: "the membership has already ended",
    committeeNotInExistence:
      "did not exist on the join date: a committee whose unit has ended takes no new members, the committee it went into does (see its successors)",
    exitStatus: "must be TRANSFERRED, CEASED or DECEASED for an exit",
    // Membership rules (src/members/membership-rules.ts): each names its organisation and basis.
    ruleJoinAgeFrom: "{{organisation}} admits members aged {{min}} or over in the year they join ({{basis}})",
    ruleJoinAgeBetween: "{{organisation}} admits members aged {{min}} to {{max}} in the year they join ({{basis}})",
    ruleWomenOnly: "{{organisation}} admits women only ({{basis}})",
    ruleBirthYearRequired: "is required: {{organisation}} admits members by age ({{basis}})",
    ruleGrassrootsUnionsOnly:
      "trade union members join a grassroots union (công đoàn cơ sở), not a Labour Federation ({{basis}})",
    ruleTitle: "is not a title {{organisation}} uses: it is headed by its {{head}} ({{basis}})",
    // The organisations, inside a sentence.
    kindFatherlandFront: "the Fatherland Front",
    kindFarmersUnion: "the Farmers' Union",
    kindWomensUnion: "the Women's Union",
    kindYouthUnion: "the Youth Union",
    kindVeteransAssociation: "the Veterans' Association",
    kindLabourFederation: "the trade union",
    termEnded: "the term has already ended",
    phaseWithinCampaign: "must run within the campaign's dates",
    phaseAfterPrevious: "must start after the previous phase ends",
    // Summaries.
    chairConflict: "The committee already has a chair for part of this term",
    secretaryConflict: "The committee already has a secretary (Bí thư) for part of this term",
  },
  {
    thingMember: "đoàn viên, hội viên",
    thingOrganisation: "tổ chức",
    thingCampaign: "cuộc vận động, phong trào thi đua",
    thingPosition: "chức danh lãnh đạo",
    thingStateBody: "cơ quan nhà nước",
    stateBodyId: "phải là mã cơ quan nhà nước, ví dụ UBND-883 (UBND, TTR, TAND, VKSND hoặc CA, rồi mã đơn vị)",
    otherTo: "ngày kết thúc (to)",
    otherJoinDate: "ngày gia nhập",
    otherTermStart: "ngày bắt đầu nhiệm kỳ (termStart)",
    otherStartsOn: "ngày bắt đầu (startsOn)",
    otherParentStart: "ngày bắt đầu của cuộc vận động cấp trên",
    otherParentEnd: "ngày kết thúc của cuộc vận động cấp trên",
    organisationId: "phải là mã tổ chức, có dạng như HND-883",
    membershipEnded: "tư cách đoàn viên, hội viên này đã chấm dứt",
    committeeNotInExistence:
      "không tồn tại vào ngày gia nhập: tổ chức của đơn vị hành chính đã kết thúc không kết nạp thêm, tổ chức kế thừa (successors) kết nạp",
    exitStatus:
      "phải là TRANSFERRED (chuyển sinh hoạt), CEASED (thôi sinh hoạt) hoặc DECEASED (từ trần) khi ghi nhận việc kết thúc",
    ruleJoinAgeFrom:
      "{{organisation, capitalize}} chỉ kết nạp người từ {{min}} tuổi trở lên, tính theo năm gia nhập ({{basis}})",
    ruleJoinAgeBetween:
      "{{organisation, capitalize}} chỉ kết nạp người từ {{min}} đến {{max}} tuổi, tính theo năm gia nhập ({{basis}})",
    ruleWomenOnly: "{{organisation, capitalize}} chỉ kết nạp phụ nữ ({{basis}})",
    ruleBirthYearRequired: "là bắt buộc: {{organisation}} kết nạp theo độ tuổi ({{basis}})",
    ruleGrassrootsUnionsOnly:
      "đoàn viên công đoàn sinh hoạt tại công đoàn cơ sở, không ghi nhận tại Liên đoàn Lao động ({{basis}})",
    ruleTitle: "không phải chức danh của {{organisation}}: người đứng đầu là {{head}} ({{basis}})",
    kindFatherlandFront: "Mặt trận Tổ quốc Việt Nam",
    kindFarmersUnion: "Hội Nông dân",
    kindWomensUnion: "Hội Liên hiệp Phụ nữ",
    kindYouthUnion: "Đoàn TNCS Hồ Chí Minh",
    kindVeteransAssociation: "Hội Cựu chiến binh",
    kindLabourFederation: "Công đoàn",
    termEnded: "nhiệm kỳ của chức danh này đã kết thúc",
    phaseWithinCampaign: "phải nằm trong thời gian của cuộc vận động",
    phaseAfterPrevious: "phải bắt đầu sau khi giai đoạn trước kết thúc",
    chairConflict: "Tổ chức này đã có người giữ chức chủ tịch trong một phần thời gian của nhiệm kỳ này",
    secretaryConflict: "Tổ chức này đã có người giữ chức bí thư trong một phần thời gian của nhiệm kỳ này",
  },
);
