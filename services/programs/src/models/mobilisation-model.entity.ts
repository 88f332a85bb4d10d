import { Column, Entity, Index, PrimaryGeneratedColumn } from "typeorm";
import { Field, ID, Int, ObjectType } from "type-graphql";
import { DateScalar, moneyColumn, MoneyScalar } from "@danvan/kit";
import { MobilisationField, MobilisationTrack, ModelStatus, RegistrantKind } from "./model-graphql-enums.js";

/**
 * A "Dân vận khéo" (skilful mass-mobilisation) model: registered by a collective or a person
 * with a committee, in a unit and a year, followed from registration to the committee's decision.
 */
@ObjectType({
  description:
    'A "Dân vận khéo" (skilful mass-mobilisation) model. Public; an individual registrant\'s name is masked outside the unit.',
})
@Entity("mobilisation_model")
@Index("ix_mobilisation_model_unit", ["unitCode", "id"])
@Index("ix_mobilisation_model_district", ["districtCode", "id"])
@Index("ix_mobilisation_model_organisation", ["organisationId", "id"])
@Index("ix_mobilisation_model_year", ["year", "unitCode", "field", "status"])
export class MobilisationModel {
  @Field(() => ID)
  @PrimaryGeneratedColumn({ type: "integer" })
  id: number;

  @Field({ description: "The model's name, as registered." })
  @Column({ type: "varchar", length: 300 })
  name: string;

  @Field(() => MobilisationField)
  @Column({ type: "varchar", length: 20 })
  field: MobilisationField;

  @Field(() => MobilisationTrack)
  @Column({ type: "varchar", length: 16 })
  track: MobilisationTrack;

  @Field(() => RegistrantKind)
  @Column({ name: "registrant_kind", type: "varchar", length: 10 })
  registrantKind: RegistrantKind;

  /** A collective's or a person's name; the GraphQL field masks a person's (model.resolver.ts). */
  @Column({ name: "registrant_name", type: "varchar", length: 200 })
  registrantName: string;

  /** The registering committee (an Organisation id, "<PREFIX>-<unit>"). */
  @Column({ name: "organisation_id", type: "varchar", length: 16 })
  organisationId: string;

  /** Where the model runs: the committee's unit or one below it. */
  @Column({ name: "unit_code", type: "varchar", length: 10 })
  unitCode: string;

  /** The unit's district (itself for a district; null for the province), for lists by district. */
  @Column({ name: "district_code", type: "varchar", length: 10, nullable: true })
  districtCode: string | null;

  @Field(() => Int, { description: "The emulation year the model is registered for." })
  @Column({ type: "integer" })
  year: number;

  @Field(() => ModelStatus)
  @Column({ type: "varchar", length: 16 })
  status: ModelStatus;

  @Field(() => MoneyScalar, {
    description: "Resources mobilised by the model so far (money and in kind converted), VND.",
  })
  @Column({ name: "resources_mobilised_vnd", type: "bigint", transformer: moneyColumn, default: 0 })
  resourcesMobilisedVnd: bigint;

  @Field(() => String, { nullable: true })
  @Column({ type: "text", nullable: true })
  description: string | null;

  @Field(() => DateScalar)
  @Column({ name: "registered_on", type: "date" })
  registeredOn: string;

  @Field(() => DateScalar, { nullable: true })
  @Column({ name: "started_on", type: "date", nullable: true })
  startedOn: string | null;

  @Field(() => DateScalar, { nullable: true })
  @Column({ name: "evaluated_on", type: "date", nullable: true })
  evaluatedOn: string | null;

  @Field(() => DateScalar, { nullable: true, description: "When the committee recognised the model or not." })
  @Column({ name: "decided_on", type: "date", nullable: true })
  decidedOn: string | null;

  @Field(() => DateScalar, { nullable: true })
  @Column({ name: "withdrawn_on", type: "date", nullable: true })
  withdrawnOn: string | null;

  @Field(() => Int, { description: "Changes with every update; send it back to change the model." })
  @Column({ type: "integer", default: 1 })
  version: number;
}
