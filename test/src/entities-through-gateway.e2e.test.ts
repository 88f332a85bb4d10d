import { after, before, describe, it } from "node:test";
import assert from "node:assert/strict";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { composeServices } from "@apollo/composition";
import { buildSubgraphSchema } from "@apollo/subgraph";
import { parse } from "graphql";
import { DataSource } from "typeorm";
import { createLogger, repoRoot, startSubgraphServer, type RunningSubgraph } from "@danvan/kit";
import { startFederation, type Federation } from "./support/federation.js";

/**
 * A second subgraph made for this test references AdministrativeUnit and Organisation by key,
 * so the gateway's query plan must fetch them from organisations through `_entities`. A unit is
 * its code and its validity: the key is `code validFrom` in every subgraph.
 */
const PROBE_SDL = `
  extend schema @link(url: "https://specs.apollo.dev/federation/v2.7", import: ["@key"])
  scalar Date
  type Query { probeUnits: [AdministrativeUnit!]! probeOrganisations: [Organisation!]! }
  type AdministrativeUnit @key(fields: "code validFrom") { code: ID! validFrom: Date! probeNote: String! }
  type Organisation @key(fields: "id") { id: ID! }
`;

describe("entities resolved across subgraphs through the gateway", () => {
  let f: Federation;
  let probe: RunningSubgraph;
  let dir: string;
  const secret = "p".repeat(40);

  before(async () => {
    const schema = buildSubgraphSchema([
      {
        typeDefs: parse(PROBE_SDL),
        resolvers: {
          Query: {
            // The units of the 2019 list, from the start of the records.
            probeUnits: () => ["883", "30280", "89"].map((code) => ({ code, validFrom: "2010-01-01" })),
            probeOrganisations: () => [{ id: "HND-883" }, { id: "HPN-30280" }],
          },
          AdministrativeUnit: { probeNote: (u: { code: string }) => `probe:${u.code}` },
        },
      },
    ]);
    const ds = new DataSource({ type: "better-sqlite3", database: ":memory:" });
    await ds.initialize();
    probe = await startSubgraphServer({
      name: "probe",
      schema,
      dataSource: ds,
      logger: createLogger("probe", "silent"),
      identitySecret: secret,
      host: "127.0.0.1",
      port: 0,
      bodyLimit: "1mb",
      shutdownGraceMs: 1000,
      createContext: (base) => base,
    });
    const organisationsSdl = fs.readFileSync(path.join(repoRoot, "schema/organisations.graphql"), "utf8");
    const composed = composeServices([
      { name: "organisations", typeDefs: parse(organisationsSdl), url: "http://127.0.0.1:1/graphql" },
      { name: "probe", typeDefs: parse(PROBE_SDL), url: "http://127.0.0.1:1/graphql" },
    ]);
    assert.equal(composed.errors, undefined, String(composed.errors));
    dir = fs.mkdtempSync(path.join(os.tmpdir(), "danvan-probe-"));
    const supergraphPath = path.join(dir, "supergraph.graphql");
    fs.writeFileSync(supergraphPath, composed.supergraphSdl!);
    f = await startFederation({ supergraphPath, extraEnv: { SUBGRAPH_URL_PROBE: probe.url }, identitySecret: secret });
  });

  after(async () => {
    await f?.stop();
    await probe?.stop();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it("joins AdministrativeUnit fields from organisations onto the probe's references", async () => {
    const r = await f.query(`{ probeUnits { code probeNote name level parent { code } organisations { kind } } }`);
    assert.equal(r.body.errors, undefined, r.text);
    const units = r.body.data!.probeUnits as {
      code: string;
      probeNote: string;
      name: string;
      level: string;
      parent: { code: string } | null;
      organisations: unknown[];
    }[];
    assert.deepEqual(
      units.map((u) => [u.code, u.probeNote, u.name, u.level, u.parent?.code ?? null, u.organisations.length]),
      [
        ["883", "probe:883", "Thành phố Long Xuyên", "DISTRICT", "89", 6],
        ["30280", "probe:30280", "Phường Mỹ Bình", "COMMUNE", "883", 5], // no commune Labour Federation
        ["89", "probe:89", "Tỉnh An Giang", "PROVINCE", null, 6],
      ],
    );
  });

  it("joins Organisation fields from organisations onto the probe's references", async () => {
    const r = await f.query(`{ probeOrganisations { id name kind unit { name probeNote } parent { id } } }`);
    assert.equal(r.body.errors, undefined, r.text);
    assert.deepEqual(r.body.data!.probeOrganisations, [
      {
        id: "HND-883",
        name: "Hội Nông dân Thành phố Long Xuyên",
        kind: "FARMERS_UNION",
        unit: { name: "Thành phố Long Xuyên", probeNote: "probe:883" },
        parent: { id: "HND-89" },
      },
      {
        id: "HPN-30280",
        name: "Hội Liên hiệp Phụ nữ Phường Mỹ Bình",
        kind: "WOMENS_UNION",
        unit: { name: "Phường Mỹ Bình", probeNote: "probe:30280" },
        parent: { id: "HPN-883" },
      },
    ]);
  });
});
