import { MoreThan, Not, type DataSource } from "typeorm";
import { SealedDenouncerIdentity } from "./denouncer-identity.entity.js";
import { identityContext } from "./denouncer-identities.js";
import { rewrap, type IdentityKeyring } from "./envelope.js";

export interface RotationReport {
  /** Rows whose data key is now wrapped by the newest key. */
  rewrapped: number;
  /** Rows that already were. */
  alreadyNewest: number;
  newest: number;
}

/**
 * Key rotation: re-wraps every identity's data key under the newest key of `keyring` (the
 * identities themselves are not re-encrypted), in batches of `batchSize`, one transaction per
 * batch. A row is updated only if its key version is still the one read, so a run alongside the
 * serving subgraph, or a second run, does no harm; run it again after a failure. Once it reports
 * no row left under an old key, that key can be removed from PETITIONS_IDENTITY_KEYS.
 */
export async function rewrapIdentities(
  ds: DataSource,
  keyring: IdentityKeyring,
  opts: { batchSize?: number } = {},
): Promise<RotationReport> {
  const batchSize = opts.batchSize ?? 500;
  const repo = ds.getRepository(SealedDenouncerIdentity);
  const alreadyNewest = await repo.countBy({ keyVersion: keyring.newest });
  let rewrapped = 0;
  let after = -1;
  for (;;) {
    const rows = await repo.find({
      where: { keyVersion: Not(keyring.newest), petitionId: MoreThan(after) },
      order: { petitionId: "ASC" },
      take: batchSize,
    });
    if (rows.length === 0) break;
    await ds.transaction(async (m) => {
      for (const row of rows) {
        const next = rewrap(row, identityContext(row.petitionId), keyring);
        const result = await m
          .createQueryBuilder()
          .update(SealedDenouncerIdentity)
          .set({ wrappedKey: next.wrappedKey, keyVersion: next.keyVersion })
          .where({ petitionId: row.petitionId, keyVersion: row.keyVersion })
          .execute();
        rewrapped += result.affected ?? 0;
      }
    });
    after = rows[rows.length - 1]!.petitionId;
  }
  return { rewrapped, alreadyNewest, newest: keyring.newest };
}
