import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { budget } from '../support/budget.js';
import { eventually } from '../support/eventually.js';
import { spawnCli, stop } from '../support/node-process.js';
import { tempDir } from '../support/temp-dir.js';

describe('cli: mra-hub demo told to stop while it starts', () => {
  const children: Parameters<typeof stop>[0][] = [];
  afterAll(async () => {
    for (const child of children) await stop(child, 'SIGKILL');
  });

  it('regression: SIGINT while seeding stops before the gateway listens, exit 0 (it went on through the walkthrough, printed GraphiQL\'s URL and "Serving", then exited)', async () => {
    const demo = spawnCli(['demo', '--port', '0', '--data', join(tempDir(), 'demo')]);
    children.push(demo.child);
    // The first line comes while seeding, with six grants and their replication still to go.
    await eventually(() => demo.output.some((line) => line.startsWith('• CADENA')), budget(30_000), () => demo.output.join('\n'));
    demo.child.kill('SIGINT');
    expect(await demo.exited).toBe(0);
    const output = demo.output.join('\n');
    expect(output).toMatch(/^mra-hub: SIGINT: closing/m);
    expect(output).not.toMatch(/GraphiQL|Serving|gateway/);
  }, budget(60_000));
});
