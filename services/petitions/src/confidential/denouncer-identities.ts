import type { EntityManager } from "typeorm";
import { DenouncerIdentity, SealedDenouncerIdentity } from "./denouncer-identity.entity.js";
import { open, seal, type IdentityKeyring } from "./envelope.js";
import { identityKeys } from "./identity-keys.js";
import { screenDenouncer } from "./screening.js";

/** What is sealed: the identity less its petition (which is the sealed value's context). */
type IdentityFacts = Pick<DenouncerIdentity, "fullName" | "address" | "phone" | "idNumber">;

/** The context a petition's identity is sealed under: it opens on that petition's row only. */
export const identityContext = (petitionId: number) => `petitions/denouncer_identity/${petitionId}`;

/** The row to store for an identity: sealed under a fresh data key wrapped by the newest key. */
export function sealIdentity(
  identity: IdentityFacts & { petitionId: number },
  keyring: IdentityKeyring = identityKeys(),
): SealedDenouncerIdentity {
  const facts: IdentityFacts = {
    fullName: identity.fullName,
    address: identity.address ?? null,
    phone: identity.phone ?? null,
    idNumber: identity.idNumber ?? null,
  };
  return Object.assign(new SealedDenouncerIdentity(), {
    petitionId: identity.petitionId,
    ...seal(facts, identityContext(identity.petitionId), keyring),
  });
}

/** A stored row opened; throws IdentityKeyError when no listed key opens it. */
export function openIdentity(
  row: SealedDenouncerIdentity,
  keyring: IdentityKeyring = identityKeys(),
): DenouncerIdentity {
  const facts = open<IdentityFacts>(row, identityContext(row.petitionId), keyring);
  return Object.assign(new DenouncerIdentity(), { petitionId: row.petitionId, ...facts });
}

/** The petition's denouncer, decrypted, or null when it has none (one statement). */
export async function identityOf(m: EntityManager, petitionId: number): Promise<DenouncerIdentity | null> {
  const row = await m.findOneBy(SealedDenouncerIdentity, { petitionId });
  return row ? openIdentity(row) : null;
}

/**
 * A free text about a petition (a step's note) as others may read it: each mention of the
 * petition's denouncer replaced (screening.ts). Reads the identity only when there is a text.
 */
export async function screenedForPetition(
  m: EntityManager,
  petitionId: number,
  text: string | null | undefined,
): Promise<string | null> {
  if (text == null) return null;
  const identity = await identityOf(m, petitionId);
  return identity ? screenDenouncer(text, identity).text : text;
}
