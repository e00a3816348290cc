import { join } from 'node:path';
import type { Command } from 'commander';
import { generateSigningKey, networkId } from '../../ledger/index.js';
import { readMembers, writeGenesis, writeKeyPair } from '../key-files.js';
import { countryOption } from '../options.js';

/** `mra-hub keys generate|genesis`: an authority's Ed25519 key pair, and the network's trust root. */
export function registerKeys(program: Command): void {
  const keys = program.command('keys').description('manage authority keys and the genesis trust registry');
  keys
    .command('generate')
    .description('create an Ed25519 key pair for an authority')
    .requiredOption('--country <CC>', 'authority country code, e.g. MX', countryOption)
    .option('--name <name>', 'authority name (default: "Customs <CC>")')
    .option('--dir <dir>', 'keys directory', 'keys')
    .action((options: { country: string; name?: string; dir: string }) => {
      const key = generateSigningKey();
      const paths = writeKeyPair(options.dir, { country: options.country, name: options.name ?? `Customs ${options.country}` }, key);
      console.log(`key ${key.keyId} for ${options.country}\n  private: ${paths.privatePath} (keep it on this node)\n  public:  ${paths.publicPath}`);
    });
  keys
    .command('genesis')
    .description('write the genesis (founding authorities and their public keys) from *.pub.json files')
    .option('--dir <dir>', 'directory with the founders\' *.pub.json', 'keys')
    .option('--name <name>', 'network name', 'mra-network')
    .option('--out <file>', 'genesis file to write', join('data', 'genesis.json'))
    .option('--created-at <iso>', 'creation time (default: now)')
    .action((options: { dir: string; name: string; out: string; createdAt?: string }) => {
      const createdAt = options.createdAt ? new Date(options.createdAt) : new Date();
      const genesis = writeGenesis(options.out, options.name, readMembers(options.dir), createdAt);
      console.log(`genesis ${options.out}: ${genesis.authorities.map((a) => a.country).join(', ')}\n  network ${networkId(genesis)}`);
    });
}
