import type { Faults } from '../faults.js';
import { hashUnit } from '../random.js';
import type { World } from '../world.js';
import { Consensus } from './consensus.js';

const up = (n: number, step: number) => Math.ceil(n / step - 1e-9) * step;

/** When an entry becomes readable at the partner's own node (`readable`) and when the partner reads it. */
export interface Arrival {
  readonly readable: number;
  /** The poll that reads it, and when its answer is back. */
  readonly polled: number;
  readonly visible: number;
}

/**
 * When a partner first reads an entry appended at `appendedAt`. The shared ledger seals it only
 * while a quorum of validators can talk (outages and partitions stall it); the partner's node
 * then syncs the block when connected to that quorum. Each poll (and each bridge run) succeeds
 * or fails as a whole (the partner is down, or the request was lost), so a chain's entries
 * arrive in order, as the real replication guarantees.
 */
export class Visibility {
  readonly #world: World;
  readonly #faults: Faults;
  readonly consensus: Consensus;

  constructor(world: World, faults: Faults) {
    this.#world = world;
    this.#faults = faults;
    const { ledger } = world.scenario;
    const validators = ledger.validators ?? Object.fromEntries([...world.byCountry.keys()].map((c) => [c, 1]));
    this.consensus = new Consensus(faults, [...world.byCountry.keys()], validators, world.horizon, ledger.blockSeconds);
  }

  /** CADENA: one ledger; blocks every blockSeconds while there is a quorum; partners poll their own node. */
  shared(issuer: string, partner: string, appendedAt: number): Arrival | null {
    const sealed = this.consensus.sealedAt(issuer, appendedAt);
    const synced = sealed === null ? null : this.consensus.syncedAt(partner, sealed);
    const poll = synced === null ? null : this.#firstPoll(partner, synced);
    return poll === null || synced === null ? null : { readable: synced, ...poll };
  }

  /** Two ledgers joined by a bridge that relays every bridgeSeconds, then the partner's own block and poll. */
  bridged(issuer: string, partner: string, appendedAt: number): Arrival | null {
    const { bridgeSeconds, blockSeconds } = this.#world.scenario.ledger;
    let tick = up(appendedAt, bridgeSeconds);
    while (tick < this.#world.horizon && (this.#faults.isDown('bridge', tick) || this.#faults.partitioned(issuer, partner, tick) || this.#lost('bridge', tick))) {
      tick = up(Math.max(tick + bridgeSeconds, this.#faults.nextUp('bridge', tick)), bridgeSeconds);
    }
    if (tick >= this.#world.horizon) return null;
    const readable = up(this.#faults.nextUp(partner, tick + this.#latency('bridge', tick)), blockSeconds);
    const poll = this.#firstPoll(partner, readable);
    return poll === null ? null : { readable, ...poll };
  }

  /** The time of `partner`'s poll number k (each partner polls on its own phase). */
  pollTime(partner: string, k: number): number {
    return hashUnit(this.#world.seed, 'poll-phase', partner) * this.#world.scenario.ledger.pollSeconds + k * this.#world.scenario.ledger.pollSeconds;
  }

  #firstPoll(partner: string, from: number): { polled: number; visible: number } | null {
    const { pollSeconds } = this.#world.scenario.ledger;
    const phase = this.pollTime(partner, 0);
    let k = Math.ceil((from - phase) / pollSeconds - 1e-9);
    for (;;) {
      const t = phase + k * pollSeconds;
      if (t >= this.#world.horizon) return null;
      if (this.#faults.isDown(partner, t)) {
        k = Math.ceil((this.#faults.nextUp(partner, t) - phase) / pollSeconds - 1e-9);
        continue;
      }
      if (!this.#lost(partner, k)) return { polled: t, visible: t + this.#latency(partner, k) };
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
