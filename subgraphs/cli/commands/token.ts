import { Option, type Command } from 'commander';
import { CALLER_ROLES, type CallerRole } from '../../ledger/schemas.js';
import { countryOption, positiveInt } from '../options.js';

/** `mra-hub token`: a development bearer token signed with an authority's local key. */
export function registerToken(program: Command): void {
  program
    .command('token')
    .description('mint a bearer token for a customs user, signed with the authority key in --keys (development use)')
    .requiredOption('--country <CC>', 'the caller\'s authority', countryOption)
    .addOption(new Option('--role <role>', 'caller role').choices([...CALLER_ROLES]).default('officer'))
    .option('--subject <id>', 'user id', 'dev-user')
    .option('--keys <dir>', 'keys directory', 'keys')
    .option('--ttl <seconds>', 'lifetime in seconds', positiveInt, 8 * 3600)
    .action(async (options: { country: string; role: CallerRole; subject: string; keys: string; ttl: number }) => {
      const { mintToken } = await import('../../node/index.js');
      const { readSigningKey } = await import('../key-files.js');
      const key = readSigningKey(options.keys, options.country);
      console.log(await mintToken(key, { country: options.country, role: options.role, subject: options.subject }, new Date(), options.ttl));
    });
}
