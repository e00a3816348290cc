/** Replication: one Replicator over a ChainLog transport (in-process bus or Redis Streams). */
export type { ChainLog, PublishResult, ReadBatch, ResyncRequest } from './chain-log.js';
export { InProcessBus } from './in-process-log.js';
export { openRedisLog, RedisLog, type RedisLogOptions } from './redis-log.js';
export { Replicator, type ReplicationStats, type ReplicatorOptions } from './replicator.js';
export { TransportWatch, type ReplicationNotice } from './transport-watch.js';
