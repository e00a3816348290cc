import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freePort } from '../support/node-process.js';
import { startNodeProcess, writeNetwork, type NodeProcess } from '../support/node-network.js';
import { runCli } from '../support/run-cli.js';
import { tempDir } from '../support/temp-dir.js';

type Result = ReturnType<typeof runCli>;

const SAMPLE = join(import.meta.dirname, '..', '..', 'subgraphs', 'certificates', 'samples', 'CR-PC-2026-000123.xml');

/** A user's mistake: one `mra-hub: …` line on stderr, exit 2, never a stack. */
function expectUserError(result: Result, message: RegExp): void {
  expect(result.stderr).toMatch(/^mra-hub: [^\n]+\n$/);
  expect(result.stderr).toMatch(message);
  expect(result.status).toBe(2);
}

/** A usage mistake commander refuses: its one `error: …` line on stderr, nothing on stdout, exit 2. */
function expectUsageError(result: Result, message: RegExp): void {
  expect(result.stderr).toMatch(/^error: [^\n]+\n$/);
  expect(result.stderr).toMatch(message);
  expect(result.stdout).toBe('');
  expect(result.status).toBe(2);
}

/** A bad option value, refused by the option parser as 0 and abc already were: it names the option. */
function expectBadOption(result: Result, option: string): void {
  expectUsageError(result, new RegExp(`^error: option '${option}[^\\n]*is invalid`));
}

describe('cli: a user\'s mistake is one line and exit 2, not a Node.js stack', () => {
  let node: NodeProcess | undefined;
  let down = '';
  beforeAll(async () => {
    const dir = tempDir();
    node = await startNodeProcess(writeNetwork(dir, ['MX', 'CR']), dir, 'MX', []);
    down = `http://127.0.0.1:${await freePort()}/graphql`;
  });
  afterAll(async () => {
    await node?.stop('SIGKILL');
  });

  it('regression: ledger prove against a node that is down, for a size beyond the chain, or a chain not in the network (PeerError stacks)', () => {
    expectUserError(runCli(['ledger', 'prove', '--node', down, '--country', 'MX', '--from', '1']), /^mra-hub: PEER_UNAVAILABLE: http:\/\/127\.0\.0\.1:\d+\/graphql: /);
    expectUserError(runCli(['ledger', 'prove', '--node', node?.url as string, '--country', 'MX', '--from', '99']), /^mra-hub: \w+: /);
    expectUserError(runCli(['ledger', 'prove', '--node', node?.url as string, '--country', 'BR', '--from', '1']), /^mra-hub: \w+: /);
  });

  it('regression: ledger prove --from 0 and --node notaurl are refused before asking', () => {
    expectUserError(runCli(['ledger', 'prove', '--node', down, '--country', 'MX', '--from', '0']), /--from 0: a tree size starts at 1/);
    expectBadOption(runCli(['ledger', 'prove', '--node', 'notaurl', '--country', 'MX', '--from', '1']), '--node');
  });

  it('regression: ledger prove --save into a missing folder is refused before proving (it printed CONSISTENT, then an ENOENT stack)', () => {
    const result = runCli(['ledger', 'prove', '--node', down, '--country', 'MX', '--from', '1', '--save', '/nonexistent/dir/x.json']);
    expectUserError(result, /--save \/nonexistent\/dir\/x\.json: \/nonexistent\/dir is not a directory/);
    expect(result.stdout).toBe('');
  });

  it('regression: node --port 99999 (a RangeError stack) is refused like 0 and abc', () => {
    expectBadOption(runCli(['node', '--country', 'MX', '--data', tempDir(), '--port', '99999']), '--port');
  });

  it('regression: node --recover-from notaurl is refused as the option it is (it asked the "peer" first: a replication warning, then the error)', () => {
    const dir = tempDir();
    const net = writeNetwork(dir, ['MX']);
    const result = runCli(['node', '--country', 'MX', '--data', join(dir, 'MX'), '--keys', net.keys, '--genesis', net.genesisPath, '--port', '46997', '--recover-from', 'notaurl']);
    expectBadOption(result, '--recover-from');
  });

  it('regression: node --data and keys generate --dir through or onto a file (ENOTDIR, EEXIST stacks)', () => {
    const dir = tempDir();
    const net = writeNetwork(dir, ['MX']);
    const file = join(dir, 'afile');
    writeFileSync(file, 'x');
    const nodeResult = runCli(['node', '--country', 'MX', '--data', join(file, 'sub'), '--keys', net.keys, '--genesis', net.genesisPath, '--port', '46998']);
    expectUserError(nodeResult, /--data .*afile\/sub: cannot create the directory \(a file is in the way: ENOTDIR\)/);
    expectUserError(runCli(['keys', 'generate', '--country', 'MX', '--dir', file]), /--dir .*afile: cannot create the directory \(a file is in the way: EEXIST\)/);
  });

  it('regression: keys genesis --created-at notadate (a RangeError stack)', () => {
    const dir = tempDir();
    writeNetwork(dir, ['MX']);
    expectBadOption(runCli(['keys', 'genesis', '--dir', join(dir, 'keys'), '--out', join(dir, 'g.json'), '--created-at', 'notadate']), '--created-at');
  });

  it('regression: keys genesis with --dir a file, a *.pub.json that is not JSON, or --out a directory (ENOTDIR, SyntaxError, EISDIR stacks)', () => {
    const dir = tempDir();
    const net = writeNetwork(dir, ['MX']);
    const genesis = (keys: string, out: string) => runCli(['keys', 'genesis', '--dir', keys, '--out', out, '--force']);
    expectUserError(genesis(net.genesisPath, join(dir, 'g.json')), /^mra-hub: --dir .*: cannot read the directory \(a file is in the way: ENOTDIR\)\n/);
    expectUserError(genesis(net.keys, dir), /^mra-hub: genesis file .*: cannot write the file \(it is a directory: EISDIR\)\n/);
    writeFileSync(join(net.keys, 'CR.pub.json'), 'not json');
    expectUserError(genesis(net.keys, join(dir, 'g.json')), /^mra-hub: .*\/CR\.pub\.json is not a public key file: /);
  });

  it('regression: keys genesis --created-at takes ISO 8601 only, as a node\'s issuedFrom does (new Date() took 1 for 2001, and an impossible day for the next)', () => {
    const dir = tempDir();
    writeNetwork(dir, ['MX']);
    for (const value of ['1', '2026', 'Jan 1 2026', '2026-01-01 00:00:00', '2026-02-30', '2026-01-01T24:00:00Z', '2026-01-01T00:00:00+0600']) {
      const result = runCli(['keys', 'genesis', '--dir', join(dir, 'keys'), '--out', join(dir, 'g.json'), '--created-at', value]);
      expectBadOption(result, '--created-at');
      expect(result.stderr, value).toMatch(/expected an ISO date \(2026-12-06\) or date-time \(2026-12-06T03:20:00Z, 2026-12-05T21:20:00-06:00\)/);
    }
  });

  for (const stack of ['apollo', 'mercurius'] as const) {
    it(`regression: node --host with a name that does not resolve, on ${stack} (a getaddrinfo ENOTFOUND stack, exit 1)`, async () => {
      const dir = tempDir();
      const net = writeNetwork(dir, ['MX']);
      const port = await freePort();
      const result = runCli(['node', '--country', 'MX', '--data', join(dir, 'MX'), '--keys', net.keys, '--genesis', net.genesisPath, '--host', 'no-such-host.invalid', '--port', String(port), '--server', stack]);
      expectUserError(result, new RegExp(`^mra-hub: cannot listen on no-such-host\\.invalid:${port}: (ENOTFOUND|EAI_AGAIN)\n`));
    });
  }

  it('regression: certificate issue and export with a --token-file that is missing or a directory (ENOENT, EISDIR stacks)', () => {
    const dir = tempDir();
    expectUserError(runCli(['certificate', 'issue', SAMPLE, '--node', down, '--token-file', join(dir, 'missing')]), /^mra-hub: --token-file .*\/missing: cannot read the file \(no such file or directory: ENOENT\)\n/);
    expectUserError(runCli(['certificate', 'export', 'CR-PC-2026-000123', '--node', down, '--token-file', dir]), /^mra-hub: --token-file .*: cannot read the file \(it is a directory: EISDIR\)\n/);
  });

  it('regression: certificate verify, issue and export --node notaurl are refused by the option parser, as ledger prove --node is (each asked fetch: "did not answer: Failed to parse URL")', () => {
    const token = join(tempDir(), 'officer.token');
    writeFileSync(token, 'x.y.z\n');
    expectBadOption(runCli(['certificate', 'verify', SAMPLE, '--node', 'notaurl']), '--node');
    expectBadOption(runCli(['certificate', 'issue', SAMPLE, '--node', 'notaurl', '--token-file', token]), '--node');
    expectBadOption(runCli(['certificate', 'export', 'CR-PC-2026-000123', '--node', 'ftp://127.0.0.1/graphql', '--token-file', token]), '--node');
  });

  it('regression: certificate convert --out into a missing folder, through a file or onto a directory (ENOENT, ENOTDIR, EISDIR stacks)', () => {
    const dir = tempDir();
    const file = join(dir, 'afile');
    writeFileSync(file, 'x');
    const convert = (out: string) => runCli(['certificate', 'convert', SAMPLE, '--to', 'json', '--out', out]);
    expectUserError(convert(join(dir, 'missing', 'c.json')), /^mra-hub: --out .*\/missing\/c\.json: cannot write the file \(no such file or directory: ENOENT\)\n/);
    expectUserError(convert(join(file, 'c.json')), /^mra-hub: --out .*\/afile\/c\.json: cannot write the file \(a file is in the way: ENOTDIR\)\n/);
    expectUserError(convert(dir), /^mra-hub: --out .*: cannot write the file \(it is a directory: EISDIR\)\n/);
  });

  it('regression: report --out through a file or onto a directory (EEXIST, EISDIR stacks; the latter left its temporary file behind)', () => {
    const dir = tempDir();
    const run = join(dir, 'run');
    expect(runCli(['simulate', 'cadena-mx-cr', '--set', 'days=5', '--seeds', '1', '--workers', '1', '--out', run]).status).toBe(0);
    const file = join(dir, 'afile');
    writeFileSync(file, 'x');
    expectUserError(runCli(['report', run, run, '--out', join(file, 'compare.html')]), /^mra-hub: --out .*\/afile: cannot create the directory \(a file is in the way: EEXIST\)\n/);
    const onto = join(dir, 'adir');
    mkdirSync(onto);
    expectUserError(runCli(['report', run, run, '--out', onto]), /^mra-hub: --out .*\/adir: cannot write the file \(it is a directory: EISDIR\)\n/);
    expect(readdirSync(dir).sort()).toEqual(['adir', 'afile', 'run']);
  });

  it('regression: report of a run whose metrics.json is not JSON (a SyntaxError stack)', () => {
    const run = tempDir();
    writeFileSync(join(run, 'metrics.json'), '{"provenance": ');
    expectUserError(runCli(['report', run, run, '--out', join(tempDir(), 'compare.html')]), /^mra-hub: .*\/metrics\.json: not a run this version can read \(/);
  });

  it.each([['OTEL_EXPORTER_OTLP_ENDPOINT'], ['OTEL_EXPORTER_OTLP_TRACES_ENDPOINT']])('regression: a server with %s that is not an http(s) URL (the OTLP exporter\'s stack)', (variable) => {
    const result = runCli(['gateway', '--config', join(tempDir(), 'gateway.yaml')], { env: { ...process.env, OTEL_EXPORTER_OTLP_ENDPOINT: '', OTEL_EXPORTER_OTLP_TRACES_ENDPOINT: '', [variable]: 'notaurl' } });
    expectUserError(result, new RegExp(`^mra-hub: ${variable}=notaurl: expected an http:// or https:// URL such as http://127\\.0\\.0\\.1:4318\n`));
  });

  it('regression: gateway --node with a country that is not two letters (it exited 1 and said nothing)', () => {
    expectUserError(runCli(['gateway', '--node', `MEX=${down}`, '--port', '0']), new RegExp(`^mra-hub: --node MEX=${down.replace(/\./g, '\\.')}: expected a two-letter country code such as MX\n`));
  });

  it('regression: gateway --supergraph with a plain SDL file (its text was taken for a path: ENOENT)', () => {
    const file = join(tempDir(), 'plain.graphql');
    writeFileSync(file, 'type Query { hello: String }\n');
    expectUserError(runCli(['gateway', '--supergraph', file, '--port', '0']), /supergraph .*plain\.graphql is not a composed Federation 2 supergraph/);
  });
});

describe('cli: a usage mistake is commander\'s message on one line and exit 2, like any other user error', () => {
  // Commander exited 1 (the exit code of a failed check, as in ledger verify) and printed the whole help after its message.
  it.each<[string, string[], RegExp]>([
    ['an option parser refusing the value', ['node', '--country', 'MX', '--data', 'd', '--port', 'abc'], /^error: option '--port <n>' argument 'abc' is invalid\. expected a port/],
    ['a value outside the choices', ['token', '--country', 'MX', '--role', 'king'], /^error: option '--role <role>' argument 'king' is invalid\. Allowed choices are officer, analyst, admin\./],
    ['a required option missing', ['node', '--data', 'd'], /^error: required option '--country <CC>' not specified/],
    ['an option without its value', ['node', '--country'], /^error: option '--country <CC>' argument missing/],
    ['an unknown option', ['keys', 'generate', '--country', 'MX', '--bogus'], /^error: unknown option '--bogus'/],
    ['an unknown option close to a known one (the suggestion joined on)', ['demo', '--prot', '5000'], /^error: unknown option '--prot' \(Did you mean --port\?\)$/m],
    ['an unknown command', ['bogus'], /^error: unknown command 'bogus'/],
    ['an argument missing', ['ledger', 'verify'], /^error: missing required argument 'dir'/],
    ['an argument too many', ['ledger', 'verify', 'a', 'b'], /^error: too many arguments for 'verify'/],
  ])('%s', (_case, args, message) => {
    expectUsageError(runCli(args, { cwd: tempDir() }), message);
  });

  it.each([[[]], [['ledger']], [['help', 'bogus']]])('mra-hub %j, with no command to run, lists the commands on stderr and exits 2', (args: string[]) => {
    const result = runCli(args, { cwd: tempDir() });
    expect(result.stderr).toMatch(/^Usage: mra-hub /);
    expect(result.stdout).toBe('');
    expect(result.status).toBe(2);
  });
});

describe('cli: asking for help or the version is not a mistake', () => {
  it.each([[['--help']], [['-h']], [['node', '--help']], [['help', 'ledger', 'prove']]])('mra-hub %j prints the help on stdout and exits 0', (args: string[]) => {
    const result = runCli(args, { cwd: tempDir() });
    expect(result.stdout).toMatch(/^Usage: mra-hub /);
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
  });

  const { version } = JSON.parse(readFileSync(join(import.meta.dirname, '..', '..', 'package.json'), 'utf8')) as { version: string };

  it.each([['--version'], ['-V']])('%s prints the version of package.json on stdout and exits 0', (flag) => {
    const result = runCli([flag], { cwd: tempDir() });
    expect(result).toEqual({ status: 0, stdout: `${version}\n`, stderr: '' });
  });
});
