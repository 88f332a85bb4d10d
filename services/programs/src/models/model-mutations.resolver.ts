import { Arg, Authorized, Ctx, Mutation, Resolver } from "type-graphql";
import {
  createOnce,
  assertCanWriteUnit,
  audit,
  BadUserInputError,
  ConflictError,
  inTransaction,
  kitMessage,
  NotFoundError,
  todayInProvince,
  updateVersioned,
} from "@danvan/kit";
import type { EntityManager } from "typeorm";
import type { ProgramsContext } from "../context.js";
import { programsMessage } from "../messages.js";
import { committeeAndUnit } from "../committees.js";
import { MobilisationModel } from "./mobilisation-model.entity.js";
import { ModelStatus, RegistrantKind } from "./model-enums.js";
import type { ModelTransition } from "./model-lifecycle.js";
import { takeModelStep } from "./model-refusals.js";
import { ModelStepInput, RecordModelResourcesInput, RegisterModelInput } from "./model.input.js";

const ACTION: Record<ModelTransition, string> = {
  start: "startModel",
  evaluate: "evaluateModel",
  recognise: "recogniseModel",
  reject: "rejectModel",
  withdraw: "withdrawModel",
};

/** What the audit keeps of a model: never an individual registrant's name. */
function auditView(m: MobilisationModel) {
  return {
    status: m.status,
    organisationId: m.organisationId,
    unitCode: m.unitCode,
    registrantKind: m.registrantKind,
    resourcesMobilisedVnd: m.resourcesMobilisedVnd.toString(),
    startedOn: m.startedOn,
    evaluatedOn: m.evaluatedOn,
    decidedOn: m.decidedOn,
    withdrawnOn: m.withdrawnOn,
    version: m.version,
  };
}

/** Reads a model for a change: it exists, the caller may write its unit, the version is current. */
async function modelForChange(
  m: EntityManager,
  ctx: ProgramsContext,
  input: { modelId: string; expectedVersion: number },
): Promise<MobilisationModel> {
  const before = await m.findOneBy(MobilisationModel, { id: Number(input.modelId) });
  if (!before) throw new NotFoundError(programsMessage("thingModel"), "input.modelId");
  assertCanWriteUnit(ctx.identity, before.unitCode, before.registeredOn);
  // A stale version is a conflict first: the caller decided on a record that has changed.
  if (before.version !== input.expectedVersion) {
    throw new ConflictError(kitMessage("changedByOthers", { thing: programsMessage("thingModel") }), {
      currentVersion: before.version,
    });
  }
  return before;
}

@Resolver(() => MobilisationModel)
export class ModelMutationsResolver {
  @Authorized("OFFICER", "ADMIN")
  @Mutation(() => MobilisationModel, {
    nullable: true,
    description: 'Register a "Dân vận khéo" model; idempotent with idempotencyKey.',
  })
  async registerModel(
    @Arg("input") input: RegisterModelInput,
    @Ctx() ctx: ProgramsContext,
  ): Promise<MobilisationModel> {
    if (input.registeredOn > todayInProvince())
      throw BadUserInputError.field("input.registeredOn", kitMessage("notInFuture"));
    // On the map of the registration day: the committee and the unit in force then (issue 27).
    const { unit, districtCode } = committeeAndUnit(input.organisationId, input.unitCode, input.registeredOn);
    assertCanWriteUnit(ctx.identity, unit.code, input.registeredOn);
    return createOnce(
      ctx.ds,
      ctx,
      MobilisationModel,
      { key: input.idempotencyKey, operation: "registerModel" },
      async (m) => {
        const inserted = await m.insert(MobilisationModel, {
          name: input.name.trim(),
          field: input.field,
          track: input.track,
          registrantKind: input.registrantKind,
          registrantName: input.registrantName.trim(),
          organisationId: input.organisationId,
          unitCode: unit.code,
          districtCode,
          year: input.year,
          status: ModelStatus.REGISTERED,
          resourcesMobilisedVnd: BigInt(input.resourcesMobilisedVnd ?? 0),
          description: input.description?.trim() || null,
          registeredOn: input.registeredOn,
          startedOn: null,
          evaluatedOn: null,
          decidedOn: null,
          withdrawnOn: null,
          version: 1,
        });
        const modelId = Number(inserted.identifiers[0]!.id);
        const created = (await m.findOneBy(MobilisationModel, { id: modelId }))!;
        await audit(m, ctx, {
          action: "registerModel",
          entityType: "MobilisationModel",
          entityId: modelId,
          after: {
            ...auditView(created),
            // A collective's name is public; a person's stays out of the audit trail.
            registrantName: input.registrantKind === RegistrantKind.COLLECTIVE ? created.registrantName : undefined,
          },
        });
        return modelId;
      },
    );
  }

  @Authorized("OFFICER", "ADMIN")
  @Mutation(() => MobilisationModel, {
    nullable: true,
    description: "Start implementing a registered model.",
  })
  startModel(@Arg("input") input: ModelStepInput, @Ctx() ctx: ProgramsContext): Promise<MobilisationModel> {
    return this.step(ctx, input, "start");
  }

  @Authorized("OFFICER", "ADMIN")
  @Mutation(() => MobilisationModel, {
    nullable: true,
    description: "Record the evaluation of a model being implemented.",
  })
  evaluateModel(@Arg("input") input: ModelStepInput, @Ctx() ctx: ProgramsContext): Promise<MobilisationModel> {
    return this.step(ctx, input, "evaluate");
  }

  @Authorized("OFFICER", "ADMIN")
  @Mutation(() => MobilisationModel, {
    nullable: true,
    description: 'Recognise an evaluated model as "Dân vận khéo".',
  })
  recogniseModel(@Arg("input") input: ModelStepInput, @Ctx() ctx: ProgramsContext): Promise<MobilisationModel> {
    return this.step(ctx, input, "recognise");
  }

  @Authorized("OFFICER", "ADMIN")
  @Mutation(() => MobilisationModel, {
    nullable: true,
    description: "Decide that an evaluated model is not recognised (NOT_RECOGNISED).",
  })
  rejectModel(@Arg("input") input: ModelStepInput, @Ctx() ctx: ProgramsContext): Promise<MobilisationModel> {
    return this.step(ctx, input, "reject");
  }

  @Authorized("OFFICER", "ADMIN")
  @Mutation(() => MobilisationModel, {
    nullable: true,
    description: "Withdraw a model before the committee's decision.",
  })
  withdrawModel(@Arg("input") input: ModelStepInput, @Ctx() ctx: ProgramsContext): Promise<MobilisationModel> {
    return this.step(ctx, input, "withdraw");
  }

  @Authorized("OFFICER", "ADMIN")
  @Mutation(() => MobilisationModel, {
    nullable: true,
    description: "Record the resources a model has mobilised so far, checking its version.",
  })
  recordModelResources(
    @Arg("input") input: RecordModelResourcesInput,
    @Ctx() ctx: ProgramsContext,
  ): Promise<MobilisationModel> {
    return inTransaction(ctx.ds, async (m) => {
      const before = await modelForChange(m, ctx, input);
      const set: Partial<MobilisationModel> = { resourcesMobilisedVnd: BigInt(input.resourcesMobilisedVnd) };
      if (input.description != null) set.description = input.description.trim() || null;
      const after = await updateVersioned(
        m,
        MobilisationModel,
        { id: before.id },
        input.expectedVersion,
        set,
        programsMessage("thingModel"),
      );
      await audit(m, ctx, {
        action: "recordModelResources",
        entityType: "MobilisationModel",
        entityId: before.id,
        before: auditView(before),
        after: auditView(after),
      });
      return after;
    });
  }

  /** One lifecycle step: scope, version, legal move, date order, then the write and its audit. */
  private step(ctx: ProgramsContext, input: ModelStepInput, transition: ModelTransition): Promise<MobilisationModel> {
    return inTransaction(ctx.ds, async (m) => {
      const before = await modelForChange(m, ctx, input);
      const change = takeModelStep(before, transition, input.on, todayInProvince());
      const after = await updateVersioned(
        m,
        MobilisationModel,
        { id: before.id },
        input.expectedVersion,
        change,
        programsMessage("thingModel"),
      );
      await audit(m, ctx, {
        action: ACTION[transition],
        entityType: "MobilisationModel",
        entityId: before.id,
        before: auditView(before),
        after: auditView(after),
      });
      return after;
    });
  }
}
