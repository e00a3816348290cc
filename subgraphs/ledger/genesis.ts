import { z } from 'zod';
import { digestOf } from './canonical.js';
import { LedgerError } from './errors.js';
import { memberSchema, type Member } from './schemas.js';

/**
 * The trust root every replica starts from: the founding authorities and their public keys.
 * Its digest is the network id; it is the `previousHash` of every chain's first entry, so an
 * entry cannot be replayed into another network. Later members and keys arrive as entries.
 */
export interface Genesis {
  readonly name: string;
  readonly createdAt: string;
  readonly authorities: readonly Member[];
}

const genesisSchema = z.strictObject({
  name: z.string().min(1),
  createdAt: z.iso.datetime({ offset: true }),
  authorities: z.array(memberSchema).min(1),
});

/** Builds a genesis document; authorities are sorted so every party computes one network id. */
export function createGenesis(name: string, authorities: readonly Member[], createdAt: Date): Genesis {
  const sorted = [...authorities].sort((a, b) => a.country.localeCompare(b.country));
  return parseGenesis({ name, createdAt: createdAt.toISOString(), authorities: sorted });
}

/** Validates a genesis document read from disk, naming the bad field. */
export function parseGenesis(input: unknown): Genesis {
  const parsed = genesisSchema.safeParse(input);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const where = issue?.path.map(String).join('.') || 'genesis';
    throw new LedgerError('MALFORMED_ENTRY', `invalid genesis: ${where}: ${issue?.message ?? 'invalid'}`);
  }
  const countries = parsed.data.authorities.map((a) => a.country);
  const duplicate = countries.find((c, i) => countries.indexOf(c) !== i);
  if (duplicate) throw new LedgerError('MALFORMED_ENTRY', `invalid genesis: authority ${duplicate} listed twice`);
  return parsed.data;
}

/** The network id: SHA-256 of the genesis document's canonical JSON. */
export function networkId(genesis: Genesis): string {
  return digestOf(genesis);
}
