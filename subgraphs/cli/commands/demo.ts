import { join } from 'node:path';
import type { Command } from 'commander';
import { portOption } from '../options.js';

/** `mra-hub demo` (`npm start`): the embedded default end to end. */
export function registerDemo(program: Command): void {
  program
    .command('demo')
    .description('MX and CR nodes on the embedded bus, the CADENA MRA signed, seeded AEOs and MX\'s gateway with GraphiQL')
    .option('--data <dir>', 'data directory: new, empty, or made by an earlier demo (wiped first; any other is refused)', join('data', 'demo'))
    .option('--port <n>', 'gateway port; the MX, CR and PE nodes take the next three (0: any free ports)', portOption, 4000)
    .option('--once', 'run the walkthrough and exit instead of serving', false)
    .action(async (options: { data: string; port: number; once: boolean }, command: Command) => {
      const { runDemo } = await import('../demo/index.js');
      await runDemo({ ...options, defaultData: command.getOptionValueSource('data') === 'default' });
    });
}
