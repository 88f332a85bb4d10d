import { ConnectionType } from "@danvan/kit";
import { MobilisationModel } from "./mobilisation-model.entity.js";

/** A page of models: Query.mobilisationModels and Organisation.mobilisationModels. */
export const MobilisationModelConnection = ConnectionType(MobilisationModel);
