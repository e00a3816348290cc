import { rmSync } from 'node:fs';
import { join } from 'node:path';
import type { Command } from 'commander';
import { writeGenesisFile as writeGenesis } from '../key-files.js';
import {
  auditLedger, createGenesis, FileStore, generateSigningKey, InProcessBus, mraView, Replica, Replicator,
  verifyInclusionProof, type Command as LedgerCommand,
} from '../../ledger/index.js';

/** `mra-hub demo`: the embedded default end to end — two authorities, one MRA, replicated and audited. */
export function registerDemo(program: Command): void {
  program
    .command('demo')
    .description('run MX and CR replicas on the embedded bus: sign the CADENA MRA, grant and suspend AEOs, audit')
    .option('--data <dir>', 'data directory (wiped first)', join('data', 'demo'))
    .action(async (options: { data: string }) => runDemo(options.data));
}

async function runDemo(dataDir: string): Promise<void> {
  rmSync(dataDir, { recursive: true, force: true });
  const keys = { MX: generateSigningKey(), CR: generateSigningKey() };
  const genesis = createGenesis('cadena-demo', [
    { country: 'MX', name: 'Servicio de Administración Tributaria', publicKey: keys.MX.publicKey },
    { country: 'CR', name: 'Dirección General de Aduanas', publicKey: keys.CR.publicKey },
  ], new Date());
  writeGenesis(join(dataDir, 'genesis.json'), genesis);
  const bus = new InProcessBus();
  const nodes = await Promise.all((['MX', 'CR'] as const).map(async (country) => {
    const replica = Replica.open({ genesis, store: new FileStore(join(dataDir, country.toLowerCase())), signer: { authority: country, key: keys[country] }, now: () => new Date() });
    const replicator = new Replicator({ replica, log: bus.connect(), name: country, blockMs: 200 });
    await replicator.start();
    return { country, replica, replicator };
  }));
  const [mx, cr] = nodes as [(typeof nodes)[number], (typeof nodes)[number]];
  const settle = () => new Promise((resolve) => setTimeout(resolve, 100));
  const say = (text: string) => console.log(`• ${text}`);

  mx.replica.submit({ kind: 'proposeMra', mraId: 'cadena', name: 'CADENA MX–CR', parties: ['MX', 'CR'], terms: [
    { partner: '*', role: 'officer', fields: ['legalName', 'tradeName', 'roles', 'status', 'validUntil'] },
  ] });
  await settle();
  cr.replica.submit({ kind: 'approveMra', mraId: 'cadena' });
  await settle();
  const cadena = mx.replica.state.mras.cadena;
  say(`MRA cadena is ${cadena ? mraView(cadena).status : 'missing'} at MX after both parties signed`);
  const grant = (country: 'MX' | 'CR', n: number, name: string): LedgerCommand => ({
    kind: 'grantAeo',
    aeo: {
      aeoId: `${country}-AEO-${String(n).padStart(6, '0')}`, legalName: name, tradeName: name.split(' ')[0] ?? name, roles: ['IMPORTER_EXPORTER'],
      validFrom: '2026-01-01', validUntil: '2026-12-31', address: { street: 'Av. Principal 1', city: country === 'MX' ? 'Monterrey' : 'San José', country },
    },
  });
  mx.replica.submit(grant('MX', 1, 'Aceros del Norte S.A. de C.V.'));
  mx.replica.submit(grant('MX', 2, 'Transportes Bajío S.A. de C.V.'));
  cr.replica.submit(grant('CR', 42, 'Café Tarrazú Export S.A.'));
  await settle();
  const suspension = cr.replica.submit({ kind: 'suspendAeo', aeoId: 'CR-AEO-000042', reason: 'failed security audit' });
  const started = performance.now();
  while (mx.replica.state.operators.get('CR-AEO-000042')?.status !== 'SUSPENDED') await new Promise((r) => setTimeout(r, 1));
  say(`CR suspended CR-AEO-000042; MX's own replica shows SUSPENDED after ${(performance.now() - started).toFixed(1)} ms`);
  const proof = mx.replica.inclusionProof('CR', suspension.sequence);
  say(`inclusion proof of the suspension in CR's chain (size ${proof.treeSize}) verifies at MX: ${verifyInclusionProof(suspension, proof)}`);
  const checkpoint = cr.replica.checkpoint();
  mx.replica.verifyCheckpoint(checkpoint);
  say(`CR's signed checkpoint ${checkpoint.rootHash.slice(0, 16)}… verified against MX's replica`);
  for (const node of nodes) await node.replicator.stop();
  for (const node of nodes) node.replica.close();
  for (const node of nodes) {
    const report = auditLedger(genesis, new FileStore(join(dataDir, node.country.toLowerCase()), { readOnly: true }).load());
    say(`audit of ${node.country}'s files: ${report.ok ? 'VERIFIED' : 'FAILED'} — ${report.chains.map((c) => `${c.authority} ${c.verified} entries`).join(', ')}`);
  }
  console.log(`\nData in ${dataDir}/. Audit it yourself: npx mra-hub ledger verify ${join(dataDir, 'mx')} --genesis ${join(dataDir, 'genesis.json')}`);
}
