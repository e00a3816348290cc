/** The CLI's reusable parts (the executable itself is main.ts, run by mra-hub.mjs). */
export { registerCommands } from './commands/index.js';
export { CliError } from './errors.js';
export { readGenesis, readMembers, readSigningKey, writeGenesis, writeKeyPair } from './key-files.js';
