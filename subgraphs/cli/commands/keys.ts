import { join } from 'node:path';
import type { Command } from 'commander';
import { countryOption, dateOption } from '../options.js';

/** `mra-hub keys generate|genesis`: an authority's Ed25519 key pair, and the network's trust root. */
export function registerKeys(program: Command): void {
  const keys = program.command('keys').description('manage authority keys and the genesis trust registry');
  keys
    .command('generate')
    .description('create an Ed25519 key pair for an authority')
    .requiredOption('--country <CC>', 'authority country code, e.g. MX', countryOption)
    .option('--name <name>', 'authority name (default: "Customs <CC>")')
    .option('--dir <dir>', 'keys directory', 'keys')
    .action(async (options: { country: string; name?: string; dir: string }) => {
      const { generateSigningKey } = await import('../../ledger/index.js');
      const { writeKeyPair } = await import('../key-files.js');
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
    .option('--created-at <iso>', 'creation time, ISO 8601: a date-time, UTC unless it has an offset, or a date (default: now)', dateOption)
    .option('--force', 'replace an existing genesis file (a new network: nodes started with the old one refuse it)')
    .action(async (options: { dir: string; name: string; out: string; createdAt?: Date; force?: boolean }) => {
      const { existsSync } = await import('node:fs');
      const { CliError } = await import('../errors.js');
      if (existsSync(options.out) && !options.force) throw new CliError(`${options.out} exists; refusing to overwrite a genesis (pass --force to start a new network)`);
      const { networkId } = await import('../../ledger/index.js');
      const { readMembers, writeGenesis } = await import('../key-files.js');
      const createdAt = options.createdAt ?? new Date();
      const genesis = writeGenesis(options.out, options.name, readMembers(options.dir), createdAt);
      console.log(`genesis ${options.out}: ${genesis.authorities.map((a) => a.country).join(', ')}\n  network ${networkId(genesis)}`);
    });
}
