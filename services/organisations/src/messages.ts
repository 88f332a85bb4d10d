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
    exitStatus: "must be TRANSFERRED, CEASED or DECEASED for an exit",
    minJoinAge: "a member must be at least {{min}} years old when joining",
    termEnded: "the term has already ended",
    phaseWithinCampaign: "must run within the campaign's dates",
    phaseAfterPrevious: "must start after the previous phase ends",
    // Summaries.
    chairConflict: "The committee already has a chair for part of this term",
  },
  {
    thingMember: "đoàn viên, hội viên",
    thingOrganisation: "tổ chức",
    thingCampaign: "cuộc vận động, phong trào thi đua",
    thingPosition: "chức danh lãnh đạo",
    otherTo: "ngày kết thúc (to)",
    otherJoinDate: "ngày gia nhập",
    otherTermStart: "ngày bắt đầu nhiệm kỳ (termStart)",
    otherStartsOn: "ngày bắt đầu (startsOn)",
    otherParentStart: "ngày bắt đầu của cuộc vận động cấp trên",
    otherParentEnd: "ngày kết thúc của cuộc vận động cấp trên",
    organisationId: "phải là mã tổ chức, có dạng như HND-883",
    membershipEnded: "tư cách đoàn viên, hội viên này đã chấm dứt",
    exitStatus:
      "phải là TRANSFERRED (chuyển sinh hoạt), CEASED (thôi sinh hoạt) hoặc DECEASED (từ trần) khi ghi nhận việc kết thúc",
    minJoinAge: "đoàn viên, hội viên phải đủ {{min}} tuổi trở lên khi gia nhập",
    termEnded: "nhiệm kỳ của chức danh này đã kết thúc",
    phaseWithinCampaign: "phải nằm trong thời gian của cuộc vận động",
    phaseAfterPrevious: "phải bắt đầu sau khi giai đoạn trước kết thúc",
    chairConflict: "Tổ chức này đã có người giữ chức chủ tịch trong một phần thời gian của nhiệm kỳ này",
  },
);
