import { Column, Entity, Index, PrimaryGeneratedColumn } from "typeorm";
import { Directive, Field, ID, Int, ObjectType } from "type-graphql";
import { DateScalar } from "@danvan/kit";
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

/**
 * A petition (đơn thư). Its columns are the lifecycle's PetitionState plus the case's facts;
 * the denouncer's identity is NOT here: it lives in denouncer_identity (confidential/).
 */
@ObjectType({ description: "A complaint, denunciation, recommendation or reflection. Never the denouncer's identity." })
@Directive('@key(fields: "id")')
@Entity("petition")
@Index("ix_petition_first_round", ["firstRoundPetitionId"])
export class Petition {
  @Field(() => ID)
  @PrimaryGeneratedColumn({ type: "integer" })
  id: number;

  @Field(() => PetitionKind)
  @Column({ type: "varchar", length: 16 })
  kind: PetitionKind;

  @Field(() => PetitionChannel)
  @Column({ type: "varchar", length: 20 })
  channel: PetitionChannel;

  @Column({ name: "commune_code", type: "varchar", length: 10 })
  communeCode: string;

  /** The commune's district on the receipt date; null from 2025-07-01 (no districts). */
  @Column({ name: "district_code", type: "varchar", length: 10, nullable: true })
  districtCode: string | null;

  @Column({ type: "varchar", length: 1000 })
  summary: string;

  @Field(() => DateScalar)
  @Column({ name: "received_on", type: "date" })
  receivedOn: string;

  @Field(() => DateScalar, { nullable: true })
  @Column({ name: "accepted_on", type: "date", nullable: true })
  acceptedOn: string | null;

  @Column({ name: "handled_by_organisation_id", type: "varchar", length: 16, nullable: true })
  handledByOrganisationId: string | null;

  /**
   * The unit whose body handles the petition, when it is not the commune of receipt: from
   * 2025-07-01, for a petition open at the 2025 reorganisation, the 2025 commune that took its
   * commune (a `reorganise` step). Null: the commune of receipt, as it was that day. The figures
   * keep following `communeCode` (the receipt map).
   */
  @Column({ name: "handling_unit_code", type: "varchar", length: 10, nullable: true })
  handlingUnitCode: string | null;

  /** The first day of the handling unit's version (a unit is its code and its validity). */
  @Column({ name: "handling_unit_valid_from", type: "date", nullable: true })
  handlingUnitValidFrom: string | null;

  /** The subject of the handling officer: the only one who may read a denouncer's identity. */
  @Column({ name: "handling_officer", type: "varchar", length: 120, nullable: true })
  handlingOfficer: string | null;

  @Field(() => Complexity)
  @Column({ type: "varchar", length: 20 })
  complexity: Complexity;

  @Field(() => ComplaintRound, { nullable: true })
  @Column({ name: "complaint_round", type: "varchar", length: 6, nullable: true })
  round: ComplaintRound | null;

  @Field({ description: "The commune is a remote area (recorded at receipt): longer complaint deadlines." })
  @Column({ name: "is_remote_area", type: "boolean", default: false })
  isRemoteArea: boolean;

  @Field({ description: "A hot spot (điểm nóng)." })
  @Column({ type: "boolean", default: false })
  hotspot: boolean;

  @Field({ description: "Resolved at the grassroots (commune level)." })
  @Column({ name: "resolved_at_grassroots", type: "boolean", default: false })
  resolvedAtGrassroots: boolean;

  @Field({ description: "Submitted without a name, or under another's name." })
  @Column({ type: "boolean", default: false })
  anonymous: boolean;

  @Field(() => PetitionStatus)
  @Column({ type: "varchar", length: 32 })
  status: PetitionStatus;

  @Field(() => ResolutionOutcome, { nullable: true })
  @Column({ type: "varchar", length: 20, nullable: true })
  outcome: ResolutionOutcome | null;

  @Field(() => RefusalReason, { nullable: true })
  @Column({ name: "refusal_reason", type: "varchar", length: 40, nullable: true })
  refusalReason: RefusalReason | null;

  @Field(() => NotProcessableReason, { nullable: true })
  @Column({ name: "not_processable_reason", type: "varchar", length: 40, nullable: true })
  notProcessableReason: NotProcessableReason | null;

  @Field(() => Int, { description: "Deadline extensions granted (denunciations)." })
  @Column({ name: "extensions_used", type: "integer", default: 0 })
  extensionsUsed: number;

  @Column({ name: "extended_days", type: "integer", default: 0 })
  extendedDays: number;

  @Column({ name: "last_step_on", type: "date" })
  lastStepOn: string;

  @Field(() => DateScalar, {
    nullable: true,
    description:
      "The legal deadline the petition is held to now (acceptance, then resolution), by the law in force on the receipt date; rolled over to the next working day, never a weekend or holiday (Civil Code 2015, Art. 148(5)).",
  })
  @Column({ name: "due_on", type: "date", nullable: true })
  dueOn: string | null;

  @Field(() => DateScalar, {
    nullable: true,
    description:
      "The last day to decide on acceptance, by the law in force on the receipt date, in working days where that law counts them; never a weekend or holiday.",
  })
  @Column({ name: "acceptance_due_on", type: "date", nullable: true })
  acceptanceDueOn: string | null;

  @Field(() => DateScalar, {
    nullable: true,
    description:
      "Complaints: the day the complainant received the contested decision (first round) or the first-round decision (second round); the filing time limit counts from it.",
  })
  @Column({ name: "decision_known_on", type: "date", nullable: true })
  decisionKnownOn: string | null;

  @Field(() => DateScalar, { nullable: true })
  @Column({ name: "closed_on", type: "date", nullable: true })
  closedOn: string | null;

  @Field(() => String, {
    nullable: true,
    description: "The published conclusion; it never carries the denouncer's information.",
  })
  @Column({ type: "text", nullable: true })
  conclusion: string | null;

  /** The state body it was forwarded to (a StateBody id of organisations: `UBND-883`). */
  @Column({ name: "forwarded_to_body_id", type: "varchar", length: 16, nullable: true })
  forwardedToBodyId: string | null;

  @Field(() => DateScalar, { nullable: true, description: "The day it was forwarded to the competent state body." })
  @Column({ name: "forwarded_on", type: "date", nullable: true })
  forwardedOn: string | null;

  @Field(() => String, {
    nullable: true,
    description: "The act and article under which it was forwarded (the body's competence).",
  })
  @Column({ name: "forward_legal_basis", type: "varchar", length: 300, nullable: true })
  forwardLegalBasis: string | null;

  @Field(() => DateScalar, {
    nullable: true,
    description:
      "The forwarded petition's follow-up date: 30 days after forwarding, rolled over to a working day (deadlines/forward-follow-up.ts).",
  })
  @Column({ name: "forward_follow_up_due_on", type: "date", nullable: true })
  forwardFollowUpDueOn: string | null;

  @Field(() => DateScalar, { nullable: true, description: "The day the state body's answer was received." })
  @Column({ name: "forward_answered_on", type: "date", nullable: true })
  forwardAnsweredOn: string | null;

  /** A second-round complaint's first-round petition. */
  @Column({ name: "first_round_petition_id", type: "integer", nullable: true })
  firstRoundPetitionId: number | null;

  @Field(() => Int)
  @Column({ type: "integer", default: 1 })
  version: number;
}

/** One step of a petition's history, written in the same transaction as the change. */
@ObjectType({ description: "One step of a petition's history: who, when, why." })
@Entity("petition_event")
export class PetitionEvent {
  @Field(() => ID)
  @PrimaryGeneratedColumn({ type: "integer" })
  id: number;

  @Column({ name: "petition_id", type: "integer" })
  petitionId: number;

  @Field()
  @Column({ type: "varchar", length: 32 })
  transition: string;

  @Field(() => PetitionStatus, { nullable: true })
  @Column({ name: "from_status", type: "varchar", length: 32, nullable: true })
  fromStatus: PetitionStatus | null;

  @Field(() => PetitionStatus)
  @Column({ name: "to_status", type: "varchar", length: 32 })
  toStatus: PetitionStatus;

  @Field(() => DateScalar)
  @Column({ name: "occurred_on", type: "date" })
  occurredOn: string;

  @Field({ description: "Who took the step." })
  @Column({ type: "varchar", length: 120 })
  actor: string;

  @Field(() => String, { nullable: true, description: "The coded reason, where the step has one." })
  @Column({ type: "varchar", length: 40, nullable: true })
  reason: string | null;

  @Field(() => String, { nullable: true })
  @Column({ type: "varchar", length: 1000, nullable: true })
  note: string | null;

  /** The unit a `reorganise` step moved the petition to (code and first day of its version); null on other steps. */
  @Column({ name: "unit_code", type: "varchar", length: 10, nullable: true })
  unitCode: string | null;

  @Column({ name: "unit_valid_from", type: "date", nullable: true })
  unitValidFrom: string | null;

  @Field()
  @Column({ name: "recorded_at" })
  recordedAt: Date;
}
