/** type-graphql's `valuesConfig` from one description per enum value. */
export function describeValues<K extends string>(descriptions: Record<K, string>): Record<K, { description: string }> {
  return Object.fromEntries(Object.entries(descriptions).map(([k, description]) => [k, { description }])) as Record<
    K,
    { description: string }
  >;
}
