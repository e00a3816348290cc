import { join, relative } from 'node:path';
import { parse } from 'graphql';
import { createClient } from 'graphql-ws';
import WebSocket from 'ws';
import { gatewayConfig, jsonLogger, nodeClient, startGateway, type GatewayConfigInput, type GraphiQLPreset, type RunningGateway } from '../../../gateway/index.js';
import { onSignal } from '../shutdown.js';
import { DEMO_SAMPLE, issueDemoCertificate, readDemoCertificate } from './demo-certificate.js';
import { holdDemoDirectory } from './demo-data-dir.js';
import { SAMPLE_QUERY } from './demo-data.js';
import { prepareDemoDir } from './demo-dir.js';
import { startDemoNetwork, type DemoNetwork } from './demo-network.js';
import { seedDemo, suspendAtCr } from './demo-seed.js';

export interface DemoOptions {
  readonly data: string;
  /** `data` is the default (`data/demo`), not a directory the user named. */
  readonly defaultData?: boolean;
  /** Gateway port; the nodes take the next two (0: any free ports). */
  readonly port: number;
  /** Run the walkthrough and exit instead of serving. */
  readonly once: boolean;
}

const say = (text: string) => console.log(`• ${text}`);

/**
 * `npm start`: MX, CR and PE nodes on the embedded bus, the CADENA MRA signed by MX and CR, seeded
 * AEOs, a certificate from CR to MX, and MX's gateway; a short walkthrough through the gateway,
 * then the GraphiQL URL and a token.
 */
export async function runDemo(options: DemoOptions): Promise<void> {
  const shutdown = options.once ? undefined : onSignal();
  const lock = prepareDemoDir(options.data, options.defaultData ?? false, holdDemoDirectory);
  const next = (offset: number) => (options.port === 0 ? 0 : options.port + offset);
  const net = await startDemoNetwork(options.data, { MX: next(1), CR: next(2), PE: next(3) }).catch((error: unknown) => {
    lock.release();
    throw error;
  });
  let gateway: RunningGateway | undefined;
  const close = async () => {
    try {
      await gateway?.close();
      await net.close();
    } finally {
      lock.release();
    }
  };
  // A signal during start-up stops it at the next step, before the gateway listens; closing runs then.
  const going = () => shutdown?.requested.aborted !== true;
  try {
    if (going()) await seedDemo(net, say);
    if (going()) say(await issueDemoCertificate(net));
    if (going()) {
      const officer = await net.token('MX', 'officer');
      gateway = await startDemoGateway(net, options.port, { headers: { authorization: `Bearer ${officer}` } });
      await walkThrough(net, gateway, officer);
      for (const line of await readDemoCertificate(net, gateway, officer)) say(line);
      printHowToUse(net, gateway, officer, options.data);
    }
  } catch (error) {
    await close();
    throw error;
  }
  if (options.once) {
    await close();
    return;
  }
  if (going()) console.log('\nServing; Ctrl-C to stop.');
  shutdown?.closeWith(close);
}

/**
 * MX's gateway in front of MX's and CR's nodes; `settings` override the defaults. The nodes it is
 * given that run in this process (by their URL: all of them, unless `settings.nodes` points one
 * elsewhere) are asked in-process.
 */
export async function startDemoGateway(net: DemoNetwork, port: number, graphiql?: GraphiQLPreset, settings: Partial<GatewayConfigInput> = {}): Promise<RunningGateway> {
  const config = gatewayConfig({ home: 'MX', nodes: [{ country: 'MX', url: net.nodes.MX.server.url }, { country: 'CR', url: net.nodes.CR.server.url }], listen: { port }, ...settings });
  const here = Object.values(net.nodes).filter(({ node, server }) => config.nodes.some((n) => n.country === node.country && n.url === server.url));
  return startGateway({
    config,
    serviceToken: await net.token('MX', 'admin'),
    ...(graphiql ? { graphiql } : {}),
    localNodes: here.map(({ node }) => node),
    log: jsonLogger({ level: 'warn', now: () => new Date() }),
  });
}

/** A cross-country query and a suspension heard by a subscriber, both through MX's gateway. */
async function walkThrough(net: DemoNetwork, gateway: RunningGateway, officer: string): Promise<void> {
  const seen = await nodeClient('MX', gateway.url).query({ document: parse('{ operator(aeoId: "CR-AEO-000002") { legalName validUntil taxId } }') }, `Bearer ${officer}`);
  const operator = (seen.data as { operator?: { legalName?: string } } | undefined)?.operator;
  say(`an MX officer asks MX's gateway about CR-AEO-000002: legalName "${operator?.legalName ?? '?'}" (shared, from MX's own replica); taxId ${seen.errors?.[0]?.extensions?.code ?? 'shown'} (private to CR; the terms do not share it)`);

  const ws = createClient({ url: gateway.wsUrl, webSocketImpl: WebSocket, connectionParams: { authorization: `Bearer ${officer}` }, retryAttempts: 0 });
  try {
    const events = ws.iterate({ query: 'subscription { operatorStatusChanged(country: "CR") { aeoId status reason } }' });
    const first = events.next();
    await new Promise((resolve) => setTimeout(resolve, 300));
    const started = performance.now();
    await suspendAtCr(net, 'CR-AEO-000002', 'failed security audit');
    const event = await first;
    const change = (event.value as { data?: { operatorStatusChanged?: { status: string } } } | undefined)?.data?.operatorStatusChanged;
    say(`CR suspends CR-AEO-000002; an MX subscriber on MX's gateway hears ${change?.status ?? 'nothing'} after ${(performance.now() - started).toFixed(0)} ms (a monthly e-mail took weeks)`);
    await events.return?.();
  } finally {
    await ws.dispose();
  }
}

function printHowToUse(net: DemoNetwork, gateway: RunningGateway, officer: string, data: string): void {
  console.log(`\nGraphiQL, with an MX officer's token and a sample query preset (open it in a browser):\n${gateway.url}?query=${encodeURIComponent(SAMPLE_QUERY)}\n`);
  console.log(`Officer token (MX), for curl or another client:\nexport TOKEN=${officer}\n`);
  console.log(`Check a copy of the certificate against the ledger (GENUINE; edit a quantity and it is ALTERED): npx mra-hub certificate verify ${relative(process.cwd(), DEMO_SAMPLE) || DEMO_SAMPLE} --node ${net.nodes.MX.server.url}`);
  console.log(`Audit a node's ledger from the genesis alone: npx mra-hub ledger verify ${join(data, 'mx')} --genesis ${join(data, 'genesis.json')}`);
  console.log(`curl -s ${gateway.url} -H 'content-type: application/json' -H "authorization: Bearer $TOKEN" -d '{"query":"{ operators { totalCount edges { node { aeoId status legalName } } } }"}'`);
}
