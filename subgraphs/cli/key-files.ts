import { chmodSync, existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import {
  createGenesis, exportPrivateJwk, importPrivateJwk, parseGenesis, type Genesis, type Member, type PrivateJwk, type SigningKey,
} from '../ledger/index.js';
import { ensureDirectory } from './directories.js';
import { CliError } from './errors.js';
import { pathFailure, readUserFile, writeUserFile } from './user-files.js';

/*
 * Keys directory layout: `<CC>.key.json` (private JWK, mode 0600, never leaves the node) and
 * `<CC>.pub.json` (the member record other authorities pin: country, name, public key).
 */

/** Writes a fresh key pair for an authority; refuses to overwrite an existing private key. */
export function writeKeyPair(dir: string, member: Omit<Member, 'publicKey'>, key: SigningKey): { privatePath: string; publicPath: string } {
  ensureDirectory(dir, '--dir');
  const privatePath = join(dir, `${member.country}.key.json`);
  const publicPath = join(dir, `${member.country}.pub.json`);
  if (existsSync(privatePath)) throw new CliError(`${privatePath} exists; refusing to overwrite a private key`);
  writeFileSync(privatePath, `${JSON.stringify(exportPrivateJwk(key), null, 2)}\n`, { mode: 0o600 });
  chmodSync(privatePath, 0o600);
  writeFileSync(publicPath, `${JSON.stringify({ ...member, publicKey: key.publicKey, keyId: key.keyId }, null, 2)}\n`);
  return { privatePath, publicPath };
}

/** Where the keys directory `dir` keeps `country`'s private key. */
export function keyFilePath(dir: string, country: string): string {
  return join(dir, `${country}.key.json`);
}

/**
 * Loads an authority's private key from the keys directory, naming the file if it is not an
 * Ed25519 private JWK. Whether it is the country's key is for the node to check against its
 * replica (`checkSigningKey`): keys change after the genesis, and members join.
 */
export function readSigningKey(dir: string, country: string): SigningKey {
  const path = keyFilePath(dir, country);
  if (!existsSync(path)) throw new CliError(`no private key for ${country} at ${path}; run \`mra-hub keys generate --country ${country}\``);
  let json: unknown;
  try {
    json = JSON.parse(readFileSync(path, 'utf8'));
  } catch (error) {
    throw new CliError(`${path} is not a key file: ${error instanceof Error ? error.message : String(error)}`);
  }
  try {
    return importPrivateJwk(json as PrivateJwk);
  } catch (error) {
    throw new CliError(`${path} does not hold an Ed25519 private key (JWK): ${error instanceof Error ? error.message : String(error)}`);
  }
}

/** The public member records of every `*.pub.json` in a directory (`keys genesis --dir`). */
export function readMembers(dir: string): Member[] {
  if (!existsSync(dir)) throw new CliError(`keys directory ${dir} does not exist`);
  let files: string[];
  try {
    files = readdirSync(dir);
  } catch (error) {
    throw pathFailure(error, '--dir', dir, 'read the directory');
  }
  return files
    .filter((f) => f.endsWith('.pub.json'))
    .sort()
    .map((f) => {
      const path = join(dir, f);
      const text = readUserFile(path, '--dir');
      try {
        const { country, name, publicKey } = JSON.parse(text) as Member;
        return { country, name, publicKey };
      } catch (error) {
        throw new CliError(`${path} is not a public key file: ${error instanceof Error ? error.message : String(error)}`);
      }
    });
}

/** Writes a genesis document made of the public keys found in `keysDir`. */
export function writeGenesis(path: string, name: string, members: readonly Member[], createdAt: Date): Genesis {
  if (members.length === 0) throw new CliError('no public keys (*.pub.json) to put in the genesis');
  const genesis = createGenesis(name, members, createdAt);
  writeGenesisFile(path, genesis);
  return genesis;
}

/** Writes an existing genesis document to a file. */
export function writeGenesisFile(path: string, genesis: Genesis): void {
  ensureDirectory(dirname(path), 'genesis folder');
  writeUserFile(path, `${JSON.stringify(genesis, null, 2)}\n`, 'genesis file');
}

/** Reads and validates a genesis file. */
export function readGenesis(path: string): Genesis {
  if (!existsSync(path)) throw new CliError(`no genesis file at ${path}`);
  let json: unknown;
  try {
    json = JSON.parse(readFileSync(path, 'utf8'));
  } catch {
    throw new CliError(`${path} is not valid JSON`);
  }
  return parseGenesis(json);
}
