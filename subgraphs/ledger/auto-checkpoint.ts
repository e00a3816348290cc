import type { Replica } from './replica.js';

/**
 * Makes a signing replica checkpoint its own chain after each batch of appends (every append
 * in one turn of the event loop is one batch) and once more when stopped, so what it has
 * acknowledged is always vouched for by a signed tree head it and its partners keep.
 * `defer` comes in from the edge (setImmediate in a node, a virtual clock in a simulation).
 */
export function autoCheckpoint(replica: Replica, defer: (task: () => void) => void = setImmediate): { stop(): void } {
  let scheduled = false;
  let stopped = false;
  // A replica still recovering its own chain vouches for nothing until it has it all back; a member
  // admitted by an MRA this replica has not received yet has no key anyone could check it with.
  const caughtUp = () => {
    const authority = replica.authority ?? '';
    return replica.state.authorities[authority] !== undefined && replica.height(authority) >= replica.signingFloor();
  };
  const sign = () => {
    scheduled = false;
    if (!stopped && caughtUp()) replica.checkpoint();
  };
  const unsubscribe = replica.subscribe((event) => {
    if (event.kind !== 'applied' || event.entry.authority !== replica.authority || scheduled) return;
    scheduled = true;
    defer(sign);
  });
  return {
    stop() {
      if (stopped) return;
      unsubscribe();
      if (caughtUp()) replica.checkpoint();
      stopped = true;
    },
  };
}
