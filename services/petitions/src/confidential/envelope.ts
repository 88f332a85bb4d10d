import { createCipheriv, createDecipheriv, randomBytes } from "node:crypto";

/**
 * Envelope encryption of one confidential record (the denouncer's identity, Law on Denunciations
 * 2018, Art. 47–48) with node:crypto, AES-256-GCM throughout:
 *
 * - each record gets its own random 256-bit data key, which encrypts the record;
 * - the data key is stored wrapped (encrypted) by a key-encryption key from the environment,
 *   with that key's version beside it;
 * - both are bound to the record they belong to (`context`, the GCM additional data), so a sealed
 *   value copied onto another petition does not open.
 *
 * Rotation re-wraps the data keys under the newest key-encryption key; the records themselves
 * are never re-encrypted. No database, no GraphQL here.
 */

const ALGORITHM = "aes-256-gcm";
const KEY_BYTES = 32;
const IV_BYTES = 12;
const TAG_BYTES = 16;

/** A key that is missing, malformed or does not open a value: never says more than that. */
export class IdentityKeyError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "IdentityKeyError";
  }
}

/** One key-encryption key: its version and its 32 bytes. */
export interface KeyEncryptionKey {
  readonly version: number;
  readonly key: Buffer;
}

/**
 * The listed key-encryption keys: the newest (highest version) wraps new data keys, any listed
 * key unwraps. The key bytes never leave this object but to node:crypto.
 */
export class IdentityKeyring {
  private readonly byVersion = new Map<number, Buffer>();
  readonly newest: number;

  constructor(keys: readonly KeyEncryptionKey[]) {
    if (keys.length === 0) throw new IdentityKeyError("no identity key given");
    for (const k of keys) {
      if (!Number.isInteger(k.version) || k.version < 1) throw new IdentityKeyError("a key version must be 1 or more");
      if (k.key.length !== KEY_BYTES) throw new IdentityKeyError(`key ${k.version} is not ${KEY_BYTES} bytes`);
      if (this.byVersion.has(k.version)) throw new IdentityKeyError(`key ${k.version} is listed twice`);
      this.byVersion.set(k.version, Buffer.from(k.key));
    }
    this.newest = Math.max(...this.byVersion.keys());
  }

  get versions(): number[] {
    return [...this.byVersion.keys()].sort((a, b) => b - a);
  }

  /** @internal the key of a version, or an error naming only the version. */
  keyOf(version: number): Buffer {
    const key = this.byVersion.get(version);
    if (!key) throw new IdentityKeyError(`identity key ${version} is not among the listed keys`);
    return key;
  }
}

/** What is stored for one sealed record. */
export interface SealedValue {
  /** base64 of IV, tag and ciphertext of the record under its data key. */
  sealed: string;
  /** base64 of IV, tag and ciphertext of the data key under a key-encryption key. */
  wrappedKey: string;
  /** The version of that key-encryption key. */
  keyVersion: number;
}

function encrypt(key: Buffer, plain: Buffer, aad: string): string {
  const iv = randomBytes(IV_BYTES);
  const cipher = createCipheriv(ALGORITHM, key, iv, { authTagLength: TAG_BYTES });
  cipher.setAAD(Buffer.from(aad, "utf8"));
  const body = Buffer.concat([cipher.update(plain), cipher.final()]);
  return Buffer.concat([iv, cipher.getAuthTag(), body]).toString("base64");
}

function decrypt(key: Buffer, stored: string, aad: string): Buffer {
  const all = Buffer.from(stored, "base64");
  if (all.length < IV_BYTES + TAG_BYTES) throw new IdentityKeyError("a sealed value is truncated");
  const decipher = createDecipheriv(ALGORITHM, key, all.subarray(0, IV_BYTES), { authTagLength: TAG_BYTES });
  decipher.setAAD(Buffer.from(aad, "utf8"));
  decipher.setAuthTag(all.subarray(IV_BYTES, IV_BYTES + TAG_BYTES));
  try {
    return Buffer.concat([decipher.update(all.subarray(IV_BYTES + TAG_BYTES)), decipher.final()]);
  } catch {
    // GCM's "unable to authenticate data": a wrong key, a wrong record, or a changed value.
    throw new IdentityKeyError("a sealed value does not open with the listed keys");
  }
}

const wrapContext = (context: string, version: number) => `${context}#data-key#${version}`;

/** Seals a JSON value under a fresh data key, wrapped by the newest key-encryption key. */
export function seal(value: unknown, context: string, keyring: IdentityKeyring): SealedValue {
  const dataKey = randomBytes(KEY_BYTES);
  try {
    const keyVersion = keyring.newest;
    return {
      sealed: encrypt(dataKey, Buffer.from(JSON.stringify(value), "utf8"), context),
      wrappedKey: encrypt(keyring.keyOf(keyVersion), dataKey, wrapContext(context, keyVersion)),
      keyVersion,
    };
  } finally {
    dataKey.fill(0);
  }
}

function unwrap(v: SealedValue, context: string, keyring: IdentityKeyring): Buffer {
  const dataKey = decrypt(keyring.keyOf(v.keyVersion), v.wrappedKey, wrapContext(context, v.keyVersion));
  if (dataKey.length !== KEY_BYTES) throw new IdentityKeyError("a data key has the wrong length");
  return dataKey;
}

/** Opens a sealed value of the same context; a wrong key, record or changed byte throws. */
export function open<T>(v: SealedValue, context: string, keyring: IdentityKeyring): T {
  const dataKey = unwrap(v, context, keyring);
  try {
    return JSON.parse(decrypt(dataKey, v.sealed, context).toString("utf8")) as T;
  } finally {
    dataKey.fill(0);
  }
}

/** The same record with its data key wrapped by the newest key (unchanged when it already is). */
export function rewrap(v: SealedValue, context: string, keyring: IdentityKeyring): SealedValue {
  if (v.keyVersion === keyring.newest) return v;
  const dataKey = unwrap(v, context, keyring);
  try {
    return {
      sealed: v.sealed,
      wrappedKey: encrypt(keyring.keyOf(keyring.newest), dataKey, wrapContext(context, keyring.newest)),
      keyVersion: keyring.newest,
    };
  } finally {
    dataKey.fill(0);
  }
}
