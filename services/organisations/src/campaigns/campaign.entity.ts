import { Column, Entity, Index, PrimaryGeneratedColumn } from "typeorm";
import { Field, ID, Int, ObjectType } from "type-graphql";
import { DateScalar } from "@danvan/kit";
import { CampaignKind } from "./campaign-kind.js";

/** A campaign or emulation movement launched by a committee; sub-campaigns nest below it. */
@ObjectType({ description: "A campaign or emulation movement; province campaigns nest district and commune ones." })
@Entity("campaign")
@Index("ix_campaign_organisation", ["organisationId"])
@Index("ix_campaign_parent", ["parentId"])
export class Campaign {
  @Field(() => ID)
  @PrimaryGeneratedColumn({ type: "integer" })
  id: number;

  @Field()
  @Column({ type: "varchar", length: 200 })
  name: string;

  @Field(() => CampaignKind)
  @Column({ type: "varchar", length: 20 })
  kind: CampaignKind;

  @Column({ name: "organisation_id", type: "varchar", length: 16 })
  organisationId: string;

  @Column({ name: "parent_id", type: "integer", nullable: true })
  parentId: number | null;

  @Field(() => DateScalar)
  @Column({ name: "starts_on", type: "date" })
  startsOn: string;

  @Field(() => DateScalar, { nullable: true })
  @Column({ name: "ends_on", type: "date", nullable: true })
  endsOn: string | null;

  @Field({ description: "What the campaign sets out to achieve." })
  @Column({ type: "text" })
  goal: string;

  @Field(() => Int)
  @Column({ type: "integer", default: 1 })
  version: number;
}

/** One phase of a campaign (giai đoạn), in order. */
@ObjectType()
@Entity("campaign_phase")
@Index("ix_campaign_phase_campaign", ["campaignId", "ordinal"])
export class CampaignPhase {
  @Field(() => ID)
  @PrimaryGeneratedColumn({ type: "integer" })
  id: number;

  @Column({ name: "campaign_id", type: "integer" })
  campaignId: number;

  @Field(() => Int)
  @Column({ type: "integer" })
  ordinal: number;

  @Field()
  @Column({ type: "varchar", length: 200 })
  name: string;

  @Field(() => DateScalar)
  @Column({ name: "starts_on", type: "date" })
  startsOn: string;

  @Field(() => DateScalar, { nullable: true })
  @Column({ name: "ends_on", type: "date", nullable: true })
  endsOn: string | null;

  @Field()
  @Column({ type: "text" })
  goal: string;
}
