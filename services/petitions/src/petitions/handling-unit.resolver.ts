import { FieldResolver, Resolver, Root } from "type-graphql";
import { AdministrativeUnitRef, unitRef } from "@danvan/kit/federation";
import { Petition, PetitionEvent } from "./petition.entity.js";
import { ReceptionLevel } from "./reception-level.js";
import { unitVersion } from "@danvan/kit";

/**
 * Who handles a petition across the 2025 reorganisation (units/reorganisation.ts): the unit
 * version whose body handles it now, and the unit a `reorganise` step moved it to. Both are
 * references the gateway completes from organisations, each one unit version.
 */
@Resolver(() => Petition)
export class PetitionHandlingUnitResolver {
  @FieldResolver(() => AdministrativeUnitRef, {
    description:
      "The unit whose body handles the petition now: the commune of receipt as it was that day, the province for a petition received at the province itself, or, for a petition open at the 2025 reorganisation, from 2025-07-01 the unit that took its commune or the merged province (Resolutions 1654/NQ-UBTVQH15, 202/2025/QH15). `unit` stays the commune of receipt.",
  })
  handlingUnit(@Root() p: Petition): AdministrativeUnitRef {
    if (p.handlingUnitCode && p.handlingUnitValidFrom)
      return Object.assign(new AdministrativeUnitRef(), {
        code: p.handlingUnitCode,
        validFrom: String(p.handlingUnitValidFrom).slice(0, 10),
      });
    return unitRef(p.communeCode, p.receivedOn);
  }

  @FieldResolver(() => ReceptionLevel, {
    description:
      "Where it was received: at the commune it concerns, or at the province itself (its Citizen Reception Committee), whose Front committee handles it.",
  })
  receivedAt(@Root() p: Petition): ReceptionLevel {
    const validFrom = p.handlingUnitValidFrom ? String(p.handlingUnitValidFrom).slice(0, 10) : null;
    const unit = p.handlingUnitCode && validFrom ? unitVersion(p.handlingUnitCode, validFrom) : undefined;
    return unit?.level === "PROVINCE" ? ReceptionLevel.PROVINCE : ReceptionLevel.COMMUNE;
  }
}

@Resolver(() => PetitionEvent)
export class PetitionEventUnitResolver {
  @FieldResolver(() => AdministrativeUnitRef, {
    nullable: true,
    description: "The unit a `reorganise` step moved the petition to (the 2025 reorganisation); null on other steps.",
  })
  unit(@Root() e: PetitionEvent): AdministrativeUnitRef | null {
    if (!e.unitCode || !e.unitValidFrom) return null;
    return Object.assign(new AdministrativeUnitRef(), {
      code: e.unitCode,
      validFrom: String(e.unitValidFrom).slice(0, 10),
    });
  }
}
