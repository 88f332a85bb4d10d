import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { ConfigError, freePort, illustrativeRemoteCommunes, type Logger } from "@danvan/kit";
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

  it("uses the subgraph's reference copy when no registry is configured, silently", async () => {
    const { logger, seen } = warnings();
    const lookup = remoteAreaLookupFrom({});
    assert.equal(lookup.source, "reference copy");
    assert.equal(await lookup.isRemoteArea(remote, logger), true);
    assert.equal(await lookup.isRemoteArea(notRemote, logger), false);
    assert.equal(seen.length, 0);
  });

  it("falls back to the reference copy, with a warning naming the commune, when the graph does not answer", async () => {
    const { logger, seen } = warnings();
    const closed = await freePort(); // nothing listens there
    const lookup = new RemoteAreaLookup(`http://127.0.0.1:${closed}/graphql`, 500);
    assert.equal(lookup.source, "graph");
    assert.equal(await lookup.isRemoteArea(remote, logger), true);
    assert.equal(await lookup.isRemoteArea(notRemote, logger), false);
    assert.equal(seen.length, 2);
    assert.equal(seen[0]!.obj.commune, remote);
    assert.match(seen[0]!.msg, /reference copy/);
  });

  it("refuses a registry URL that is not http(s), at start-up", () => {
    assert.throws(() => remoteAreaLookupFrom({ UNIT_REGISTRY_URL: "ftp://gateway/graphql" }), ConfigError);
    assert.throws(
      () => remoteAreaLookupFrom({ UNIT_REGISTRY_URL: "http://gateway/graphql", UNIT_REGISTRY_TIMEOUT_MS: "0" }),
      /UNIT_REGISTRY_TIMEOUT_MS/,
    );
  });
});
