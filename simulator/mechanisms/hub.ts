import { hashUnit } from '../random.js';
import { plainForgeries } from './plain-forgeries.js';
import { deliverWithRetry } from './retry.js';
import { changeRecordBytes, type Delivery, type MechanismContext, type Propagation } from './types.js';

/**
 * A central router like the IPPC ePhyto Hub: each change goes to the hub, is processed there and
 * forwarded to every partner. Each hop pays latency and loss (a lost message is sent again after
 * `retrySeconds`), and waits while the hub or the receiver is down (store and forward). One point
 * of failure, and of trust: nothing in the message lets a partner check who wrote it.
 */
export function hub(ctx: MechanismContext): Propagation {
  const { world, faults } = ctx;
  const { network, hub: spec, costs } = world.scenario;
  const latency = (...labels: (string | number)[]) => (network.latencyMs[0] + (network.latencyMs[1] - network.latencyMs[0]) * hashUnit(world.seed, 'latency', ...labels)) / 1000;
  const processing = (...labels: (string | number)[]) => spec.processingSeconds[0] + (spec.processingSeconds[1] - spec.processingSeconds[0]) * hashUnit(world.seed, 'hub-processing', ...labels);
  const hop = (to: string, t: number, labels: (string | number)[]) => {
    const at = deliverWithRetry(faults, world.seed, to, t, { loss: network.loss, retrySeconds: spec.retrySeconds, horizon: world.horizon, labels });
    return at === null ? null : at + latency(...labels);
  };
  /** Sender to hub, processing, hub to receiver; null when it does not arrive within the run. */
  const route = (from: string, to: string, t: number, labels: (string | number)[]) => {
    const atHub = hop('hub', faults.nextUp(from, t), ['hub-in', ...labels]);
    if (atHub === null) return null;
    return hop(to, faults.nextUp('hub', atHub + processing(...labels)), ['hub-out', ...labels, to]);
  };
  const deliveries: Delivery[] = [];
  let messages = 0;
  let bytes = 0;
  world.changes.forEach((change, index) => {
    const size = changeRecordBytes(change) + costs.hubEnvelopeBytes;
    const atHub = hop('hub', faults.nextUp(change.country, change.at), ['hub-in', index]);
    messages += 1;
    bytes += size;
    for (const partner of ctx.partnersOf(change.country)) {
      const received = atHub === null ? null : hop(partner, faults.nextUp('hub', atHub + processing(index)), ['hub-out', index, partner]);
      deliveries.push({ change: index, partner, at: received !== null && received < world.horizon ? received : null });
      messages += 1;
      bytes += size;
    }
  });
  const forged = plainForgeries(ctx, 'hub', spec.forgedAcceptedShare, (a, receiver) => route(a.tamperer, receiver, a.at, ['forgery', a.n]));
  return { mechanism: 'hub', deliveries, records: forged.records, messages, bytes, tampering: forged.tampering, nodeQueries: 0, nodeMismatches: 0, stalledSeconds: 0 };
}
