import type { FieldNode, GraphQLResolveInfo, SelectionSetNode } from "graphql";

/**
 * Whether the operation reads `path` (field names, aliases aside) below the field being resolved,
 * through fragments and inline fragments alike: lets a resolver skip work nobody reads.
 */
export function selects(info: GraphQLResolveInfo, path: readonly string[]): boolean {
  const fieldsIn = (set: SelectionSetNode | undefined, name: string): FieldNode[] =>
    (set?.selections ?? []).flatMap((s) => {
      if (s.kind === "Field") return s.name.value === name ? [s] : [];
      if (s.kind === "InlineFragment") return fieldsIn(s.selectionSet, name);
      return fieldsIn(info.fragments[s.name.value]?.selectionSet, name);
    });
  let level: readonly FieldNode[] = info.fieldNodes;
  for (const name of path) {
    level = level.flatMap((f) => fieldsIn(f.selectionSet, name));
    if (level.length === 0) return false;
  }
  return true;
}
