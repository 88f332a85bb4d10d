import { hkdfSync } from "node:crypto";
import { z } from "zod";
import { ConfigError } from "@danvan/kit";
import { devSecrets } from "@danvan/kit/identity";
import { IdentityKeyError, IdentityKeyring, type KeyEncryptionKey } from "./envelope.js";

/**
 * The key-encryption keys of the denouncers' identities, from `PETITIONS_IDENTITY_KEYS`:
 * `<version>:<32 bytes in base64>`, comma-separated (`2:…,1:…`). The highest version wraps every
 * new identity; every listed version unwraps, so an old key stays listed until
 * `node services/petitions/dist/src/confidential/rotate-keys.main.js` has re-wrapped its records
 * (rotate-keys.ts).
 *
 * Production demands it: the subgraph, its seed and its migrations stop with a message naming the
 * variable. Outside production, without it, one development key is derived from the generated
 * development secrets in data/ (data/dev-secrets.json), the way the other development secrets
 * are made, so every process of one machine (subgraph, seed, tests) shares it.
 */
export const identityKeySettings = z.object({
  PETITIONS_IDENTITY_KEYS: z.string().optional(),
});

export const IDENTITY_KEYS_VARIABLE = "PETITIONS_IDENTITY_KEYS";

const ENTRY = /^(\d{1,6}):([A-Za-z0-9+/_-]+={0,2})$/;

/** Parses the variable's value; each problem names the entry's position, never its bytes. */
export function parseIdentityKeys(value: string): KeyEncryptionKey[] {
  const entries = value
    .split(",")
    .map((e) => e.trim())
    .filter(Boolean);
  if (entries.length === 0) throw new IdentityKeyError("lists no key");
  return entries.map((entry, i) => {
    const m = ENTRY.exec(entry);
    if (!m) throw new IdentityKeyError(`entry ${i + 1} is not <version>:<base64 key>`);
    const key = Buffer.from(m[2]!.replace(/-/g, "+").replace(/_/g, "/"), "base64");
    if (key.length !== 32) throw new IdentityKeyError(`entry ${i + 1} is not 32 bytes (openssl rand -base64 32)`);
    return { version: Number(m[1]), key };
  });
}

/** The development key: derived from the machine's generated development secret, version 1. */
export function developmentIdentityKey(): KeyEncryptionKey {
  const secret = devSecrets().identitySecret;
  const key = Buffer.from(hkdfSync("sha256", secret, "danvan-petitions", "denouncer-identity-key-v1", 32));
  return { version: 1, key };
}

/** A keyring from an environment, or a ConfigError naming PETITIONS_IDENTITY_KEYS. */
export function identityKeyringFrom(env: NodeJS.ProcessEnv): IdentityKeyring {
  const { PETITIONS_IDENTITY_KEYS: value } = identityKeySettings.parse(env);
  const fail = (problem: string): never => {
    throw new ConfigError("petitions", [`${IDENTITY_KEYS_VARIABLE}: ${problem}`]);
  };
  if (!value?.trim()) {
    if (env.NODE_ENV === "production") {
      return fail(
        "is required in production: the keys that encrypt denouncers' identities, as <version>:<base64 of 32 bytes>, comma-separated, the highest version encrypting (see .env.example)",
      );
    }
    return new IdentityKeyring([developmentIdentityKey()]);
  }
  try {
    return new IdentityKeyring(parseIdentityKeys(value));
  } catch (err) {
    return fail(err instanceof IdentityKeyError ? err.message : "is malformed");
  }
}

let shared: IdentityKeyring | undefined;

/** The process's keyring, read from its environment on first use (main.ts reads it at start-up). */
export function identityKeys(): IdentityKeyring {
  return (shared ??= identityKeyringFrom(process.env));
}
