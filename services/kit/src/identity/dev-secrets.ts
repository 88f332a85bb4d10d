import { randomBytes } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { dataDir } from "../paths.js";

/** Secrets a development machine generates once and keeps in the git-ignored data/ folder. */
export interface DevSecrets {
  /** Signs the identity the gateway forwards to subgraphs (only the gateway and subgraphs hold it). */
  identitySecret: string;
  /** Signs development callers' tokens (HS256); production uses its own keys or a JWKS URL. */
  tokenSecret: string;
}

/**
 * Reads data/dev-secrets.json, creating it with fresh random secrets on first use.
 * Never used when NODE_ENV=production: there every secret comes from the environment.
 */
export function devSecrets(): DevSecrets {
  if (process.env.NODE_ENV === "production") {
    throw new Error("development secrets are not available in production: set them in the environment");
  }
  const file = path.join(dataDir(), "dev-secrets.json");
  try {
    return JSON.parse(fs.readFileSync(file, "utf8")) as DevSecrets;
  } catch {
    const secrets: DevSecrets = {
      identitySecret: randomBytes(32).toString("base64url"),
      tokenSecret: randomBytes(32).toString("base64url"),
    };
    fs.mkdirSync(path.dirname(file), { recursive: true });
    try {
      // "wx": if another process created it first, keep theirs.
      fs.writeFileSync(file, JSON.stringify(secrets, null, 2), { mode: 0o600, flag: "wx" });
      return secrets;
    } catch {
      return JSON.parse(fs.readFileSync(file, "utf8")) as DevSecrets;
    }
  }
}
