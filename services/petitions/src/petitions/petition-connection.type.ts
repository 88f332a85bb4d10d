import { ConnectionType } from "@danvan/kit";
import { Petition } from "./petition.entity.js";

/** A page of petitions: the petitions query and Organisation.petitions answer with it. */
export const PetitionConnection = ConnectionType(Petition);
