import { gatewayConfig, jsonLogger, startGateway, type GatewayConfigInput, type GraphiQLPreset, type RunningGateway } from '../../gateway/index.js';
import { serveWithApollo, serveWithMercurius } from '../../subgraphs/node/index.js';
import { startCluster, type Cluster } from '../node/cluster.js';
import { recordingProxy, type RecordingProxy } from '../support/recording-proxy.js';

export interface MraGateways {
  readonly cluster: Cluster;
  /** MX's gateway (home MX) and CR's (home CR), each composing both nodes. */
  readonly gateways: Readonly<Record<'MX' | 'CR', RunningGateway>>;
  /** What the gateways asked each node (a recording proxy sits in front of each). */
  readonly sent: Readonly<Record<'MX' | 'CR', RecordingProxy>>;
  /** Log lines the gateways wrote, parsed. */
  readonly logs: Record<string, unknown>[];
  /** Another gateway on the same nodes, with extra settings; it asks the nodes of `beside` in-process (as if they ran in its process), the others over HTTP. */
  startGateway(home: 'MX' | 'CR', extra?: Partial<GatewayConfigInput>, graphiql?: GraphiQLPreset, beside?: readonly ('MX' | 'CR')[]): Promise<RunningGateway>;
  close(): Promise<void>;
}

/** The test cluster (MX on mercurius, CR on Apollo, cadena MRA signed, AEOs granted) behind two gateways. */
export async function startMraGateways(): Promise<MraGateways> {
  const cluster = await startCluster((node, options) => (node.country === 'MX' ? serveWithMercurius : serveWithApollo)(node, options));
  const sent = { MX: await recordingProxy(cluster.servers.MX.url), CR: await recordingProxy(cluster.servers.CR.url) };
  const logs: Record<string, unknown>[] = [];
  const log = jsonLogger({ level: 'info', now: () => new Date(), write: (line) => void logs.push(JSON.parse(line) as Record<string, unknown>) });
  const nodes = [{ country: 'MX', url: sent.MX.url }, { country: 'CR', url: sent.CR.url }];
  const extras: RunningGateway[] = [];
  const start = async (home: 'MX' | 'CR', extra: Partial<GatewayConfigInput> = {}, graphiql?: GraphiQLPreset, beside: readonly ('MX' | 'CR')[] = []) => startGateway({
    config: gatewayConfig({ home, nodes, listen: { port: 0 }, ...extra }),
    serviceToken: await cluster.token(home, 'admin'),
    log,
    ...(graphiql ? { graphiql } : {}),
    localNodes: beside.map((country) => cluster.nodes[country]),
  });
  const gateways = { MX: await start('MX'), CR: await start('CR') };
  return {
    cluster, gateways, sent, logs,
    startGateway: async (home, extra, graphiql, beside) => {
      const gateway = await start(home, extra, graphiql, beside);
      extras.push(gateway);
      return gateway;
    },
    close: async () => {
      for (const gateway of [...Object.values(gateways), ...extras]) await gateway.close();
      for (const proxy of Object.values(sent)) await proxy.close();
      await cluster.close();
    },
  };
}
