import { buildASTSchema, parse, type GraphQLSchema } from "graphql";
import { CriticalityLevel, diff, type Change } from "@graphql-inspector/core";

export type ChangeLevel = "breaking" | "dangerous" | "safe";

/** One difference between two schemas, as @graphql-inspector/core classifies it. */
export interface SchemaChange {
  /** @graphql-inspector's change type, e.g. FIELD_REMOVED, ENUM_VALUE_REMOVED, FIELD_ARGUMENT_ADDED. */
  type: string;
  level: ChangeLevel;
  /** The schema coordinate: `Type`, `Type.field`, `Type.field.argument`, `Enum.VALUE`. */
  path: string;
  message: string;
  /** Why it is breaking or dangerous, when the inspector says. */
  reason?: string;
}

const LEVELS: Record<CriticalityLevel, ChangeLevel> = {
  [CriticalityLevel.Breaking]: "breaking",
  [CriticalityLevel.Dangerous]: "dangerous",
  [CriticalityLevel.NonBreaking]: "safe",
};

/**
 * Builds a schema from SDL without validating it: subgraph SDL uses federation directives it does not
 * define (@key, @shareable, ...), which the diff then sees as directive usages.
 */
export function sdlSchema(sdl: string): GraphQLSchema {
  return buildASTSchema(parse(sdl), { assumeValidSDL: true });
}

/** What changed from the old SDL to the new one, each change classified breaking, dangerous or safe. */
export async function diffSdl(oldSdl: string | null, newSdl: string | null): Promise<SchemaChange[]> {
  const changes = await diff(oldSdl === null ? null : sdlSchema(oldSdl), newSdl === null ? null : sdlSchema(newSdl));
  return collapseAdditions(changes.map(toSchemaChange));
}

const ADDED = new Set(["TYPE_ADDED", "FIELD_ADDED", "INPUT_FIELD_ADDED", "ENUM_VALUE_ADDED", "FIELD_ARGUMENT_ADDED"]);

/**
 * Drops what is inside an element added by the same change (the fields of a new type, the arguments and
 * description of a new field): nobody can rely on them yet, and the addition already says it.
 */
function collapseAdditions(changes: SchemaChange[]): SchemaChange[] {
  const added = changes.filter((c) => ADDED.has(c.type)).map((c) => c.path);
  return changes.filter(
    (c) =>
      !added.some(
        (a) =>
          c.path.startsWith(`${a}.`) || (c.path === a && !ADDED.has(c.type) && /DESCRIPTION|DEPRECATION/.test(c.type)),
      ),
  );
}

function toSchemaChange(change: Change): SchemaChange {
  const reason = change.criticality.reason;
  return {
    type: String(change.type),
    level: LEVELS[change.criticality.level],
    path: change.path ?? "",
    message: change.message,
    // The inspector repeats the message as the reason of some changes; keep only real explanations.
    ...(reason && reason !== change.message ? { reason } : {}),
  };
}

/** True when a change at `path` is about the element `coordinate` or something inside it. */
export function isAtOrBelow(path: string, coordinate: string): boolean {
  return path === coordinate || path.startsWith(`${coordinate}.`);
}
