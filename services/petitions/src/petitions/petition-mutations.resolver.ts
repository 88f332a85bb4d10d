import { Arg, Authorized, Ctx, Mutation, Resolver } from "type-graphql";
import {
  createOnce,
  assertCanWriteUnit,
  audit,
  BadUserInputError,
  inTransaction,
  kitMessage,
  NotFoundError,
  todayInProvince,
  unitOn,
  versionsOf,
} from "@danvan/kit";
import type { PetitionsContext } from "../context.js";
import { PetitionKind, PetitionRuleError, receive } from "../lifecycle/index.js";
import { petitionsMessage } from "../messages.js";
import { identityOf, sealIdentity } from "../confidential/denouncer-identities.js";
import { SealedDenouncerIdentity } from "../confidential/denouncer-identity.entity.js";
import { revealsDenouncer, screenDenouncer } from "../confidential/screening.js";
import { withFirstRound } from "./second-round.js";
import { Petition, PetitionEvent } from "./petition.entity.js";
import {
  AcceptPetitionInput,
  ExtendDeadlineInput,
  MarkNotProcessableInput,
  PetitionStepInput,
  ReferForInspectionInput,
  RefusePetitionInput,
  ResolvePetitionInput,
  SubmitPetitionInput,
} from "./petition.input.js";
import { asGraphQLError, recordStep } from "./record-step.js";
import { assertCanHandle } from "./petition-access.js";
import { remoteAreas } from "../units/remote-areas.js";
import { calendarFor } from "../calendar/calendar-store.js";
import { checkReceipt } from "./receipt-checks.js";
import { REORGANISATION_2025, unitOfTheDay, type UnitVersion } from "@danvan/kit/units";
import { committeeId2025, organisationIdOf } from "@danvan/kit/federation";
import { provinceHolding, ReceptionLevel } from "./reception-level.js";

/** The Fatherland Front committee of a province version: MTTQ-89 of the old map, MTTQ-91-25 of the 2025 one. */
const provinceFrontCommittee = (province: UnitVersion): string =>
  province.validFrom >= REORGANISATION_2025
    ? committeeId2025("MTTQ", province.code)
    : organisationIdOf("MTTQ", province.code);

const WRITERS = ["OFFICER", "HANDLING_OFFICER", "ADMIN"] as const;

@Resolver(() => Petition)
export class PetitionMutationsResolver {
  @Authorized("OFFICER", "ADMIN")
  @Mutation(() => Petition, {
    nullable: true,
    description: "Register a received petition; the idempotency key makes a retry return the first one.",
  })
  async submitPetition(@Arg("input") given: SubmitPetitionInput, @Ctx() ctx: PetitionsContext): Promise<Petition> {
    if (!versionsOf(given.communeCode).some((v) => v.level === "COMMUNE"))
      throw new NotFoundError(kitMessage("thingCommune"), "input.communeCode");
    // A second round: its first round checked and its round and decision date filled in (second-round.ts).
    const input = await withFirstRound(given, ctx);
    if (input.receivedOn > todayInProvince())
      throw BadUserInputError.field("input.receivedOn", kitMessage("notInFuture"));
    // On the map of the receipt date: from 2025-07-01 a 2025 commune, before a commune of then.
    const commune = unitOfTheDay(given.communeCode, input.receivedOn, "input.communeCode", true);
    // In the caller's scope on the receipt day: the commune its code named then (a reused code names another unit later).
    assertCanWriteUnit(ctx.identity, commune.code, input.receivedOn);
    const parent = commune.parentCode ? unitOn(commune.parentCode, input.receivedOn) : undefined;
    // Received at the province itself: its officers record it, and its Front committee of the day handles it.
    const province =
      input.receivedAt === ReceptionLevel.PROVINCE ? provinceHolding(commune, input.receivedOn) : undefined;
    if (province) assertCanWriteUnit(ctx.identity, province.code, input.receivedOn);
    if (input.denouncer && input.kind !== PetitionKind.DENUNCIATION)
      throw BadUserInputError.field("input.denouncer", petitionsMessage("denouncerOnlyForDenunciation"));
    if (input.denouncer && input.anonymous)
      throw BadUserInputError.field("input.denouncer", petitionsMessage("anonymousHasNoDenouncer"));
    // Asked before the transaction opens: no lock is held while the graph answers. The flag is
    // the one of the commune version in force on the receipt date.
    const isRemoteArea = await remoteAreas().isRemoteArea(commune.code, input.receivedOn, ctx.logger);
    const calendar = await calendarFor(ctx.ds.manager);
    let state;
    try {
      state = receive(
        {
          kind: input.kind,
          round: input.round ?? null,
          complexity: input.complexity ?? undefined,
          isRemoteArea,
        },
        input.receivedOn,
        calendar,
      );
    } catch (err) {
      throw err instanceof PetitionRuleError ? asGraphQLError(err, { on: "receivedOn" }) : err;
    }
    checkReceipt(input, state, calendar);
    return createOnce(ctx.ds, ctx, Petition, { key: input.idempotencyKey, operation: "submitPetition" }, async (m) => {
      const inserted = await m.insert(Petition, {
        ...state,
        channel: input.channel,
        communeCode: commune.code,
        // The district of the day; none from 2025-07-01 (two-tier local government).
        districtCode: parent?.level === "DISTRICT" ? parent.code : null,
        // Law on Denunciations 2018, Art. 47: the summary others read never names the denouncer.
        summary: input.denouncer ? screenDenouncer(input.summary.trim(), input.denouncer).text : input.summary.trim(),
        handledByOrganisationId: input.handledByOrganisationId ?? (province ? provinceFrontCommittee(province) : null),
        handlingUnitCode: province?.code ?? null,
        handlingUnitValidFrom: province?.validFrom ?? null,
        handlingOfficer: input.handlingOfficer ?? null,
        decisionKnownOn: input.decisionKnownOn ?? null,
        firstRoundPetitionId: input.firstRoundId,
        hotspot: input.hotspot ?? false,
        resolvedAtGrassroots: false,
        anonymous: input.anonymous ?? false,
        conclusion: null,
        version: 1,
      });
      const petitionId = Number(inserted.identifiers[0]!.id);
      if (input.denouncer) {
        // Encrypted at rest (confidential/envelope.ts): the row holds no readable identity.
        await m.insert(
          SealedDenouncerIdentity,
          sealIdentity({
            petitionId,
            fullName: input.denouncer.fullName.trim(),
            address: input.denouncer.address ?? null,
            phone: input.denouncer.phone ?? null,
            idNumber: input.denouncer.idNumber ?? null,
          }),
        );
      }
      await m.insert(PetitionEvent, {
        petitionId,
        transition: "receive",
        fromStatus: null,
        toStatus: state.status,
        occurredOn: input.receivedOn,
        actor: ctx.identity.sub,
        reason: null,
        note: null,
        recordedAt: new Date(),
      });
      // The audit names the step, never the denouncer.
      await audit(m, ctx, {
        action: "submitPetition",
        entityType: "Petition",
        entityId: petitionId,
        after: { kind: input.kind, communeCode: commune.code, dueOn: state.dueOn },
      });
      return petitionId;
    });
  }

  @Authorized(...WRITERS)
  @Mutation(() => Petition, {
    nullable: true,
    description: "Accept the petition for handling (thụ lý); the resolution deadline starts.",
  })
  acceptPetition(@Arg("input") input: AcceptPetitionInput, @Ctx() ctx: PetitionsContext): Promise<Petition> {
    return inTransaction(ctx.ds, (m) =>
      recordStep(m, ctx, input, { type: "accept", complexity: input.complexity ?? undefined }),
    );
  }

  @Authorized(...WRITERS)
  @Mutation(() => Petition, { nullable: true, description: "Refuse acceptance with a coded legal reason." })
  refusePetition(@Arg("input") input: RefusePetitionInput, @Ctx() ctx: PetitionsContext): Promise<Petition> {
    return inTransaction(ctx.ds, (m) =>
      recordStep(m, ctx, input, { type: "refuseAcceptance", reason: input.reason }, {}, input.reason),
    );
  }

  @Authorized(...WRITERS)
  @Mutation(() => Petition, {
    nullable: true,
    description: "An anonymous or impersonated denunciation: not processed as a denunciation.",
  })
  markNotProcessable(@Arg("input") input: MarkNotProcessableInput, @Ctx() ctx: PetitionsContext): Promise<Petition> {
    return inTransaction(ctx.ds, (m) =>
      recordStep(m, ctx, input, { type: "markNotProcessable", reason: input.reason }, {}, input.reason),
    );
  }

  @Authorized(...WRITERS)
  @Mutation(() => Petition, { nullable: true })
  startVerification(@Arg("input") input: PetitionStepInput, @Ctx() ctx: PetitionsContext): Promise<Petition> {
    return inTransaction(ctx.ds, (m) => recordStep(m, ctx, input, { type: "startVerification" }));
  }

  @Authorized(...WRITERS)
  @Mutation(() => Petition, {
    nullable: true,
    description: "Extend a complex denunciation's deadline (at most 1 extension, or 2 when especially complex).",
  })
  extendDeadline(@Arg("input") input: ExtendDeadlineInput, @Ctx() ctx: PetitionsContext): Promise<Petition> {
    return inTransaction(ctx.ds, (m) =>
      recordStep(m, ctx, input, { type: "extendDeadline", days: input.days ?? undefined }),
    );
  }

  @Authorized(...WRITERS)
  @Mutation(() => Petition, {
    nullable: true,
    description: "Resolve with an outcome; the conclusion is published without the denouncer's information.",
  })
  resolvePetition(@Arg("input") input: ResolvePetitionInput, @Ctx() ctx: PetitionsContext): Promise<Petition> {
    return inTransaction(ctx.ds, async (m) => {
      // Only someone who may take the step learns whether the conclusion names the denouncer:
      // checked first, or the refusal below would tell anyone whether a guessed name is right.
      const petition = await m.findOneBy(Petition, { id: Number(input.petitionId) });
      if (petition) assertCanHandle(ctx.identity, petition);
      // Law on Denunciations 2018, Art. 47: the published conclusion must not reveal the denouncer.
      const identity = await identityOf(m, Number(input.petitionId));
      if (identity && input.conclusion && revealsDenouncer(input.conclusion, identity)) {
        throw BadUserInputError.field("input.conclusion", petitionsMessage("revealsDenouncer"));
      }
      return recordStep(
        m,
        ctx,
        input,
        { type: "resolve", outcome: input.outcome },
        { resolvedAtGrassroots: input.atGrassroots ?? false, conclusion: input.conclusion ?? null },
        input.outcome,
      );
    });
  }

  @Authorized(...WRITERS)
  @Mutation(() => Petition, { nullable: true, description: "A written withdrawal; a complaint's case ends." })
  withdrawPetition(@Arg("input") input: PetitionStepInput, @Ctx() ctx: PetitionsContext): Promise<Petition> {
    return inTransaction(ctx.ds, (m) => recordStep(m, ctx, input, { type: "withdraw", inWriting: true }));
  }

  @Authorized(...WRITERS)
  @Mutation(() => Petition, {
    nullable: true,
    description: "Refer concrete content for inspection although it is not handled as a denunciation.",
  })
  referForInspection(@Arg("input") input: ReferForInspectionInput, @Ctx() ctx: PetitionsContext): Promise<Petition> {
    return inTransaction(ctx.ds, (m) =>
      recordStep(m, ctx, input, { type: "referForInspection", contentIsConcrete: input.contentIsConcrete }),
    );
  }
}
