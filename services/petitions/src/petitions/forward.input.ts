import { Field, ID, InputType } from "type-graphql";
import { IsOptional, Length } from "@danvan/kit";
import { StepInput } from "./petition.input.js";

@InputType({ description: "Forward a petition outside the Front's competence to the competent state body." })
export class ForwardPetitionInput extends StepInput {
  @Field(() => ID, { description: 'The receiving state body (a StateBody id: "UBND-883", "TTR-89", "TAND-883").' })
  @Length(4, 16)
  toBodyId: string;

  @Field({ description: "The act and article that make the body competent." })
  @Length(3, 300)
  legalBasis: string;

  @Field(() => String, {
    nullable: true,
    description: "A retry with the same key returns the petition as the first call left it.",
  })
  @IsOptional()
  @Length(8, 200)
  idempotencyKey?: string | null;
}

@InputType({ description: "The competent body's answer to a forwarded petition, received on a day." })
export class RecordForwardingAnswerInput extends StepInput {
  @Field(() => String, {
    nullable: true,
    description: "A retry with the same key returns the petition as the first call left it.",
  })
  @IsOptional()
  @Length(8, 200)
  idempotencyKey?: string | null;
}
