import { describe, it } from "node:test";
import assert from "node:assert/strict";
import http from "node:http";
import type { AddressInfo } from "node:net";
import {
  ConfigError,
  freePort,
  illustrativeRemoteCommunes,
  predecessorsOf,
  remoteAreaFlags,
  unitVersionKey,
  unitVersions,
  type Logger,
} from "@danvan/kit";
import { RemoteAreaLookup, remoteAreaLookupFrom } from "./remote-areas.js";

/** Collects warnings as pino would receive them. */
function warnings(): { logger: Logger; seen: { obj: Record<string, unknown>; msg: string }[] } {
  const seen: { obj: Record<string, unknown>; msg: string }[] = [];
  const logger = { warn: (obj: Record<string, unknown>, msg: string) => seen.push({ obj, msg }) } as unknown as Logger;
  return { logger, seen };
}

describe("remote-area lookup", () => {
  const remote = [...illustrativeRemoteCommunes()][0]!;
  const notRemote = "30280"; // Mỹ Bình, Long Xuyên
  const on = "2020-03-02";

  it("uses the subgraph's reference copy when no registry is configured, silently", async () => {
    const { logger, seen } = warnings();
    const lookup = remoteAreaLookupFrom({});
    assert.equal(lookup.source, "reference copy");
    assert.equal(await lookup.isRemoteArea(remote, on, logger), true);
    assert.equal(await lookup.isRemoteArea(notRemote, on, logger), false);
    assert.equal(seen.length, 0);
  });

  it("falls back to the reference copy, with a warning naming the commune, when the graph does not answer", async () => {
    const { logger, seen } = warnings();
    const closed = await freePort(); // nothing listens there
    const lookup = new RemoteAreaLookup(`http://127.0.0.1:${closed}/graphql`, 500);
    assert.equal(lookup.source, "graph");
    assert.equal(await lookup.isRemoteArea(remote, on, logger), true);
    assert.equal(await lookup.isRemoteArea(notRemote, on, logger), false);
    assert.equal(seen.length, 2);
    assert.equal(seen[0]!.obj.commune, remote);
    assert.match(seen[0]!.msg, /reference copy/);
  });

  it("takes the flag of the version in force on the receipt date: a 2025 commune formed from a remote one", async () => {
    const { logger } = warnings();
    const flags = remoteAreaFlags(illustrativeRemoteCommunes());
    const formed = unitVersions.find(
      (v) =>
        v.validFrom === "2025-07-01" &&
        v.level === "COMMUNE" &&
        predecessorsOf(v).some((s) => s.from.code === remote) &&
        flags.get(unitVersionKey(v)) === true,
    )!;
    const lookup = remoteAreaLookupFrom({});
    assert.equal(await lookup.isRemoteArea(formed.code, "2026-03-02", logger), true);
    // Mỹ Bình's territory went into a 2025 ward that is not remote either.
    assert.equal(await lookup.isRemoteArea("30307", "2026-03-02", logger), false);
  });

  it("asks the graph for the unit in force on the receipt date (administrativeUnit(code:, asOf:))", async () => {
    const { logger, seen } = warnings();
    const asked: { query: string; variables: Record<string, unknown> }[] = [];
    const server = http.createServer((req, res) => {
      let body = "";
      req.on("data", (c: Buffer) => (body += c.toString()));
      req.on("end", () => {
        asked.push(JSON.parse(body) as (typeof asked)[number]);
        res.setHeader("content-type", "application/json");
        res.end(JSON.stringify({ data: { administrativeUnit: { isRemoteArea: true } } }));
      });
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    try {
      const lookup = new RemoteAreaLookup(`http://127.0.0.1:${(server.address() as AddressInfo).port}/graphql`, 2000);
      assert.equal(await lookup.isRemoteArea("30307", "2026-03-02", logger), true);
      assert.deepEqual(asked[0]!.variables, { code: "30307", on: "2026-03-02" });
      assert.match(asked[0]!.query, /administrativeUnit\(code: \$code, asOf: \$on\)/);
      assert.equal(seen.length, 0);
    } finally {
      await new Promise((resolve) => server.close(resolve));
    }
  });

  it("refuses a registry URL that is not http(s), at start-up", () => {
    assert.throws(() => remoteAreaLookupFrom({ UNIT_REGISTRY_URL: "ftp://gateway/graphql" }), ConfigError);
    assert.throws(
      () => remoteAreaLookupFrom({ UNIT_REGISTRY_URL: "http://gateway/graphql", UNIT_REGISTRY_TIMEOUT_MS: "0" }),
      /UNIT_REGISTRY_TIMEOUT_MS/,
    );
  });
});
