import { gatewayConfig, jsonLogger, startGateway, type RunningGateway } from '../../gateway/index.js';
import { serveWithApollo, serveWithMercurius } from '../../subgraphs/node/index.js';
import { startCluster, type Cluster } from '../node/cluster.js';

export interface MraGateways {
  readonly cluster: Cluster;
  /** MX's gateway (home MX) and CR's (home CR), each composing both nodes. */
  readonly gateways: Readonly<Record<'MX' | 'CR', RunningGateway>>;
  /** Log lines the gateways wrote, parsed. */
  readonly logs: Record<string, unknown>[];
  close(): Promise<void>;
}

/** The test cluster (MX on mercurius, CR on Apollo, cadena MRA signed, AEOs granted) behind two gateways. */
export async function startMraGateways(): Promise<MraGateways> {
  const cluster = await startCluster((node, options) => (node.country === 'MX' ? serveWithMercurius : serveWithApollo)(node, options));
  const logs: Record<string, unknown>[] = [];
  const log = jsonLogger({ level: 'info', now: () => new Date(), write: (line) => void logs.push(JSON.parse(line) as Record<string, unknown>) });
  const nodes = [{ country: 'MX', url: cluster.servers.MX.url }, { country: 'CR', url: cluster.servers.CR.url }];
  const start = async (home: 'MX' | 'CR') => startGateway({
    config: gatewayConfig({ home, nodes, listen: { port: 0 } }),
    serviceToken: await cluster.token(home, 'admin'),
    log,
  });
  const gateways = { MX: await start('MX'), CR: await start('CR') };
  return {
    cluster, gateways, logs,
    close: async () => {
      for (const gateway of Object.values(gateways)) await gateway.close();
      await cluster.close();
    },
  };
}
