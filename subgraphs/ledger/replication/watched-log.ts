import type { ChainLog } from './chain-log.js';
import type { TransportWatch } from './transport-watch.js';

/** `log` with every call but `close` going through `watch`, which tells when the log is lost and back. */
export function watchedLog(log: ChainLog, watch: TransportWatch): ChainLog {
  return {
    publish: (entry) => watch.call(() => log.publish(entry)),
    top: (authority) => watch.call(() => log.top(authority)),
    range: (authority, from, to) => watch.call(() => log.range(authority, from, to)),
    read: (cursors, blockMs) => watch.call(() => log.read(cursors, blockMs)),
    requestResync: (request) => watch.call(() => log.requestResync(request)),
    publishCheckpoint: (checkpoint) => watch.call(() => log.publishCheckpoint(checkpoint)),
    latestCheckpoint: (authority) => watch.call(() => log.latestCheckpoint(authority)),
    reset: (authority) => watch.call(() => log.reset(authority)),
    close: () => log.close(),
  };
}
