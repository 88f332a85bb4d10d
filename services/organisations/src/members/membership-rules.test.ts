import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { translate } from "@danvan/kit/i18n";
import { OrganisationKind } from "../organisations/organisation-kind.js";
import { Gender } from "./member-status.js";
import {
  brokenJoinRules,
  brokenMembershipRules,
  joinRuleProblems,
  MEMBERSHIP_RULES,
  type Body,
} from "./membership-rules.js";

const committee = (kind: OrganisationKind): Body => ({ kind, isGrassrootsUnion: false });
const join = (birthYear: number | null, gender = Gender.MALE, joinedOn = "2020-03-01") => ({
  gender,
  birthYear,
  joinedOn,
});

describe("each organisation's membership rules", () => {
  it("admits the Youth Union's members from 16 to 30 in the year they join, and requires the birth year", () => {
    const youth = committee(OrganisationKind.YOUTH_UNION);
    assert.deepEqual(brokenJoinRules(youth, join(2004)), [], "16 in 2020");
    assert.deepEqual(brokenJoinRules(youth, join(1990)), [], "30 in 2020");
    assert.deepEqual(brokenJoinRules(youth, join(2005)), ["joinAge"], "15");
    assert.deepEqual(brokenJoinRules(youth, join(1989)), ["joinAge"], "31");
    assert.deepEqual(brokenJoinRules(youth, join(null)), ["birthYearRequired"]);
  });

  it("admits women only to the Women's Union, from 18", () => {
    const women = committee(OrganisationKind.WOMENS_UNION);
    assert.deepEqual(brokenJoinRules(women, join(1980, Gender.FEMALE)), []);
    assert.deepEqual(brokenJoinRules(women, join(1980, Gender.MALE)), ["womenOnly"]);
    assert.deepEqual(brokenJoinRules(women, join(2004, Gender.MALE)), ["womenOnly", "joinAge"]);
    assert.deepEqual(brokenJoinRules(women, join(null, Gender.FEMALE)), [], "the birth year may be unknown");
  });

  it("admits trade union members in grassroots unions only, from 15", () => {
    const federation = committee(OrganisationKind.LABOUR_FEDERATION);
    const grassroots = { kind: OrganisationKind.LABOUR_FEDERATION, isGrassrootsUnion: true };
    assert.deepEqual(brokenJoinRules(federation, join(1990)), ["grassrootsUnionsOnly"]);
    assert.deepEqual(brokenJoinRules(grassroots, join(1990)), []);
    assert.deepEqual(brokenJoinRules(grassroots, join(2005)), [], "15 in 2020");
    assert.deepEqual(brokenJoinRules(grassroots, join(2006)), ["joinAge"]);
  });

  it("admits adults to the Front, the Farmers' Union and the Veterans' Association", () => {
    for (const kind of [
      OrganisationKind.FATHERLAND_FRONT,
      OrganisationKind.FARMERS_UNION,
      OrganisationKind.VETERANS_ASSOCIATION,
    ]) {
      assert.deepEqual(brokenJoinRules(committee(kind), join(2002)), [], `${kind}: 18`);
      assert.deepEqual(brokenJoinRules(committee(kind), join(2003)), ["joinAge"], `${kind}: 17`);
      assert.equal(MEMBERSHIP_RULES[kind].joinAge.max, null);
    }
  });

  it("has a Youth Union member leave after 30: a membership running past it breaks the rule", () => {
    const youth = committee(OrganisationKind.YOUTH_UNION);
    const m = { ...join(1990), joinedOn: "2010-05-01" };
    assert.deepEqual(brokenMembershipRules(youth, { ...m, leftOn: "2021-01-01" }, "2022-12-31"), [], "left at 31");
    assert.deepEqual(brokenMembershipRules(youth, { ...m, leftOn: null }, "2020-12-31"), [], "30 on the last day");
    assert.deepEqual(brokenMembershipRules(youth, { ...m, leftOn: null }, "2022-12-31"), ["leavesAfter"]);
    assert.deepEqual(brokenMembershipRules(youth, { ...m, leftOn: "2021-01-02" }, "2022-12-31"), ["leavesAfter"]);
    const women = committee(OrganisationKind.WOMENS_UNION);
    assert.deepEqual(
      brokenMembershipRules(women, { ...join(1950, Gender.FEMALE), leftOn: null }, "2022-12-31"),
      [],
      "no age limit",
    );
  });

  it("names the rule, its organisation and its basis, in Vietnamese and English, on the field at fault", () => {
    const [age] = joinRuleProblems(committee(OrganisationKind.YOUTH_UNION), join(2006));
    assert.equal(age!.path, "input.birthYear");
    assert.equal(
      translate(age!.message, "en"),
      "the Youth Union admits members aged 16 to 30 in the year they join (Điều lệ Đoàn TNCS Hồ Chí Minh (2012, 2017), Điều 1)",
    );
    assert.match(translate(age!.message, "vi"), /^Đoàn TNCS Hồ Chí Minh chỉ kết nạp người từ 16 đến 30 tuổi/);
    const [gender] = joinRuleProblems(committee(OrganisationKind.WOMENS_UNION), join(1980));
    assert.equal(gender!.path, "input.gender");
    assert.match(translate(gender!.message, "en"), /^the Women's Union admits women only \(Điều lệ Hội LHPN/);
    assert.match(translate(gender!.message, "vi"), /^Hội Liên hiệp Phụ nữ chỉ kết nạp phụ nữ/);
    const [where] = joinRuleProblems(committee(OrganisationKind.LABOUR_FEDERATION), join(1990));
    assert.equal(where!.path, "input.organisationId");
    assert.match(translate(where!.message, "en"), /join a grassroots union \(công đoàn cơ sở\)/);
    const [required] = joinRuleProblems(committee(OrganisationKind.YOUTH_UNION), join(null));
    assert.equal(required!.path, "input.birthYear");
    assert.match(translate(required!.message, "en"), /^is required: the Youth Union admits members by age/);
    const [adult] = joinRuleProblems(committee(OrganisationKind.FARMERS_UNION), join(2010));
    assert.equal(
      translate(adult!.message, "en"),
      "the Farmers' Union admits members aged 18 or over in the year they join (Điều lệ Hội Nông dân Việt Nam (2018), chương Hội viên)",
    );
  });
});
