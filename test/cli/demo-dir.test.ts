import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DEMO_MARKER, prepareDemoDir } from '../../subgraphs/cli/demo/demo-dir.js';
import { HOLDER_FILE, LOCK_FILE, lockDirectory } from '../../subgraphs/ledger/index.js';
import { runCli } from '../support/run-cli.js';
import { tempDir } from '../support/temp-dir.js';

/** Prepares `dir` as a demo does, under the data directory lock, released at once. */
const prepare = (dir: string, isDefault: boolean) => prepareDemoDir(dir, isDefault, lockDirectory).release();
/** What `dir` holds besides the lock's own files. */
const names = (dir: string) => readdirSync(dir).filter((name) => name !== LOCK_FILE && name !== HOLDER_FILE);

describe('cli: the demo wipes its --data directory only when an earlier demo made it', () => {
  it('a new directory is created, an empty one kept; both are marked as the demo\'s', () => {
    const fresh = join(tempDir(), 'new', 'demo');
    prepare(fresh, false);
    expect(names(fresh)).toEqual([DEMO_MARKER]);
    const empty = tempDir();
    prepare(empty, false);
    expect(names(empty)).toEqual([DEMO_MARKER]);
  });

  it('a directory holding the marker is emptied of what the last demo left', () => {
    const dir = tempDir();
    prepare(dir, false);
    mkdirSync(join(dir, 'mx', 'ledger'), { recursive: true });
    writeFileSync(join(dir, 'genesis.json'), '{}');
    prepare(dir, false);
    expect(names(dir)).toEqual([DEMO_MARKER]);
  });

  it('regression: a directory with other files and no marker is refused, untouched (it was deleted, whole: `--data .` wiped the current directory)', () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'thesis.tex'), 'keep me');
    expect(() => prepare(dir, false)).toThrow(`--data ${dir}: holds files the demo did not write (no ${DEMO_MARKER} in it); refusing to wipe it: name a new or empty directory`);
    expect(readdirSync(dir)).toEqual(['thesis.tex']);
    const file = join(dir, 'thesis.tex');
    expect(() => prepare(file, false)).toThrow(/--data .*thesis\.tex: cannot read the directory \(a file is in the way: ENOTDIR\)/);
    expect(readFileSync(file, 'utf8')).toBe('keep me');
  });

  it('the default data/demo an earlier version left (no marker; a genesis and the nodes\' folders) is taken as the demo\'s; the same named with --data, or with other files, is not', () => {
    const earlier = () => {
      const dir = tempDir();
      for (const node of ['mx', 'cr', 'pe']) mkdirSync(join(dir, node, 'ledger'), { recursive: true });
      writeFileSync(join(dir, 'genesis.json'), '{}');
      return dir;
    };
    const byDefault = earlier();
    prepare(byDefault, true);
    expect(names(byDefault)).toEqual([DEMO_MARKER]);
    const named = earlier();
    expect(() => prepare(named, false)).toThrow(/refusing to wipe it/);
    const withMore = earlier();
    writeFileSync(join(withMore, 'notes.txt'), 'mine');
    expect(() => prepare(withMore, true)).toThrow(/refusing to wipe it/);
    expect(readdirSync(withMore).sort()).toEqual(['cr', 'genesis.json', 'mx', 'notes.txt', 'pe']);
  });

  it('regression: mra-hub demo --data . in a folder of the user\'s is one line, exit 2, and deletes nothing', () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'notes.txt'), 'mine');
    mkdirSync(join(dir, 'src'));
    const result = runCli(['demo', '--once', '--port', '0', '--data', '.'], { cwd: dir });
    expect(result.stderr).toBe(`mra-hub: --data .: holds files the demo did not write (no ${DEMO_MARKER} in it); refusing to wipe it: name a new or empty directory\n`);
    expect(result.status).toBe(2);
    expect(result.stdout).toBe('');
    expect(readdirSync(dir).sort()).toEqual(['notes.txt', 'src']);
    expect(existsSync(join(dir, DEMO_MARKER))).toBe(false);
  });
});
