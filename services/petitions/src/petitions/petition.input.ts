import { ArgsType, Field, ID, InputType, Int } from "type-graphql";
import { ReceptionLevel } from "./reception-level.js";
import {
  DateScalar,
  IsBoolean,
  IsEnum,
  IsInt,
  IsOptional,
  kitMessage,
  Length,
  Matches,
  Max,
  Min,
  PageArgs,
  ValidateNested,
} from "@danvan/kit";
import { HANDLING_BODY_ID } from "../units/reorganisation.js";
import { petitionsMessage } from "../messages.js";
import {
  ComplaintRound,
  Complexity,
  NotProcessableReason,
  PetitionChannel,
  PetitionKind,
  PetitionStatus,
  RefusalReason,
  ResolutionOutcome,
} from "./petition-graphql-enums.js";

@InputType({ description: "CONFIDENTIAL. Who denounces: stored apart, readable only by the handling officer." })
export class DenouncerInput {
  @Field()
  @Length(2, 120)
  fullName: string;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @Length(2, 300)
  address?: string | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @Matches(/^\+?\d{8,15}$/, petitionsMessage("phone"))
  phone?: string | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @Matches(/^\d{9}(\d{3})?$/, petitionsMessage("idNumber"))
  idNumber?: string | null;
}

@InputType({ description: "A petition as received." })
export class SubmitPetitionInput {
  @Field(() => PetitionKind)
  @IsEnum(PetitionKind)
  kind: PetitionKind;

  @Field(() => PetitionChannel)
  @IsEnum(PetitionChannel)
  channel: PetitionChannel;

  @Field(() => ID, { description: "The commune the petition concerns." })
  @Matches(/^\d{5}$/, kitMessage("communeCode"))
  communeCode: string;

  @Field(() => ReceptionLevel, {
    nullable: true,
    description:
      "Where it was received: at the commune (by default) or at the province itself, whose Front committee then handles it (province officers and administrators only).",
  })
  @IsOptional()
  @IsEnum(ReceptionLevel)
  receivedAt?: ReceptionLevel | null;

  @Field({ description: "What it is about, without the denouncer's identity." })
  @Length(5, 1000)
  summary: string;

  @Field(() => DateScalar, { description: "The day it was received: not in the future." })
  receivedOn: string;

  @Field(() => ComplaintRound, { nullable: true, description: "Complaints only; FIRST by default." })
  @IsOptional()
  @IsEnum(ComplaintRound)
  round?: ComplaintRound | null;

  @Field(() => Complexity, { nullable: true })
  @IsOptional()
  @IsEnum(Complexity)
  complexity?: Complexity | null;

  @Field(() => Boolean, { nullable: true })
  @IsOptional()
  @IsBoolean()
  hotspot?: boolean | null;

  @Field(() => ID, { nullable: true, description: "The handling body (an Organisation id)." })
  @IsOptional()
  @Matches(HANDLING_BODY_ID, kitMessage("organisationId"))
  handledByOrganisationId?: string | null;

  @Field(() => String, { nullable: true, description: "The handling officer's subject (token `sub`)." })
  @IsOptional()
  @Length(1, 120)
  handlingOfficer?: string | null;

  @Field(() => Boolean, { nullable: true, description: "Without a name or under another's name." })
  @IsOptional()
  @IsBoolean()
  anonymous?: boolean | null;

  @Field(() => DenouncerInput, { nullable: true, description: "Denunciations with a named denouncer." })
  @IsOptional()
  @ValidateNested()
  denouncer?: DenouncerInput | null;

  @Field(() => DateScalar, {
    nullable: true,
    description:
      "Complaints: the day the complainant received the contested decision or learnt of the act (first round), or received the first-round decision (second round). Given, the filing time limit is checked against receivedOn (Law on Complaints 2011, Art. 9 and 33); left out (an old case whose date is unknown), it is not.",
  })
  @IsOptional()
  decisionKnownOn?: string | null;

  @Field(() => Int, {
    nullable: true,
    description:
      "Days an obstacle (illness, natural disaster, work or study far away…) prevented the complaint: not counted in its time limit (Law on Complaints 2011, Art. 9).",
  })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(3650)
  obstacleDays?: number | null;

  @Field(() => ID, {
    nullable: true,
    description:
      "A second-round complaint: its first-round petition (a complaint, resolved). The complaint is then SECOND round and, without decisionKnownOn, its filing limit counts from the first-round decision's day.",
  })
  @IsOptional()
  firstRoundPetitionId?: string | null;

  @Field({ description: "Required: a retry with the same key returns the first petition." })
  @Length(8, 200)
  idempotencyKey: string;
}

/** Common to every step: which petition, as last read, on what day, and a note. */
@InputType({ description: "Common to every step of a petition." })
export class StepInput {
  @Field(() => ID)
  @Matches(/^\d{1,12}$/, kitMessage("notAnId", { thing: petitionsMessage("thingPetition") }))
  petitionId: string;

  @Field(() => Int)
  @IsInt()
  @Min(1)
  expectedVersion: number;

  @Field(() => DateScalar, { description: "The day of the step: not before the previous step, not in the future." })
  on: string;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @Length(1, 1000)
  note?: string | null;
}

@InputType()
export class PetitionStepInput extends StepInput {}

@InputType()
export class AcceptPetitionInput extends StepInput {
  @Field(() => Complexity, { nullable: true, description: "The handler's classification of the case." })
  @IsOptional()
  @IsEnum(Complexity)
  complexity?: Complexity | null;
}

@InputType()
export class RefusePetitionInput extends StepInput {
  @Field(() => RefusalReason)
  @IsEnum(RefusalReason)
  reason: RefusalReason;
}

@InputType()
export class MarkNotProcessableInput extends StepInput {
  @Field(() => NotProcessableReason)
  @IsEnum(NotProcessableReason)
  reason: NotProcessableReason;
}

@InputType()
export class ExtendDeadlineInput extends StepInput {
  @Field(() => Int, {
    nullable: true,
    description:
      "1 to 30 days (to 60 for a complex case received under the Law on Denunciations 2011); the most allowed by default.",
  })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(60)
  days?: number | null;
}

@InputType()
export class ResolvePetitionInput extends StepInput {
  @Field(() => ResolutionOutcome)
  @IsEnum(ResolutionOutcome)
  outcome: ResolutionOutcome;

  @Field(() => Boolean, { nullable: true, description: "Resolved at the grassroots (commune level)." })
  @IsOptional()
  @IsBoolean()
  atGrassroots?: boolean | null;

  @Field(() => String, {
    nullable: true,
    description: "The published conclusion; must not carry the denouncer's information.",
  })
  @IsOptional()
  @Length(5, 4000)
  conclusion?: string | null;
}

@InputType()
export class ReferForInspectionInput extends StepInput {
  @Field({ description: "The content is concrete enough to inspect." })
  @IsBoolean()
  contentIsConcrete: boolean;
}

@ArgsType()
export class PetitionsArgs extends PageArgs {
  @Field(() => ID, { nullable: true })
  unitCode?: string | null;

  @Field(() => PetitionKind, { nullable: true })
  kind?: PetitionKind | null;

  @Field(() => PetitionStatus, { nullable: true })
  status?: PetitionStatus | null;

  @Field(() => Boolean, {
    nullable: true,
    description: "Only open petitions past their deadline today (true), or not (false).",
  })
  overdue?: boolean | null;

  @Field(() => Int, {
    nullable: true,
    description: "Only open petitions due within this many days (near-overdue queue).",
  })
  dueWithinDays?: number | null;

  @Field(() => Boolean, {
    nullable: true,
    description:
      "The follow-up queue: forwarded petitions whose body has not answered, past their follow-up date today (true) or not yet (false).",
  })
  forwardOverdue?: boolean | null;
}
