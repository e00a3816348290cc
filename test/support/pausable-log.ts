import type { ChainLog, Checkpoint, Entry, PublishResult, ReadBatch, ResyncRequest } from '../../subgraphs/ledger/index.js';

/** Wraps a ChainLog: while `isDown()` every call fails (reads after their blocking wait), as a dead Redis would. */
export function pausable(log: ChainLog, isDown: () => boolean): ChainLog {
  const guard = <T>(call: () => Promise<T>): Promise<T> => (isDown() ? Promise.reject(new Error('transport down')) : call());
  return {
    publish: (entry: Entry): Promise<PublishResult> => guard(() => log.publish(entry)),
    top: (authority: string) => guard(() => log.top(authority)),
    range: (authority: string, from: number, to: number) => guard(() => log.range(authority, from, to)),
    read: async (cursors: ReadonlyMap<string, number>, blockMs: number): Promise<ReadBatch> => {
      if (isDown()) {
        await new Promise((resolve) => setTimeout(resolve, Math.min(blockMs, 50)));
        throw new Error('transport down');
      }
      return log.read(cursors, blockMs);
    },
    requestResync: (request: ResyncRequest) => guard(() => log.requestResync(request)),
    publishCheckpoint: (checkpoint: Checkpoint) => guard(() => log.publishCheckpoint(checkpoint)),
    latestCheckpoint: (authority: string) => guard(() => log.latestCheckpoint(authority)),
    reset: (authority: string) => guard(() => log.reset(authority)),
    close: () => log.close(),
  };
}
