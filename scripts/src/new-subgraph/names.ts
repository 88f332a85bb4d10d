/**
 * The names a new subgraph's code uses, all derived from its name and its entity: checked once
 * here, so that every template can trust them.
 */

/** Workspaces that are not subgraphs: their package names are taken. */
export const RESERVED_NAMES = ["kit", "gateway", "client", "scripts", "test", "schema", "docker", "services"];

/** Thrown for a bad command line or a clash; the message is printed as it is. */
export class ScaffoldError extends Error {
  override name = "ScaffoldError";
}

export interface SubgraphNames {
  /** The subgraph's name: its folder, package (@danvan/<name>), schema file and SUBGRAPH_URL_<NAME>. */
  name: string;
  /** PascalCase of the name: `VolunteersContext`, `buildVolunteersSchema`. */
  namePascal: string;
  /** The owned entity's GraphQL and class name, e.g. `Volunteer`. */
  entity: string;
  /** camelCase singular, e.g. `volunteer` (the single lookup, the loader). */
  single: string;
  /** camelCase plural, e.g. `volunteers` (the paginated list). */
  plural: string;
  /** kebab-case singular for file names, e.g. `volunteer` (`volunteer.entity.ts`). */
  fileStem: string;
  /** kebab-case plural for the feature folder, e.g. `volunteers`. */
  folder: string;
  /** snake_case table name, e.g. `volunteer`. */
  table: string;
  /** Lower-case words for descriptions, e.g. `volunteer`, `field visit`. */
  words: string;
  /** The same in the plural, e.g. `volunteers`, `field visits`. */
  pluralWords: string;
  /** `SUBGRAPH_URL_<NAME>`. */
  urlVariable: string;
}

const pascal = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);
const camel = (s: string) => s.charAt(0).toLowerCase() + s.slice(1);
const wordsOf = (pascalName: string) => pascalName.split(/(?=[A-Z])/).map((w) => w.toLowerCase());

/** English singular of a plural word, good enough for names ("families" → "family", "boxes" → "box"). */
export function singularOf(word: string): string {
  if (/[^aeiou]ies$/.test(word)) return word.slice(0, -3) + "y";
  if (/(ss|x|ch|sh)es$/.test(word)) return word.slice(0, -2);
  if (/[^s]s$/.test(word)) return word.slice(0, -1);
  return word;
}

/** English plural of a singular word ("family" → "families", "box" → "boxes", "visit" → "visits"). */
export function pluralOf(word: string): string {
  if (/[^aeiou]y$/.test(word)) return word.slice(0, -1) + "ies";
  if (/(s|x|z|ch|sh)$/.test(word)) return word + "es";
  return word + "s";
}

export function checkSubgraphName(name: string | undefined): string {
  if (!name || !/^[a-z]{3,30}$/.test(name)) {
    throw new ScaffoldError(
      `"${name ?? ""}" is not a subgraph name: use 3 to 30 lowercase letters (a-z), such as "volunteers". ` +
        "It becomes the folder services/<name>, the package @danvan/<name> and the subgraph's name in the supergraph.",
    );
  }
  if (RESERVED_NAMES.includes(name))
    throw new ScaffoldError(`"${name}" is taken by a workspace that is not a subgraph`);
  return name;
}

/** The entity's name: --entity as given (PascalCase letters), else the singular of the subgraph's name. */
export function entityFor(name: string, entity?: string): string {
  const chosen = entity ?? pascal(singularOf(name));
  if (!/^[A-Z][a-z]+(?:[A-Z][a-z]+)*$/.test(chosen) || chosen.length > 40) {
    throw new ScaffoldError(
      `--entity "${chosen}" is not an entity name: use PascalCase letters, such as Volunteer or FieldVisit`,
    );
  }
  return chosen;
}

export function namesFor(name: string, entity: string): SubgraphNames {
  const words = wordsOf(entity);
  const pluralWords = [...words.slice(0, -1), pluralOf(words.at(-1)!)];
  return {
    name,
    namePascal: pascal(name),
    entity,
    single: camel(entity),
    plural: camel(pluralWords.map(pascal).join("")),
    fileStem: words.join("-"),
    folder: pluralWords.join("-"),
    table: words.join("_"),
    words: words.join(" "),
    pluralWords: pluralWords.join(" "),
    urlVariable: `SUBGRAPH_URL_${name.toUpperCase()}`,
  };
}

/** The next default port after the existing subgraphs', or the one asked for when it is free. */
export function portFor(existing: readonly number[], asked?: string, gatewayPort = 4000): number {
  const taken = new Set([gatewayPort, ...existing]);
  if (asked === undefined) {
    let port = Math.max(gatewayPort, ...existing) + 1;
    while (taken.has(port)) port++;
    return port;
  }
  const port = Number(asked);
  if (!/^\d+$/.test(asked) || port < 1024 || port > 65535)
    throw new ScaffoldError(`--port ${asked}: use a whole number from 1024 to 65535`);
  if (taken.has(port))
    throw new ScaffoldError(`--port ${port} is already the default port of the gateway or another subgraph`);
  return port;
}

/** The GraphQL names this subgraph adds, by where they go, to check them against the supergraph. */
export function graphqlNames(n: SubgraphNames) {
  return {
    types: [n.entity, `${n.entity}Connection`, `${n.entity}Edge`, `Create${n.entity}Input`],
    query: [n.plural, n.single],
    mutation: [`create${n.entity}`],
    administrativeUnit: [`${n.single}Count`],
  };
}
