import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { importXml } from '../../subgraphs/certificates/index.js';
import { FileCertificateStore } from '../../subgraphs/node/index.js';
import { tempDir } from '../support/temp-dir.js';

const SAMPLE = importXml(readFileSync(join(import.meta.dirname, '../../subgraphs/certificates/samples/CR-PC-2026-000123.xml'), 'utf8'), 'sample.xml');

describe('node: certificate store', () => {
  it('keeps documents across a restart, one private file each, even for numbers holding a slash', () => {
    const dir = tempDir();
    const slashed = { ...SAMPLE, number: 'CR-PC/2026/7' };
    const store = new FileCertificateStore(dir);
    store.put(SAMPLE);
    store.put(slashed);
    const reopened = new FileCertificateStore(dir);
    expect(reopened.get(SAMPLE.number)).toEqual(SAMPLE);
    expect(reopened.get('CR-PC/2026/7')).toEqual(slashed);
    const files = readdirSync(join(dir, 'certificates'));
    expect(files.sort()).toEqual(['CR-PC%2F2026%2F7.json', 'CR-PC-2026-000123.json']);
    expect(statSync(join(dir, 'certificates', files[0] ?? '')).mode & 0o777).toBe(0o600);
  });
});
