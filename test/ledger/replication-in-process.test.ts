import { InProcessBus } from '../../subgraphs/ledger/index.js';
import { replicationContract } from './replication.contract.js';

replicationContract('the in-process bus', async () => {
  const bus = new InProcessBus();
  return { connect: async () => bus.connect(), loseEverything: async () => bus.clear(), dispose: async () => bus.clear() };
});
