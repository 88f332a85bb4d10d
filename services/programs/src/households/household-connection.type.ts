import { ConnectionType } from "@danvan/kit";
import { Household } from "./household.entity.js";

/** A page of households: Query.households and AdministrativeUnit.households. */
export const HouseholdConnection = ConnectionType(Household);
