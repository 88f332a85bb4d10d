import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { catalogueKeys, kitMessage, translate } from "@danvan/kit/i18n";
import { PetitionKind, PetitionStatus, TRANSITION_TYPES } from "./lifecycle/index.js";
import { petitionsMessage } from "./messages.js";
import { kindName, statusName, stepName } from "./lifecycle/names.js";

describe("the petitions catalogue", () => {
  it("has every message in English and in Vietnamese, and no Vietnamese one left in English", () => {
    const en = catalogueKeys("petitions", "en").sort();
    assert.deepEqual(catalogueKeys("petitions", "vi").sort(), en);
    assert.ok(en.length > 40);
    // Every param any message takes, so that a misspelt placeholder shows as "{{".
    const params = {
      kind: kindName(PetitionKind.COMPLAINT),
      status: statusName(PetitionStatus.ACCEPTED),
      transition: stepName("accept"),
      max: 30,
    };
    for (const key of en) {
      const [vi, english] = (["vi", "en"] as const).map((l) => translate({ key: `petitions:${key}`, params }, l));
      assert.notEqual(vi, english, key);
      assert.doesNotMatch(`${vi} ${english}`, /\{\{|\}\}/, key);
    }
  });

  it("names every kind, status and step in both languages", () => {
    const names = [
      ...Object.values(PetitionKind).map(kindName),
      ...Object.values(PetitionStatus).map(statusName),
      ...TRANSITION_TYPES.map(stepName),
    ];
    for (const name of names) {
      for (const language of ["en", "vi"] as const) {
        const text = translate(name, language);
        assert.ok(text.length > 0 && !text.includes(":"), `${name.key} in ${language}: ${text}`);
      }
    }
    assert.equal(new Set(names.map((n) => translate(n, "vi"))).size, names.length, "no two names alike");
  });

  it("renders an illegal transition with the kind, status and step in the caller's language", () => {
    const m = petitionsMessage("illegalTransition", {
      kind: kindName(PetitionKind.DENUNCIATION),
      status: statusName(PetitionStatus.RESOLVED),
      transition: stepName("withdraw"),
    });
    assert.equal(translate(m, "en"), "A denunciation that is resolved cannot be withdrawn");
    assert.equal(translate(m, "vi"), "Đơn tố cáo đang ở trạng thái “đã giải quyết” thì không thể rút");
    // An enum's code never shows through: the message names it in words.
    assert.doesNotMatch(translate(m, "vi"), /RESOLVED|DENUNCIATION|withdraw/);
  });

  it("starts field messages in lower case, to follow their path", () => {
    const fieldMessages = [
      "dateBeforePreviousStep",
      "notAGroundToRefuse",
      "notAGroundNotToProcess",
      "extensionDays",
      "outcomeNotForKind",
      "withdrawalInWriting",
      "complaintWithdrawalEndsIt",
      "roundComplaintsOnly",
      "denouncerOnlyForDenunciation",
      "anonymousHasNoDenouncer",
      "phone",
      "idNumber",
      "petitionsOutsideUnit",
      "revealsDenouncer",
    ] as const;
    for (const key of fieldMessages) {
      for (const language of ["en", "vi"] as const) {
        const text = translate(petitionsMessage(key, { kind: kindName(PetitionKind.COMPLAINT), max: 30 }), language);
        assert.equal(text.charAt(0), text.charAt(0).toLowerCase(), `${key} (${language}): ${text}`);
      }
    }
    // A handling body's id is checked with the kit's organisation-id codec, and its message.
    for (const language of ["en", "vi"] as const) {
      const text = translate(kitMessage("organisationId"), language);
      assert.equal(text.charAt(0), text.charAt(0).toLowerCase(), `kit:organisationId (${language}): ${text}`);
    }
  });
});
