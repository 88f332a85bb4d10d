import { ArgsType, Field, ID, InputType, Int } from "type-graphql";
import {
  ArrayMaxSize,
  DateScalar,
  IsEnum,
  IsInt,
  IsOptional,
  kitMessage,
  Length,
  Matches,
  Max,
  Min,
  PageArgs,
  UNIT_CODE_PATTERN,
} from "@danvan/kit";
import { petitionsMessage } from "../messages.js";
import { PresiderRole, SessionKind } from "./reception-session.entity.js";

@InputType({ description: "A reception session or dialogue held, with the petitions raised in it." })
export class RecordSessionInput {
  @Field(() => SessionKind)
  @IsEnum(SessionKind)
  kind: SessionKind;

  @Field(() => ID)
  @Matches(UNIT_CODE_PATTERN, kitMessage("unitCode"))
  unitCode: string;

  @Field(() => PresiderRole)
  @IsEnum(PresiderRole)
  presiderRole: PresiderRole;

  @Field()
  @Length(2, 120)
  presiderName: string;

  @Field(() => DateScalar)
  heldOn: string;

  @Field()
  @Length(2, 200)
  place: string;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @Length(2, 300)
  topic?: string | null;

  @Field(() => Int)
  @IsInt()
  @Min(0)
  @Max(10_000)
  citizensReceived: number;

  @Field(() => [ID], { defaultValue: [] })
  @ArrayMaxSize(200)
  @Matches(/^\d{1,12}$/, kitMessage("notAnId", { thing: petitionsMessage("thingPetition") }), { each: true })
  petitionIds: string[];

  @Field(() => String, { nullable: true })
  @IsOptional()
  @Length(8, 200)
  idempotencyKey?: string | null;
}

@ArgsType()
export class SessionsArgs extends PageArgs {
  @Field(() => ID)
  unitCode: string;

  @Field(() => SessionKind, { nullable: true })
  kind?: SessionKind | null;

  @Field(() => DateScalar, { nullable: true, description: "Held on or after this day." })
  from?: string | null;

  @Field(() => DateScalar, { nullable: true, description: "Held on or before this day." })
  to?: string | null;
}
