import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { lockDirectory } from '../../subgraphs/ledger/index.js';
import { FilePrivateStore, type PrivateRecord } from '../../subgraphs/node/index.js';
import { tempDir } from '../support/temp-dir.js';

const RECORD: PrivateRecord = {
  taxId: '3-101-000042', contact: { name: 'Ana Mora', email: 'ana@example.cr', phone: '+506 2222 0000' }, riskScore: 12, auditNotes: 'clean audit 2025', salt: 'c2FsdA',
};

describe('node: private store on a held data directory', () => {
  it('keeps records across a reopen, one file each under private/', () => {
    const dir = tempDir();
    const data = lockDirectory(dir);
    new FilePrivateStore(data).put('CR-AEO-000042', RECORD);
    expect(new FilePrivateStore(data).get('CR-AEO-000042')).toEqual(RECORD);
    expect(readdirSync(join(dir, 'private'))).toEqual(['CR-AEO-000042.json']);
    data.release();
  });

  it('writes only while the directory is held: once the lock is released put and delete are refused (DATA_DIR_LOCKED) and the files stay as they were', () => {
    const dir = tempDir();
    const data = lockDirectory(dir);
    const store = new FilePrivateStore(data);
    store.put('CR-AEO-000042', RECORD);
    data.release();
    expect(() => store.put('CR-AEO-000043', RECORD)).toThrow(expect.objectContaining({
      code: 'DATA_DIR_LOCKED', message: `${dir} is no longer held by this process (it was closed): private record CR-AEO-000043 not written`,
    }));
    expect(() => store.delete('CR-AEO-000042')).toThrow(expect.objectContaining({ code: 'DATA_DIR_LOCKED' }));
    expect(readdirSync(join(dir, 'private'))).toEqual(['CR-AEO-000042.json']);
  });
});
