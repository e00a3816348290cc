import { hashUnit } from '../random.js';
import { changeRecordBytes, unverifiedTampering, type Delivery, type MechanismContext, type Propagation } from './types.js';

/**
 * A central router like the IPPC ePhyto Hub: each change goes to the hub and on to every partner
 * at once. Store-and-forward: while the hub (or a partner) is down, messages wait there. Simple
 * and fast, but one point of failure — and of trust: the hub could alter what it forwards.
 */
export function hub(ctx: MechanismContext): Propagation {
  const { world, faults } = ctx;
  const [minMs, maxMs] = world.scenario.network.latencyMs;
  const latency = (...labels: (string | number)[]) => (minMs + (maxMs - minMs) * hashUnit(world.seed, ...labels)) / 1000;
  const deliveries: Delivery[] = [];
  let messages = 0;
  let bytes = 0;
  world.changes.forEach((change, index) => {
    const sent = faults.nextUp(change.country, change.at);
    const atHub = faults.nextUp('hub', sent + latency('hub-in', index));
    const size = changeRecordBytes(change) + 400; // + message envelope
    messages += 1;
    bytes += size;
    for (const partner of ctx.partnersOf(change.country)) {
      const received = faults.nextUp(partner, faults.nextUp('hub', atHub)) + latency('hub-out', index, partner);
      deliveries.push({ change: index, partner, at: received < world.horizon ? received : null });
      messages += 1;
      bytes += size;
    }
  });
  return { mechanism: 'hub', deliveries, messages, bytes, tampering: unverifiedTampering(ctx), nodeQueries: 0, nodeMismatches: 0 };
}
