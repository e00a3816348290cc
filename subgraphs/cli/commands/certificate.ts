import { Option, type Command } from 'commander';
import { httpUrlOption } from '../options.js';

interface VerifyOptions { ledger?: string; genesis?: string; node?: string; json?: boolean }

/**
 * `mra-hub certificate`: check a copy's authenticity (`verify`), convert between ePhyto XML and
 * JSON (`convert`), and issue or fetch certificates at a node (`issue`, `export`).
 */
export function registerCertificate(program: Command): void {
  const certificate = program.command('certificate').description('G2G phytosanitary certificates (ePhyto XML or JSON)');
  certificate
    .command('verify')
    .description('does this copy match its issuer\'s ledger entry, and what is its status? exit 0 only for a genuine copy in force')
    .argument('<file>', 'certificate, ePhyto XML or JSON')
    .option('--ledger <dir>', 'check against a node\'s data directory (as given to `mra-hub node --data`) or the ledger directory inside it, re-verified from its genesis, read-only')
    .option('--genesis <file>', 'genesis to trust (default: genesis.json in the node\'s data directory, else in the ledger directory)')
    .option('--node <url>', 'ask a node\'s certificateCheck instead, e.g. http://127.0.0.1:4001/graphql', httpUrlOption)
    .option('--json', 'print the report as JSON')
    .action(async (file: string, options: VerifyOptions) => {
      const { checkAgainstLedger, checkAtNode, describeReport, readDocument } = await import('../certificate/index.js');
      const { CliError } = await import('../errors.js');
      if (!options.ledger === !options.node) throw new CliError('give exactly one of --ledger <dir> or --node <url>');
      const { certificate: document, text } = readDocument(file);
      const report = options.ledger ? checkAgainstLedger(document, options.ledger, options.genesis) : await checkAtNode(text, options.node as string);
      console.log(options.json ? JSON.stringify(report, null, 2) : describeReport(report));
      if (!report.valid) process.exitCode = 1;
    });
  certificate
    .command('convert')
    .description('validate a certificate and write it as ePhyto XML or JSON')
    .argument('<file>', 'certificate, ePhyto XML or JSON')
    .addOption(new Option('--to <format>', 'output format').choices(['xml', 'json']).makeOptionMandatory())
    .option('--out <file>', 'write here instead of standard output')
    .action(async (file: string, options: { to: 'xml' | 'json'; out?: string }) => {
      const { exportJson, exportXml } = await import('../../certificates/index.js');
      const { readDocument } = await import('../certificate/index.js');
      const { writeUserFile } = await import('../user-files.js');
      const { certificate: document } = readDocument(file);
      const output = options.to === 'xml' ? exportXml(document) : exportJson(document);
      if (options.out) writeUserFile(options.out, output, '--out');
      else process.stdout.write(output);
    });
  certificate
    .command('issue')
    .description('issue a certificate at this authority\'s node (the node keeps the document; the ledger gets its digest)')
    .argument('<file>', 'certificate, ePhyto XML or JSON')
    .requiredOption('--node <url>', 'the issuing authority\'s node', httpUrlOption)
    .requiredOption('--token-file <file>', 'an officer\'s token of the issuing authority (mra-hub token)')
    .action(async (file: string, options: { node: string; tokenFile: string }) => {
      const { readDocument } = await import('../certificate/index.js');
      const { text } = readDocument(file);
      const data = await callNode(options.node, options.tokenFile, 'mutation($d: String!) { issueCertificate(document: $d) { number exporter importer status digest } }', { d: text });
      console.log(JSON.stringify(data.issueCertificate, null, 2));
    });
  certificate
    .command('export')
    .description('fetch a certificate\'s document from a node that holds it (exporter and importer only)')
    .argument('<number>', 'certificate number')
    .requiredOption('--node <url>', 'the issuer\'s node, or the importer\'s once received', httpUrlOption)
    .requiredOption('--token-file <file>', 'a token of the exporting or importing authority')
    .addOption(new Option('--format <format>', 'output format').choices(['xml', 'json']).default('xml'))
    .action(async (number: string, options: { node: string; tokenFile: string; format: 'xml' | 'json' }) => {
      const query = 'query($n: String!, $f: CertificateFormat!) { certificate(number: $n) { document(format: $f) } }';
      const data = await callNode(options.node, options.tokenFile, query, { n: number, f: options.format.toUpperCase() });
      process.stdout.write((data.certificate as { document: string }).document);
    });
}

async function callNode(url: string, tokenFile: string, query: string, variables: Record<string, unknown>): Promise<Record<string, unknown>> {
  const { CliError } = await import('../errors.js');
  const { readUserFile } = await import('../user-files.js');
  const token = readUserFile(tokenFile, '--token-file').trim();
  let body: { data?: Record<string, unknown> | null; errors?: { message: string; extensions?: { code?: string } }[] };
  try {
    const response = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` }, body: JSON.stringify({ query, variables }) });
    body = (await response.json()) as typeof body;
  } catch (error) {
    throw new CliError(`node ${url} did not answer: ${error instanceof Error ? error.message : 'unreachable'}`);
  }
  const first = body.errors?.[0];
  if (first || !body.data) throw new CliError(`${first?.extensions?.code ?? 'ERROR'}: ${first?.message ?? 'no data'}`);
  return body.data;
}
