import { dirname } from 'node:path';
import type { Command } from 'commander';
import { CliError } from '../errors.js';

/** `mra-hub report runs/a runs/b [--out compare.html]`: one page comparing earlier runs. */
export function registerReport(program: Command): void {
  program
    .command('report')
    .description('compare simulator runs side by side (key messages, headline metrics with intervals, provenance)')
    .argument('<runs...>', 'run folders written by mra-hub simulate (each holds metrics.json)')
    .option('--out <file>', 'HTML file to write', 'runs/comparison.html')
    .action(async (dirs: string[], flags: { out: string }) => {
      if (dirs.length < 2) throw new CliError('give at least two run folders to compare');
      const { readRun, renderComparison } = await import('../../../simulator/index.js');
      const { ensureDirectory } = await import('../directories.js');
      const { replaceUserFile } = await import('../user-files.js');
      const runs = dirs.map((dir) => readRun(dir));
      ensureDirectory(dirname(flags.out), '--out');
      replaceUserFile(flags.out, renderComparison(runs), '--out'); // never half a page
      console.log(`compared ${runs.length} runs: ${flags.out}`);
    });
}
