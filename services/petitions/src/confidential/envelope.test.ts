import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { randomBytes } from "node:crypto";
import { IdentityKeyError, IdentityKeyring, open, rewrap, seal } from "./envelope.js";

const key = (version: number) => ({ version, key: randomBytes(32) });
const WHO = { fullName: "Phan Văn Bí Mật", address: "Ấp 3, xã Mỹ Hòa Hưng", phone: "0912345678", idNumber: null };

describe("envelope encryption of an identity", () => {
  const v1 = key(1);
  const v2 = key(2);

  it("seals under a fresh data key wrapped by the newest key, and opens it again", () => {
    const ring = new IdentityKeyring([v1, v2]);
    const a = seal(WHO, "petition/7", ring);
    const b = seal(WHO, "petition/7", ring);
    assert.equal(a.keyVersion, 2);
    assert.deepEqual(open(a, "petition/7", ring), WHO);
    // A fresh data key and IV each time: the same identity never gives the same stored bytes.
    assert.notEqual(a.sealed, b.sealed);
    assert.notEqual(a.wrappedKey, b.wrappedKey);
    const stored = JSON.stringify(a) + Buffer.from(a.sealed, "base64").toString("latin1");
    for (const plain of ["Bí Mật", "Phan", "0912345678", "Mỹ Hòa Hưng", "912345678"]) {
      assert.ok(!stored.includes(plain), `${plain} readable in the sealed value`);
    }
  });

  it("refuses a wrong key, an unknown key version, another record's context and a changed byte", () => {
    const sealed = seal(WHO, "petition/7", new IdentityKeyring([v1]));
    const impostor = new IdentityKeyring([{ version: 1, key: randomBytes(32) }]);
    assert.throws(() => open(sealed, "petition/7", impostor), IdentityKeyError);
    assert.throws(() => open(sealed, "petition/7", new IdentityKeyring([v2])), /identity key 1 is not among/);
    assert.throws(() => open(sealed, "petition/8", new IdentityKeyring([v1])), IdentityKeyError);
    const bytes = Buffer.from(sealed.sealed, "base64");
    bytes[bytes.length - 1] ^= 1;
    const changed = { ...sealed, sealed: bytes.toString("base64") };
    assert.throws(() => open(changed, "petition/7", new IdentityKeyring([v1])), IdentityKeyError);
    // The error names no key and no content.
    try {
      open(sealed, "petition/7", impostor);
    } catch (err) {
      assert.doesNotMatch((err as Error).message, /Bí Mật|0912|[A-Za-z0-9+/]{20,}/);
    }
  });

  it("rotates: re-wraps the data key under the newest key, leaves the record, and the old key can go", () => {
    const before = seal(WHO, "petition/9", new IdentityKeyring([v1]));
    const both = new IdentityKeyring([v2, v1]);
    const after = rewrap(before, "petition/9", both);
    assert.equal(after.keyVersion, 2);
    assert.equal(after.sealed, before.sealed, "the record itself is not re-encrypted");
    assert.notEqual(after.wrappedKey, before.wrappedKey);
    assert.deepEqual(open(after, "petition/9", new IdentityKeyring([v2])), WHO);
    assert.throws(() => open(after, "petition/9", new IdentityKeyring([v1])), IdentityKeyError);
    assert.equal(rewrap(after, "petition/9", both), after, "already under the newest key: unchanged");
    assert.throws(() => rewrap(before, "petition/9", new IdentityKeyring([v2])), /identity key 1/);
  });

  it("takes the highest version as the newest, and refuses an empty, duplicated or short key list", () => {
    assert.equal(new IdentityKeyring([v1, key(5), v2]).newest, 5);
    assert.deepEqual(new IdentityKeyring([v1, key(5), v2]).versions, [5, 2, 1]);
    assert.throws(() => new IdentityKeyring([]), IdentityKeyError);
    assert.throws(() => new IdentityKeyring([v1, { version: 1, key: randomBytes(32) }]), /listed twice/);
    assert.throws(() => new IdentityKeyring([{ version: 3, key: randomBytes(16) }]), /not 32 bytes/);
    assert.throws(() => new IdentityKeyring([{ version: 0, key: randomBytes(32) }]), /1 or more/);
  });
});
