import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { importXml } from '../../subgraphs/certificates/index.js';
import { lockDirectory } from '../../subgraphs/ledger/index.js';
import { FileCertificateStore } from '../../subgraphs/node/index.js';
import { tempDir } from '../support/temp-dir.js';

const SAMPLE = importXml(readFileSync(join(import.meta.dirname, '../../subgraphs/certificates/samples/CR-PC-2026-000123.xml'), 'utf8'), 'sample.xml');

describe('node: certificate store', () => {
  it('keeps documents across a restart, one private file each, even for numbers holding a slash', () => {
    const dir = tempDir();
    const slashed = { ...SAMPLE, number: 'CR-PC/2026/7' };
    const data = lockDirectory(dir);
    const store = new FileCertificateStore(data);
    store.put(SAMPLE);
    store.put(slashed);
    const reopened = new FileCertificateStore(data);
    expect(reopened.get(SAMPLE.number)).toEqual(SAMPLE);
    expect(reopened.get('CR-PC/2026/7')).toEqual(slashed);
    const files = readdirSync(join(dir, 'certificates'));
    expect(files.sort()).toEqual(['CR-PC%2F2026%2F7.json', 'CR-PC-2026-000123.json']);
    expect(statSync(join(dir, 'certificates', files[0] ?? '')).mode & 0o777).toBe(0o600);
    data.release();
  });

  it('writes only while its node\'s data directory is held: once the lock is released a put is refused (DATA_DIR_LOCKED) and nothing is written', () => {
    const dir = tempDir();
    const data = lockDirectory(dir);
    const store = new FileCertificateStore(data);
    data.release();
    expect(() => store.put(SAMPLE)).toThrow(expect.objectContaining({
      code: 'DATA_DIR_LOCKED', message: `${dir} is no longer held by this process (it was closed): certificate ${SAMPLE.number} not written`,
    }));
    expect(readdirSync(join(dir, 'certificates'))).toEqual([]);
  });
});
