import { OWNER_PLACEHOLDER, type GeneratedFile, type ScaffoldSpec } from "./spec.js";

/** README.md in the layout of every subgraph's README: owner, entities, run it, test it, change its schema. */
export function readmeFile(spec: ScaffoldSpec): GeneratedFile {
  const n = spec.names;
  const E = n.entity;
  const owner = spec.owner
    ? `**Owner:** ${spec.owner}. It decides what this subgraph holds and approves changes to its schema.`
    : `**Owner:** ${OWNER_PLACEHOLDER} — \`npm run new:subgraph\` was run without \`--owner\`. Name the owning
agency here before this subgraph is released: it decides what the subgraph holds and approves changes to its schema.`;
  const folder = `src/${n.folder}/`;
  return {
    path: "README.md",
    text: `# ${n.name} subgraph (\`@danvan/${n.name}\`, port ${spec.port})

${owner}

${capitalised(n.pluralWords)}, each kept by the administrative unit it belongs to. Created by
\`npm run new:subgraph\` as a working skeleton: replace the example fields (\`name\`, \`recordedOn\`)
with the agency's own, one migration per change.

## Entities

| Entity | Key | Here |
| --- | --- | --- |
| \`${E}\` | \`id\` | **owned**: \`name\`, \`recordedOn\`, \`unit\` (records: officers in scope, administrators, analysts) |
| \`AdministrativeUnit\` | \`code validFrom\` | **extended** (owned by organisations): adds \`${n.single}Count\` (public); only \`code\` is stored here (\`unitRef\` adds the version in force) |

Federation 2 has no \`extend type\`: the extended entity is the kit's \`AdministrativeUnitRef\`
(\`@danvan/kit/federation\`, its \`@key\` and nothing else), and only the fields this subgraph adds are
here (\`src/federation/administrative-unit.resolver.ts\`); a unit reference resolves when its code is
in the kit's reference list. \`${E}.unit\` returns a reference that the gateway completes from
organisations (\`unit { name }\`).

Queries: \`${n.plural}(unitCode, first, after)\` (a Relay connection), \`${n.single}(id)\`. Mutation:
\`create${E}(input)\` (officers of the unit or above, administrators; idempotent with
\`idempotencyKey\`; one transaction with its audit event).

Code: \`${folder}\` (\`${n.fileStem}.entity.ts\`, \`.input.ts\`, \`-access.ts\`, \`.loader.ts\` for every
reference and count batched per request, \`.resolver.ts\`); \`src/loaders.ts\` assembles the features'
loaders, \`src/messages.ts\` holds the messages a person reads (English and Vietnamese: name the record
in Vietnamese there), \`src/schema.ts\` builds the schema, \`src/main.ts\` starts the process,
\`migrations/\` and \`seed/\` beside \`src/\`.

## Run it alone

\`\`\`sh
${commented([
  ["npm run build", ""],
  [`npm run seed -w @danvan/${n.name} -- --scale small`, `data/${n.name}.sqlite (the full dataset without --scale)`],
  [`npm start -w @danvan/${n.name}`, `http://127.0.0.1:${spec.port}/graphql (PORT to change)`],
  [`curl -s localhost:${spec.port}/readyz`, '{"status":"ready"}'],
])}
\`\`\`

\`/graphql\` answers only requests signed by the gateway (anything else is a 401). Start a gateway
beside it (\`npm start -w @danvan/gateway\`, port 4000; \`${n.urlVariable}\` if this subgraph is not on
${spec.port}); \`npm start\` runs it with every other subgraph. Its records need a token:

\`\`\`sh
TOKEN=$(npm run -s token -- --role admin)
curl -s localhost:4000/graphql -H 'content-type: application/json' -H "authorization: Bearer $TOKEN" \\
  -d '{"query":"{ ${n.plural}(unitCode: \\"883\\", first: 3) { totalCount edges { node { name unit { name } } } } }"}'
\`\`\`

Settings (\`.env.example\`): \`PORT\`, \`DATABASE_URL\` (a \`postgres://\` URL; SQLite
\`data/${n.name}.sqlite\` or \`SQLITE_PATH\` without it), \`IDENTITY_SECRET\`, \`LOG_LEVEL\`.

## Test it alone

\`\`\`sh
npm test -- services/${n.name}                              # its unit and integration tests, SQLite
TEST_DATABASE=postgres npm test -- services/${n.name}       # the same on local PostgreSQL
\`\`\`

Integration tests run the subgraph in-process on a fresh, seeded database (\`src/testing/harness.ts\`)
and count SQL statements per operation (\`src/n-plus-one.test.ts\`).

## Change its schema safely

The schema is code-first (type-graphql decorators); \`schema/${n.name}.graphql\` is printed from it.

1. Prefer additive changes: a new field, a new optional argument. Fields added to
   \`AdministrativeUnit\` must not clash with fields other subgraphs add; keep \`${E}.id\` as its key.
2. \`npm run schema\` rewrites \`schema/${n.name}.graphql\`, the composed \`schema/supergraph.graphql\` and
   the safelist manifest; commit them with the code. Composition errors show up here.
3. \`npm run schema:check\` must pass. A breaking change (a removed or renamed field, a new required
   argument, a narrowed type) must be declared in \`schema/breaking-changes.json\` with a reason.
4. \`npm run codegen\` when a field used by \`test/operations/\` changed, so the front-end teams' typed
   client (\`client/\`) follows.

The agency guide, \`docs/agency-guide.md\`, walks through each change with the tools' output.
`,
  };
}

const capitalised = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

/** Shell lines with their comments aligned, as the other READMEs write them. */
function commented(lines: [string, string][]): string {
  const width = Math.max(...lines.map(([command]) => command.length)) + 3;
  return lines.map(([command, comment]) => (comment ? `${command.padEnd(width)}# ${comment}` : command)).join("\n");
}
