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
  updateVersioned,
} from "@danvan/kit";
import type { ProgramsContext } from "../context.js";
import { programsMessage } from "../messages.js";
import { committeeAndUnit } from "../committees.js";
import { MemberProject } from "./member-project.entity.js";
import { RecordProjectInput, UpdateProjectInput } from "./project.input.js";
import { projectDateProblems } from "./project-refusals.js";

/** What the audit keeps of a project (nothing personal in it). */
function auditView(p: MemberProject) {
  return {
    kind: p.kind,
    name: p.name,
    organisationId: p.organisationId,
    unitCode: p.unitCode,
    fundingSource: p.fundingSource,
    funderName: p.funderName,
    amountVnd: p.amountVnd.toString(),
    beneficiaries: p.beneficiaries,
    startsOn: p.startsOn,
    endsOn: p.endsOn,
    version: p.version,
  };
}

@Resolver(() => MemberProject)
export class ProjectMutationsResolver {
  @Authorized("OFFICER", "ADMIN")
  @Mutation(() => MemberProject, {
    nullable: true,
    description: "Record a loan or technology-transfer project; idempotent with idempotencyKey.",
  })
  async recordProject(@Arg("input") input: RecordProjectInput, @Ctx() ctx: ProgramsContext): Promise<MemberProject> {
    const problems = projectDateProblems({ startsOn: input.startsOn, endsOn: input.endsOn ?? null });
    if (problems.length) throw new BadUserInputError(problems);
    // On the map of the start day: the committee and the unit in force then (issue 27).
    const { unit, districtCode } = committeeAndUnit(input.organisationId, input.unitCode, input.startsOn);
    assertCanWriteUnit(ctx.identity, unit.code, input.startsOn);
    return createOnce(
      ctx.ds,
      ctx,
      MemberProject,
      { key: input.idempotencyKey, operation: "recordProject" },
      async (m) => {
        const inserted = await m.insert(MemberProject, {
          kind: input.kind,
          name: input.name.trim(),
          organisationId: input.organisationId,
          unitCode: unit.code,
          districtCode,
          fundingSource: input.fundingSource,
          funderName: input.funderName.trim(),
          amountVnd: BigInt(input.amountVnd),
          beneficiaries: input.beneficiaries,
          startsOn: input.startsOn,
          endsOn: input.endsOn ?? null,
          version: 1,
        });
        const projectId = Number(inserted.identifiers[0]!.id);
        const created = (await m.findOneBy(MemberProject, { id: projectId }))!;
        await audit(m, ctx, {
          action: "recordProject",
          entityType: "MemberProject",
          entityId: projectId,
          after: auditView(created),
        });
        return projectId;
      },
    );
  }

  @Authorized("OFFICER", "ADMIN")
  @Mutation(() => MemberProject, {
    nullable: true,
    description: "Change a project's details, checking its version.",
  })
  updateProject(@Arg("input") input: UpdateProjectInput, @Ctx() ctx: ProgramsContext): Promise<MemberProject> {
    return inTransaction(ctx.ds, async (m) => {
      const before = await m.findOneBy(MemberProject, { id: Number(input.projectId) });
      if (!before) throw new NotFoundError(programsMessage("thingProject"), "input.projectId");
      assertCanWriteUnit(ctx.identity, before.unitCode, before.startsOn);
      // A stale version is a conflict first: the caller decided on a record that has changed.
      if (before.version !== input.expectedVersion) {
        throw new ConflictError(kitMessage("changedByOthers", { thing: programsMessage("thingProject") }), {
          currentVersion: before.version,
        });
      }
      const set: Partial<MemberProject> = {};
      if (input.name != null) set.name = input.name.trim();
      if (input.fundingSource != null) set.fundingSource = input.fundingSource;
      if (input.funderName != null) set.funderName = input.funderName.trim();
      if (input.amountVnd != null) set.amountVnd = BigInt(input.amountVnd);
      if (input.beneficiaries != null) set.beneficiaries = input.beneficiaries;
      if (input.startsOn != null) {
        // A new start day: the committee and the unit must be in force then, and the district is that day's.
        const paths = { organisationId: "input.startsOn", unitCode: "input.startsOn" };
        set.startsOn = input.startsOn;
        set.districtCode = committeeAndUnit(before.organisationId, before.unitCode, input.startsOn, paths).districtCode;
      }
      if (input.endsOn != null) set.endsOn = input.endsOn;
      const problems = projectDateProblems(
        { startsOn: set.startsOn ?? before.startsOn, endsOn: set.endsOn ?? before.endsOn },
        input.endsOn == null && input.startsOn != null ? "startsOn" : "endsOn",
      );
      if (problems.length) throw new BadUserInputError(problems);
      const after = await updateVersioned(
        m,
        MemberProject,
        { id: before.id },
        input.expectedVersion,
        set,
        programsMessage("thingProject"),
      );
      await audit(m, ctx, {
        action: "updateProject",
        entityType: "MemberProject",
        entityId: before.id,
        before: auditView(before),
        after: auditView(after),
      });
      return after;
    });
  }
}
