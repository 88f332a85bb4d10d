/**
 * Personal identifiers shown to roles that may not read them (analysts): "Nguyễn Văn An" →
 * "N. V. A.", enough to tell rows apart, not to identify anyone.
 */
export function maskName(fullName: string): string {
  return fullName
    .split(/\s+/)
    .filter(Boolean)
    .map((part) => `${[...part][0]!.toUpperCase()}.`)
    .join(" ");
}
