import { ancestorCodes, hasAnyRole, maskName, type Identity } from "@danvan/kit";
import { RegistrantKind } from "./model-enums.js";

/**
 * An individual registrant's name is personal (docs/product.md, "Who may see what"): in full for
 * administrators and for officers whose scope holds the model's unit, initials for everyone
 * else (analysts, the public, officers elsewhere). A collective's name is public.
 */
export function seesRegistrantName(identity: Identity, unitCode: string): boolean {
  if (hasAnyRole(identity, ["ADMIN"])) return true;
  if (!hasAnyRole(identity, ["OFFICER", "HANDLING_OFFICER"]) || !identity.unitCode) return false;
  return unitCode === identity.unitCode || ancestorCodes(unitCode).includes(identity.unitCode);
}

export function registrantNameFor(
  identity: Identity,
  model: { registrantKind: RegistrantKind; registrantName: string; unitCode: string },
): string {
  if (model.registrantKind === RegistrantKind.COLLECTIVE) return model.registrantName;
  return seesRegistrantName(identity, model.unitCode) ? model.registrantName : maskName(model.registrantName);
}
