import { Arg, Args, Authorized, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from "type-graphql";
import {
  createOnce,
  checkUnitArgument,
  assertCanWriteUnit,
  audit,
  BadUserInputError,
  childVersionsOn,
  ConnectionType,
  connectionFrom,
  figureUnit,
  inForceOn,
  kitMessage,
  NotFoundError,
  pageRequest,
  subtreeCodes,
  YearMonthScalar,
  type ConnectionShape,
  type UnitLevel,
  type UnitVersion,
  inWindows,
  windowsOf,
  windowsSql,
} from "@danvan/kit";
import { AdministrativeUnitRef, unitRef } from "@danvan/kit/federation";
import { In, type DataSource } from "typeorm";
import type { PetitionsContext } from "../context.js";
import { petitionsMessage } from "../messages.js";
import { Petition } from "../petitions/petition.entity.js";
import { assertCanReadPetition, PETITION_READERS } from "../petitions/petition-access.js";
import { complianceFor, receptionWindow, type ReceptionLevel } from "../reception/index.js";
import { ReceptionCompliance } from "./reception-compliance.type.js";
import { PresiderRole, ReceptionSession, SessionKind, SessionPetition } from "./reception-session.entity.js";
import { RecordSessionInput, SessionsArgs } from "./session.input.js";
import { unitOfTheDay } from "@danvan/kit/units";
import { monthUnitOf, monthViewDay } from "./month-unit.js";

const EVERY_LEVEL: readonly UnitLevel[] = ["PROVINCE", "DISTRICT", "COMMUNE"];

export const ReceptionSessionConnection = ConnectionType(ReceptionSession);

/**
 * Sessions the chairs of a unit version's subtree (its units through time) held in person in a
 * month's widest window, by unit code: one statement.
 */
async function chairDays(ds: DataSource, unit: UnitVersion, month: string): Promise<Map<string, string[]>> {
  const windows = (["COMMUNE", "DISTRICT", "PROVINCE"] as ReceptionLevel[]).map((l) => receptionWindow(l, month));
  const from = windows.map((w) => w.from).sort()[0]!;
  const to = windows
    .map((w) => w.to)
    .sort()
    .at(-1)!;
  const rows = await ds.getRepository(ReceptionSession).find({
    select: { unitCode: true, heldOn: true },
    where: {
      unitCode: In(subtreeCodes(unit.code, unit.validFrom)),
      kind: SessionKind.RECEPTION,
      presiderRole: PresiderRole.CHAIR,
    },
  });
  const byUnit = new Map<string, string[]>();
  for (const r of rows)
    if (r.heldOn >= from && r.heldOn <= to) byUnit.set(r.unitCode, [...(byUnit.get(r.unitCode) ?? []), r.heldOn]);
  return byUnit;
}

/**
 * A unit version's compliance in a month: its own chair's sessions while it was in force (a code
 * is reused), and the units below it on the month's day (`monthViewDay`), each a version.
 */
function complianceTree(unit: UnitVersion, month: string, days: Map<string, string[]>): ReceptionCompliance {
  const level = unit.level as ReceptionLevel;
  const own = (days.get(unit.code) ?? []).filter((d) => inForceOn(unit, d));
  const c = complianceFor(level, month, own);
  return {
    unit: unitRef(unit.code, unit.validFrom),
    month,
    required: c.required,
    held: c.held,
    compliant: c.compliant,
    missingWeeks: c.missingWeeks ?? [],
    byChildUnit: childVersionsOn(unit, monthViewDay(unit, month)).map((child) => complianceTree(child, month, days)),
  };
}

@Resolver(() => ReceptionSession)
export class SessionResolver {
  @Query(() => ReceptionSessionConnection, {
    nullable: true,
    description: "Reception sessions and dialogues of a unit and the units below it (public).",
  })
  async receptionSessions(
    @Args() args: SessionsArgs,
    @Ctx() ctx: PetitionsContext,
  ): Promise<ConnectionShape<ReceptionSession>> {
    checkUnitArgument(args.unitCode);
    if (args.from != null && args.to != null && args.from > args.to)
      throw BadUserInputError.field("from", kitMessage("notAfter", { other: "to" }));
    const page = pageRequest(args);
    // The unit the code names now, through time: each unit version of it while in force.
    const windows = windowsOf(figureUnit(args.unitCode), EVERY_LEVEL);
    const base = () => {
      const bound: Record<string, string> = {};
      const param = (v: string) => {
        const name = `w${Object.keys(bound).length}`;
        bound[name] = v;
        return `:${name}`;
      };
      const q = ctx.ds
        .getRepository(ReceptionSession)
        .createQueryBuilder("s")
        .where(windowsSql(windows, "s.unit_code", "s.held_on", param), bound);
      if (args.kind != null) q.andWhere("s.kind = :kind", { kind: args.kind });
      if (args.from) q.andWhere("s.held_on >= :from", { from: args.from });
      if (args.to) q.andWhere("s.held_on <= :to", { to: args.to });
      return q;
    };
    const q = base()
      .orderBy("s.id")
      .take(page.limit + 1);
    if (page.afterKey !== null) q.andWhere("s.id > :after", { after: Number(page.afterKey) });
    return connectionFrom(
      await q.getMany(),
      page,
      (s) => s.id,
      () => base().getCount(),
    );
  }

  @Query(() => ReceptionCompliance, {
    nullable: true,
    description:
      "Whether the chairs received citizens as often as the law requires, per unit, for a month: the unit the code named that month and the units below it then.",
  })
  async receptionCompliance(
    @Arg("unitCode", () => ID) unitCode: string,
    @Arg("month", () => YearMonthScalar) month: string,
    @Ctx() ctx: PetitionsContext,
  ): Promise<ReceptionCompliance> {
    checkUnitArgument(unitCode);
    const unit = monthUnitOf(unitCode, month, "unitCode");
    return complianceTree(unit, month, await chairDays(ctx.ds, unit, month));
  }

  @FieldResolver(() => AdministrativeUnitRef, { description: "The unit that held it, as it was that day." })
  unit(@Root() s: ReceptionSession): AdministrativeUnitRef {
    return unitRef(s.unitCode, s.heldOn);
  }

  @Authorized(...PETITION_READERS)
  @FieldResolver(() => [Petition], {
    nullable: true,
    description: "The petitions raised in the session (records: officers in scope).",
  })
  async petitions(@Root() s: ReceptionSession, @Ctx() ctx: PetitionsContext): Promise<Petition[]> {
    const list = await ctx.loaders.petitionsOfSession.load(s.id);
    list.forEach((p) => assertCanReadPetition(ctx.identity, p));
    return list;
  }

  @Authorized("OFFICER", "ADMIN")
  @Mutation(() => ReceptionSession, {
    nullable: true,
    description: "Record a reception session or dialogue and the petitions raised; idempotent with idempotencyKey.",
  })
  async recordReceptionSession(
    @Arg("input") input: RecordSessionInput,
    @Ctx() ctx: PetitionsContext,
  ): Promise<ReceptionSession> {
    // The unit on the map of the session's day (NOT_FOUND for a code that never named one).
    const unit = unitOfTheDay(input.unitCode, input.heldOn, "input.unitCode", false);
    assertCanWriteUnit(ctx.identity, unit.code, input.heldOn);
    const ids = [...new Set(input.petitionIds.map(Number))];
    const petitions = ids.length ? await ctx.ds.getRepository(Petition).findBy({ id: In(ids) }) : [];
    if (petitions.length !== ids.length)
      throw new NotFoundError(petitionsMessage("thingPetition"), "input.petitionIds");
    const scope = windowsOf({ code: unit.code, validFrom: unit.validFrom });
    if (petitions.some((p) => !inWindows(scope, p.communeCode, p.receivedOn)))
      throw BadUserInputError.field("input.petitionIds", petitionsMessage("petitionsOutsideUnit"));
    return createOnce(
      ctx.ds,
      ctx,
      ReceptionSession,
      { key: input.idempotencyKey, operation: "recordReceptionSession" },
      async (m) => {
        const inserted = await m.insert(ReceptionSession, {
          kind: input.kind,
          unitCode: unit.code,
          level: unit.level,
          presiderRole: input.presiderRole,
          presiderName: input.presiderName.trim(),
          heldOn: input.heldOn,
          place: input.place.trim(),
          topic: input.topic ?? null,
          citizensReceived: input.citizensReceived,
        });
        const sessionId = Number(inserted.identifiers[0]!.id);
        if (ids.length)
          await m.insert(
            SessionPetition,
            ids.map((petitionId) => ({ sessionId, petitionId })),
          );
        await audit(m, ctx, {
          action: "recordReceptionSession",
          entityType: "ReceptionSession",
          entityId: sessionId,
          after: { kind: input.kind, unitCode: unit.code, heldOn: input.heldOn, petitions: ids.length },
        });
        return sessionId;
      },
    );
  }
}
