import type { Faults } from '../faults.js';
import { hashUnit } from '../random.js';
import type { World } from '../world.js';

const up = (n: number, step: number) => Math.ceil(n / step - 1e-9) * step;

/** When an entry becomes readable at the partner's source (`readable`) and when the partner reads it. */
export interface Arrival {
  readonly readable: number;
  readonly visible: number;
}

/**
 * When a partner's users first see an entry appended at `appendedAt`. Each poll (and each
 * bridge run) succeeds or fails as a whole — the partner is down, cut off, or the request was
 * lost — so a chain's entries always arrive in order, as the real replication guarantees.
 */
export class Visibility {
  readonly #world: World;
  readonly #faults: Faults;

  constructor(world: World, faults: Faults) {
    this.#world = world;
    this.#faults = faults;
  }

  /** CADENA: one ledger; blocks every blockSeconds; partner clients poll every pollSeconds. */
  shared(issuer: string, partner: string, appendedAt: number): Arrival | null {
    const block = up(appendedAt, this.#world.scenario.ledger.blockSeconds);
    const visible = this.#firstPoll(partner, issuer, block);
    return visible === null ? null : { readable: block, visible };
  }

  /** Two ledgers joined by a bridge that relays every bridgeSeconds, then the partner's own block and poll. */
  bridged(issuer: string, partner: string, appendedAt: number): Arrival | null {
    const { bridgeSeconds, blockSeconds } = this.#world.scenario.ledger;
    let tick = up(appendedAt, bridgeSeconds);
    while (tick < this.#world.horizon && (this.#faults.isDown('bridge', tick) || this.#faults.partitioned(issuer, partner, tick) || this.#lost('bridge', tick))) {
      tick = up(Math.max(tick + bridgeSeconds, this.#faults.nextUp('bridge', tick)), bridgeSeconds);
    }
    if (tick >= this.#world.horizon) return null;
    const readable = up(tick + this.#latency('bridge', tick), blockSeconds);
    const visible = this.#firstPoll(partner, partner, readable);
    return visible === null ? null : { readable, visible };
  }

  #firstPoll(partner: string, source: string, from: number): number | null {
    const { pollSeconds } = this.#world.scenario.ledger;
    const phase = hashUnit(this.#world.seed, 'poll-phase', partner) * pollSeconds;
    let k = Math.ceil((from - phase) / pollSeconds - 1e-9);
    for (;;) {
      const t = phase + k * pollSeconds;
      if (t >= this.#world.horizon) return null;
      if (this.#faults.isDown(partner, t)) {
        k = Math.ceil((this.#faults.nextUp(partner, t) - phase) / pollSeconds - 1e-9);
        continue;
      }
      if (!this.#faults.partitioned(partner, source, t) && !this.#lost(partner, k)) return t + this.#latency(partner, k);
      k += 1;
    }
  }

  #lost(...labels: (string | number)[]): boolean {
    return hashUnit(this.#world.seed, 'loss', ...labels) < this.#world.scenario.network.loss;
  }

  #latency(...labels: (string | number)[]): number {
    const [min, max] = this.#world.scenario.network.latencyMs;
    return (min + (max - min) * hashUnit(this.#world.seed, 'latency', ...labels)) / 1000;
  }
}
