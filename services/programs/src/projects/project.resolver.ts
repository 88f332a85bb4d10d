import { Arg, Args, Authorized, Ctx, FieldResolver, ID, Query, Resolver, Root } from "type-graphql";
import {
  BadUserInputError,
  canSeeUnit,
  ConnectionType,
  connectionFrom,
  ForbiddenError,
  kitMessage,
  NotFoundError,
  pageRequest,
  type ConnectionShape,
  type Identity,
} from "@danvan/kit";
import { AdministrativeUnitRef, OrganisationRef, organisationRef, unitRef } from "@danvan/kit/federation";
import type { ProgramsContext } from "../context.js";
import { checkIntegerCursor, unitArgument } from "../arguments.js";
import { programsMessage } from "../messages.js";
import { subtreeCondition } from "../units.js";
import { MemberProject } from "./member-project.entity.js";
import { MemberProjectsArgs } from "./project.input.js";

export const MemberProjectConnection = ConnectionType(MemberProject);

/** Projects are the committees' working records: officers (in scope), administrators, analysts. */
export const PROJECT_READERS = ["OFFICER", "HANDLING_OFFICER", "ADMIN", "ANALYST"] as const;

function assertCanReadProjects(identity: Identity, unitCode: string, on?: string): void {
  if (!canSeeUnit(identity, unitCode, on))
    throw new ForbiddenError(kitMessage("outOfScope", { thing: kitMessage("thingUnit") }));
}

@Resolver(() => MemberProject)
export class MemberProjectResolver {
  @Authorized(...PROJECT_READERS)
  @Query(() => MemberProject, { nullable: true })
  async memberProject(@Arg("id", () => ID) id: string, @Ctx() ctx: ProgramsContext): Promise<MemberProject> {
    if (!/^\d{1,12}$/.test(id))
      throw BadUserInputError.field("id", kitMessage("notAnId", { thing: programsMessage("thingProject") }));
    const project = await ctx.loaders.project.load(Number(id));
    if (!project) throw new NotFoundError(programsMessage("thingProject"), "id");
    assertCanReadProjects(ctx.identity, project.unitCode, project.startsOn);
    return project;
  }

  @Authorized(...PROJECT_READERS)
  @Query(() => MemberProjectConnection, {
    nullable: true,
    description:
      "Loan and technology-transfer projects of a unit and the units below it, by id; your own unit by default.",
  })
  async memberProjects(
    @Args() args: MemberProjectsArgs,
    @Ctx() ctx: ProgramsContext,
  ): Promise<ConnectionShape<MemberProject>> {
    const unit = unitArgument(args.unitCode ?? ctx.identity.unitCode ?? "89", "unitCode");
    assertCanReadProjects(ctx.identity, unit.code);
    const page = pageRequest(args);
    checkIntegerCursor(page);
    const scope = subtreeCondition(unit, {
      unitColumn: "p.unit_code",
      districtColumn: "p.district_code",
      dateColumn: "p.starts_on",
    });
    const base = () => {
      const q = ctx.ds.getRepository(MemberProject).createQueryBuilder("p").where(scope.where, scope.params);
      if (args.kind) q.andWhere("p.kind = :kind", { kind: args.kind });
      if (args.fundingSource) q.andWhere("p.funding_source = :source", { source: args.fundingSource });
      return q;
    };
    const q = base()
      .orderBy("p.id")
      .limit(page.limit + 1);
    if (page.afterKey !== null) q.andWhere("p.id > :after", { after: page.afterKey });
    return connectionFrom(
      await q.getMany(),
      page,
      (p) => p.id,
      () => base().getCount(),
    );
  }

  @FieldResolver(() => OrganisationRef, { description: "The committee running the project." })
  organisation(@Root() p: MemberProject): OrganisationRef {
    return organisationRef(p.organisationId);
  }

  @FieldResolver(() => AdministrativeUnitRef, {
    description: "The unit the project runs in, as it was when it started.",
  })
  unit(@Root() p: MemberProject): AdministrativeUnitRef {
    return unitRef(p.unitCode, p.startsOn);
  }
}
