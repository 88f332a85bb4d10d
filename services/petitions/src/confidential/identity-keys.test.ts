import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { randomBytes } from "node:crypto";
import { ConfigError } from "@danvan/kit";
import { open, seal } from "./envelope.js";
import { developmentIdentityKey, identityKeyringFrom, parseIdentityKeys } from "./identity-keys.js";

const b64 = () => randomBytes(32).toString("base64");

describe("PETITIONS_IDENTITY_KEYS", () => {
  it("lists versioned keys; the highest encrypts, every one listed decrypts", () => {
    const [k1, k2] = [b64(), b64()];
    const ring = identityKeyringFrom({ NODE_ENV: "production", PETITIONS_IDENTITY_KEYS: `2:${k2}, 1:${k1}` });
    assert.equal(ring.newest, 2);
    assert.deepEqual(ring.versions, [2, 1]);
    const old = seal(
      { a: 1 },
      "c",
      identityKeyringFrom({ NODE_ENV: "production", PETITIONS_IDENTITY_KEYS: `1:${k1}` }),
    );
    assert.deepEqual(open(old, "c", ring), { a: 1 });
    // base64url is accepted as well.
    const url = randomBytes(32).toString("base64url");
    assert.equal(parseIdentityKeys(`7:${url}`)[0]!.key.toString("base64url"), url);
  });

  it("stops a production start without it, naming the variable", () => {
    assert.throws(
      () => identityKeyringFrom({ NODE_ENV: "production" }),
      (err: unknown) =>
        err instanceof ConfigError &&
        /PETITIONS_IDENTITY_KEYS: is required in production/.test(err.message) &&
        err.message.startsWith("petitions: invalid configuration"),
    );
    assert.throws(() => identityKeyringFrom({ NODE_ENV: "production", PETITIONS_IDENTITY_KEYS: " " }), ConfigError);
  });

  it("refuses malformed keys without quoting them", () => {
    const short = randomBytes(16).toString("base64");
    for (const value of [`1:${short}`, `x:${b64()}`, b64(), `1:${b64()},1:${b64()}`, "REPLACE-ME"]) {
      assert.throws(
        () => identityKeyringFrom({ NODE_ENV: "production", PETITIONS_IDENTITY_KEYS: value }),
        (err: unknown) =>
          err instanceof ConfigError &&
          err.message.includes("PETITIONS_IDENTITY_KEYS") &&
          !err.message.includes(value) &&
          !err.message.includes(short),
        value,
      );
    }
  });

  it("outside production, without it, derives one stable development key from the development secrets", () => {
    for (const NODE_ENV of ["development", "test"]) {
      const ring = identityKeyringFrom({ NODE_ENV });
      assert.equal(ring.newest, 1);
      const sealed = seal("x", "c", ring);
      assert.equal(open(sealed, "c", identityKeyringFrom({ NODE_ENV })), "x", "the same key in every process");
    }
    assert.deepEqual(developmentIdentityKey().key, developmentIdentityKey().key);
    assert.equal(developmentIdentityKey().key.length, 32);
  });
});
