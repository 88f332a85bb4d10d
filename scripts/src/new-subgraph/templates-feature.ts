import type { GeneratedFile, ScaffoldSpec } from "./spec.js";

const capitalised = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

/**
 * The owned entity's feature folder, src/<plural>/: the entity (a @key), its inputs, who may
 * read it, its loaders, and its resolver (a paginated list, a single lookup, an idempotent create).
 */
export function featureFiles(spec: ScaffoldSpec): GeneratedFile[] {
  const n = spec.names;
  const ctx = `${n.namePascal}Context`;
  const readers = `${n.entity.replace(/([a-z])([A-Z])/g, "$1_$2").toUpperCase()}_READERS`;
  const dir = `src/${n.folder}/${n.fileStem}`;
  return [
    {
      path: `${dir}.entity.ts`,
      text: `import { Column, Entity, PrimaryGeneratedColumn } from "typeorm";
import { Directive, Field, ID, ObjectType } from "type-graphql";
import { DateScalar } from "@danvan/kit";

/**
 * A ${n.words} record, kept by the administrative unit it belongs to. The name and date are
 * examples: replace them with the agency's own fields (and a migration for each change).
 */
@ObjectType({ description: "A ${n.words} record of an administrative unit." })
@Directive('@key(fields: "id")')
@Entity("${n.table}")
export class ${n.entity} {
  @Field(() => ID)
  @PrimaryGeneratedColumn({ type: "integer" })
  id: number;

  @Field({ description: "What the record is called." })
  @Column({ type: "varchar", length: 200 })
  name: string;

  /** The unit's official code: the graph serves the unit itself from organisations (the \`unit\` field). */
  @Column({ name: "unit_code", type: "varchar", length: 10 })
  unitCode: string;

  @Field(() => DateScalar, { description: "When it was recorded (YYYY-MM-DD)." })
  @Column({ name: "recorded_on", type: "date" })
  recordedOn: string;
}
`,
    },
    {
      path: `${dir}.input.ts`,
      text: `import { ArgsType, Field, ID, InputType } from "type-graphql";
import { IsCalendarDate, IsOptional, kitMessage, Length, Matches, PageArgs, UNIT_CODE_PATTERN } from "@danvan/kit";

/** Each check's message is the kit's, in the caller's language, after the field's path. */
@InputType({ description: "A new ${n.words} record." })
export class Create${n.entity}Input {
  @Field()
  @Length(2, 200)
  name: string;

  @Field(() => ID, { description: "The unit it belongs to: yours or one below it." })
  @Matches(UNIT_CODE_PATTERN, kitMessage("unitCode"))
  unitCode: string;

  @Field(() => String, { description: "YYYY-MM-DD" })
  @IsCalendarDate()
  recordedOn: string;

  @Field(() => String, { nullable: true, description: "A retry with the same key returns the first answer." })
  @IsOptional()
  @Length(8, 200)
  idempotencyKey?: string | null;
}

@ArgsType()
export class ${n.entity}PageArgs extends PageArgs {
  @Field(() => ID, {
    nullable: true,
    description: "This unit and the units below it; by default your own unit (the province for administrators).",
  })
  unitCode?: string | null;
}
`,
    },
    {
      path: `${dir}-access.ts`,
      text: `import { canSeeUnit, ForbiddenError, hasAnyRole, isAnonymous, kitMessage, UnauthenticatedError, type Identity } from "@danvan/kit";
import { ${n.name}Message } from "../messages.js";
import type { ${n.entity} } from "./${n.fileStem}.entity.js";

/** ${n.entity} records are not public: officers in their unit's subtree, administrators and analysts. */
export const ${readers} = ["OFFICER", "ADMIN", "ANALYST"] as const;

/** A record's unit is the one its code named on the day it was recorded (codes are reused). */
export function assertCanRead${n.entity}(identity: Identity, row: Pick<${n.entity}, "unitCode" | "recordedOn">): void {
  if (isAnonymous(identity)) throw new UnauthenticatedError();
  if (!hasAnyRole(identity, ${readers}) || !canSeeUnit(identity, row.unitCode, row.recordedOn)) {
    throw new ForbiddenError(kitMessage("outOfScope", { thing: ${n.name}Message("thing${n.entity}") }));
  }
}
`,
    },
    {
      path: `${dir}.loader.ts`,
      text: `import { In, type DataSource } from "typeorm";
import { keyedLoader, placeholders, valuesTable, WINDOW_COLUMNS, windowJoin, windowRows } from "@danvan/kit";
import { ${n.entity} } from "./${n.fileStem}.entity.js";

/** ${capitalised(n.pluralWords)} by id, and how many each unit holds (AdministrativeUnit.${n.single}Count). */
export function ${n.single}Loaders(ds: DataSource) {
  const ${n.plural} = ds.getRepository(${n.entity});
  return {
    ${n.single}: keyedLoader<number, ${n.entity}>(
      (ids) => ${n.plural}.findBy({ id: In(ids) }),
      (row) => row.id,
    ),
    /**
     * How many are recorded in each unit version and the units below it (keyed "code@validFrom": a
     * unit is its code and its validity, codes are reused, so a record counts for the version its
     * code named on the day it was recorded): one grouped count for every unit of the request.
     */
    ${n.single}CountIn: keyedLoader<string, { unitCode: string; count: number }>(
      async (keys) => {
        const windows = windowRows(
          keys.map((key) => {
            const [code, validFrom] = key.split("@");
            return { key, unit: { code: code!, validFrom: validFrom! } };
          }),
          ["PROVINCE", "DISTRICT", "COMMUNE"],
        );
        const perUnit = new Map<string, number>();
        if (windows.length > 0) {
          const scope = valuesTable(ds, windows, "s", WINDOW_COLUMNS);
          const sql = \`SELECT s.unit_key AS unit_key, COUNT(t.id) AS n FROM \${scope.sql}
            JOIN ${n.table} t ON \${windowJoin(ds.options.type === "postgres", "t.unit_code", "t.recorded_on")}
            GROUP BY s.unit_key\`;
          const rows = (await ds.query(placeholders(ds, sql), scope.params)) as { unit_key: string; n: string | number }[];
          for (const r of rows) perUnit.set(r.unit_key, Number(r.n));
        }
        return keys.map((key) => ({ unitCode: key, count: perUnit.get(key) ?? 0 }));
      },
      (r) => r.unitCode,
    ),
  };
}
`,
    },
    {
      path: `${dir}.resolver.ts`,
      text: `import { Arg, Args, Authorized, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from "type-graphql";
import {
  assertCanWriteUnit,
  audit,
  BadUserInputError,
  checkUnitArgument,
  ConnectionType,
  connectionFrom,
  createOnce,
  kitMessage,
  NotFoundError,
  pageRequest,
  figureUnit,
  PROVINCE_CODE,
  scopeWindowsOf,
  windowsInScope,
  windowsOf,
  windowsSql,
  type ConnectionShape,
} from "@danvan/kit";
import { AdministrativeUnitRef, unitRef } from "@danvan/kit/federation";
import type { ${ctx} } from "../context.js";
import { ${n.name}Message } from "../messages.js";
import { ${n.entity} } from "./${n.fileStem}.entity.js";
import { Create${n.entity}Input, ${n.entity}PageArgs } from "./${n.fileStem}.input.js";
import { assertCanRead${n.entity}, ${readers} } from "./${n.fileStem}-access.js";

export const ${n.entity}Connection = ConnectionType(${n.entity});

const ID_PATTERN = /^\\d{1,12}$/;

@Resolver(() => ${n.entity})
export class ${n.entity}Resolver {
  @Authorized(...${readers})
  @Query(() => ${n.entity}Connection, { description: "${capitalised(n.pluralWords)} of a unit and the units below it, in your scope, by id." })
  async ${n.plural}(@Args() args: ${n.entity}PageArgs, @Ctx() ctx: ${ctx}): Promise<ConnectionShape<${n.entity}>> {
    const page = pageRequest(args);
    const unitCode = args.unitCode ?? ctx.identity.unitCode ?? PROVINCE_CODE;
    checkUnitArgument(unitCode);
    // The unit the code names now, through time, cut to the caller's scope: a record counts where
    // its code named one of those units on the day it was recorded.
    const windows = windowsInScope(windowsOf(figureUnit(unitCode), ["PROVINCE", "DISTRICT", "COMMUNE"]), scopeWindowsOf(ctx.identity));
    const bound: Record<string, string> = {};
    const where = windowsSql(windows, "t.unit_code", "t.recorded_on", (v) => {
      const name = \`w\${Object.keys(bound).length}\`;
      bound[name] = v;
      return \`:\${name}\`;
    });
    const base = () => ctx.ds.getRepository(${n.entity}).createQueryBuilder("t").where(where, bound);
    const q = base()
      .orderBy("t.id")
      .take(page.limit + 1);
    if (page.afterKey !== null) q.andWhere("t.id > :after", { after: Number(page.afterKey) });
    const rows = await q.getMany();
    for (const row of rows) ctx.loaders.${n.single}.prime(row.id, row);
    return connectionFrom(
      rows,
      page,
      (row) => row.id,
      () => base().getCount(),
    );
  }

  @Authorized(...${readers})
  @Query(() => ${n.entity}, { nullable: true, description: "One ${n.words} record by id." })
  async ${n.single}(@Arg("id", () => ID) id: string, @Ctx() ctx: ${ctx}): Promise<${n.entity}> {
    const thing = ${n.name}Message("thing${n.entity}");
    if (!ID_PATTERN.test(id)) throw BadUserInputError.field("id", kitMessage("notAnId", { thing }));
    const row = await ctx.loaders.${n.single}.load(Number(id));
    // The message names the field, never the id sent.
    if (!row) throw new NotFoundError(thing, "id");
    assertCanRead${n.entity}(ctx.identity, row);
    return row;
  }

  @FieldResolver(() => AdministrativeUnitRef, { description: "The unit it belongs to (served by organisations)." })
  unit(@Root() row: ${n.entity}): AdministrativeUnitRef {
    return unitRef(row.unitCode);
  }

  @Authorized("OFFICER", "ADMIN")
  @Mutation(() => ${n.entity}, {
    description: "Record a ${n.words} in your unit or one below it; idempotent with idempotencyKey.",
  })
  async create${n.entity}(@Arg("input") input: Create${n.entity}Input, @Ctx() ctx: ${ctx}): Promise<${n.entity}> {
    checkUnitArgument(input.unitCode, "input.unitCode");
    assertCanWriteUnit(ctx.identity, input.unitCode);
    return createOnce(ctx.ds, ctx, ${n.entity}, { key: input.idempotencyKey, operation: "create${n.entity}" }, async (m) => {
      const inserted = await m.insert(${n.entity}, {
        name: input.name.trim(),
        unitCode: input.unitCode,
        recordedOn: input.recordedOn,
      });
      const id = Number(inserted.identifiers[0]!.id);
      await audit(m, ctx, {
        action: "create${n.entity}",
        entityType: "${n.entity}",
        entityId: id,
        after: { unitCode: input.unitCode, recordedOn: input.recordedOn },
      });
      return id;
    });
  }
}

/** \`_entities\` for ${n.entity}: the same access rules as the ${n.single} query. */
export const ${n.single}Reference = {
  __resolveReference: async (ref: { id: string }, ctx: ${ctx}) => {
    if (!ID_PATTERN.test(String(ref.id))) return null;
    const row = await ctx.loaders.${n.single}.load(Number(ref.id));
    if (!row) return null;
    assertCanRead${n.entity}(ctx.identity, row);
    return row;
  },
};
`,
    },
  ];
}
