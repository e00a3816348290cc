import { describe } from 'vitest';
import { openRedisLog } from '../../subgraphs/ledger/index.js';
import { REDIS_URL, redisAvailable, uniquePrefix } from '../support/redis.js';
import { replicationContract } from './replication.contract.js';

const available = await redisAvailable();

describe.skipIf(!available)('with Redis at ' + REDIS_URL, () => {
  replicationContract('Redis Streams', async () => {
    const prefix = uniquePrefix('replication');
    const admin = await openRedisLog({ url: REDIS_URL, prefix });
    return {
      connect: () => openRedisLog({ url: REDIS_URL, prefix }),
      loseEverything: () => admin.forgetEverything(),
      dispose: async () => {
        await admin.forgetEverything();
        await admin.close();
      },
    };
  });
});
