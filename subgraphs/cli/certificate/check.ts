import { readFileSync } from 'node:fs';
import { checkAuthenticity, isCertificateError, readCertificateFile, type AuthenticityReport, type PhytosanitaryCertificate } from '../../certificates/index.js';
import { FileStore, Replica } from '../../ledger/index.js';
import { CliError } from '../errors.js';
import { readGenesis } from '../key-files.js';
import { findLedgerDir, genesisPathFor } from '../ledger/ledger-dir.js';

/** Reads a certificate file; a refused document is a one-line CliError naming file, line, path and reason. */
export function readDocument(file: string): { certificate: PhytosanitaryCertificate; text: string } {
  try {
    return { certificate: readCertificateFile(file).certificate, text: readFileSync(file, 'utf8') };
  } catch (error) {
    if (isCertificateError(error)) throw new CliError(`${error.code}: ${error.message}`);
    throw error;
  }
}

/**
 * Checks a copy against a node's data directory or the ledger directory in it, found as `ledger
 * verify` finds it, every entry re-verified. A path that holds no ledger is the user's mistake
 * (one line naming --ledger), never a ledger without the certificate: that verdict is UNKNOWN.
 */
export function checkAgainstLedger(certificate: PhytosanitaryCertificate, dir: string, genesisFile?: string): AuthenticityReport {
  let ledgerDir: string;
  let genesisPath: string;
  try {
    ledgerDir = findLedgerDir(dir);
    genesisPath = genesisPathFor(dir, ledgerDir, genesisFile);
  } catch (error) {
    throw error instanceof CliError ? new CliError(`--ledger ${error.message}`) : error;
  }
  const replica = Replica.open({ genesis: readGenesis(genesisPath), store: new FileStore(ledgerDir, { readOnly: true }), now: () => new Date() });
  try {
    return checkAuthenticity(certificate, replica.state);
  } finally {
    replica.close();
  }
}

const CHECK = 'query($d: String!) { certificateCheck(document: $d) { number digest authenticity status valid exporter importer replacedBy } }';

/** Asks a node (anonymously: an authenticity check needs no credentials) to check a copy. */
export async function checkAtNode(text: string, url: string): Promise<AuthenticityReport> {
  let body: { data?: { certificateCheck?: Omit<AuthenticityReport, 'issuedAt' | 'reason'> } | null; errors?: { message: string }[] };
  try {
    const response = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query: CHECK, variables: { d: text } }) });
    body = (await response.json()) as typeof body;
  } catch (error) {
    throw new CliError(`node ${url} did not answer: ${error instanceof Error ? error.message : 'unreachable'}`);
  }
  const report = body.data?.certificateCheck;
  if (!report) throw new CliError(`node ${url} refused the check: ${body.errors?.[0]?.message ?? 'no answer'}`);
  return { ...report, issuedAt: null, reason: null };
}

/** One line a customs officer can act on, and whether the copy may be relied on. */
export function describeReport(r: AuthenticityReport): string {
  switch (r.authenticity) {
    case 'UNKNOWN':
      return `UNKNOWN  ${r.number}: no issuer has recorded this certificate on the ledger (digest ${r.digest.slice(0, 16)}…)`;
    case 'ALTERED':
      return `ALTERED  ${r.number}: this copy does not match the digest ${r.exporter ?? '?'} recorded; it was changed after issue (status on the ledger: ${r.status ?? '?'})`;
    case 'GENUINE': {
      const parties = `issued by ${r.exporter ?? '?'} to ${r.importer ?? '?'}`;
      if (r.status === 'WITHDRAWN') return `WITHDRAWN  ${r.number}: genuine copy, ${parties}, but withdrawn by its issuer${r.reason ? `: ${r.reason}` : ''}`;
      if (r.status === 'REPLACED') return `REPLACED  ${r.number}: genuine copy, ${parties}, but replaced by ${r.replacedBy ?? '?'}`;
      return `GENUINE  ${r.number}: matches the ledger entry, ${parties}; status ${r.status ?? '?'}`;
    }
    default: {
      const unreachable: never = r.authenticity;
      return unreachable;
    }
  }
}
