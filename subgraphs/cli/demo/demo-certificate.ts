import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse, type ExecutionResult } from 'graphql';
import { nodeClient, type RunningGateway } from '../../../gateway/index.js';
import { packageRoot } from '../../config/package-root.js';
import type { DemoNetwork } from './demo-network.js';

/** The pineapple consignment CR's plant protection certifies for MX (a shipped sample file). */
export const DEMO_CERTIFICATE = 'CR-PC-2026-000123';
/** Its ePhyto XML, shipped with the package. */
export const DEMO_SAMPLE = join(packageRoot(import.meta.dirname), 'subgraphs', 'certificates', 'samples', `${DEMO_CERTIFICATE}.xml`);

type Answer = ExecutionResult;
const codeOf = (a: Answer) => String(a.errors?.[0]?.extensions.code ?? 'no error');

/**
 * CR's officer issues the certificate at CR's node (its ePhyto XML): the digest goes on the
 * ledger, the document stays at CR. Waits until MX's replica holds the issue entry.
 */
export async function issueDemoCertificate(net: DemoNetwork): Promise<string> {
  const client = nodeClient('CR', net.nodes.CR.server.url);
  const answer: Answer = await client.query({ document: parse('mutation($d: String!) { issueCertificate(document: $d) { number status importer digest } }'), variables: { d: readFileSync(DEMO_SAMPLE, 'utf8') } }, `Bearer ${await net.token('CR', 'officer')}`);
  if (answer.errors?.length) throw new Error(`demo: CR could not issue ${DEMO_CERTIFICATE}: ${answer.errors.map((e) => e.message).join('; ')}`);
  await net.until('MX', (r) => Boolean(r.state.certificates.get(DEMO_CERTIFICATE)?.issued), `${DEMO_CERTIFICATE} reaching MX's ledger`);
  const digest = (answer.data as { issueCertificate?: { digest?: string } } | undefined)?.issueCertificate?.digest ?? '?';
  return `CR's plant protection issues ${DEMO_CERTIFICATE} (pineapples, ePhyto XML) for MX: on every ledger only its number, importer, status and digest ${digest.slice(0, 12)}…; the document stays at CR's node`;
}

/**
 * MX's officer reads it through MX's gateway (MX's node fetches it from CR's with MX's own key and
 * checks the digest); PE's officer, named on nothing, is refused at CR's node and at its own.
 */
export async function readDemoCertificate(net: DemoNetwork, gateway: RunningGateway, officer: string): Promise<string[]> {
  const query = parse(`{ certificate(number: "${DEMO_CERTIFICATE}") { status exporter importer document(format: JSON) } }`);
  const seen: Answer = await nodeClient('MX', gateway.url).query({ document: query }, `Bearer ${officer}`);
  const certificate = (seen.data as { certificate?: { status: string; document: string } | null } | undefined)?.certificate;
  if (!certificate) throw new Error(`demo: MX's officer could not read ${DEMO_CERTIFICATE}: ${codeOf(seen)} ${seen.errors?.[0]?.message ?? ''}`);
  const document = JSON.parse(certificate.document) as { consignor: { name: string }; commodities: { description: string; quantity: number; unit: string }[]; pointOfEntry: string };
  const line = document.commodities[0];
  const pe = `Bearer ${await net.token('PE', 'officer')}`;
  const atCr: Answer = await nodeClient('CR', net.nodes.CR.server.url).query({ document: query }, pe);
  const atPe: Answer = await nodeClient('PE', net.nodes.PE.server.url).query({ document: query }, pe);
  return [
    `an MX officer reads ${DEMO_CERTIFICATE} through MX's gateway: status ${certificate.status}, ${line?.description ?? '?'}, ${line?.quantity.toLocaleString('en-US') ?? '?'} ${line?.unit ?? ''} from ${document.consignor.name}, entry at ${document.pointOfEntry} (fetched from CR's node with MX's key, digest checked)`,
    `a PE officer (a third authority) asks for ${DEMO_CERTIFICATE}: ${codeOf(atCr)} at CR's node, ${codeOf(atPe)} at PE's own node`,
  ];
}
