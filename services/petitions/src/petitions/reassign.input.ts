import { Field, InputType } from "type-graphql";
import { IsOptional, kitMessage, Length, Matches } from "@danvan/kit";
import { HANDLING_BODY_ID } from "../units/reorganisation.js";
import { StepInput } from "./petition.input.js";

@InputType({ description: "Hand a petition to another handling officer (and body), recorded as a step." })
export class ReassignPetitionInput extends StepInput {
  @Field({ description: "The new handling officer's subject (token `sub`)." })
  @Length(1, 120)
  handlingOfficer: string;

  @Field(() => String, {
    nullable: true,
    description: "The new handling body (an Organisation id); unchanged when left out.",
  })
  @IsOptional()
  @Matches(HANDLING_BODY_ID, kitMessage("organisationId"))
  handledByOrganisationId?: string | null;

  @Field(() => String, {
    nullable: true,
    description: "A retry with the same key returns the petition as the first call left it.",
  })
  @IsOptional()
  @Length(8, 200)
  idempotencyKey?: string | null;
}
