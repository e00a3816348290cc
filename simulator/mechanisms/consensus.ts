import type { Faults } from '../faults.js';

interface Span {
  readonly from: number;
  readonly to: number;
  /** The connected group of up countries holding a quorum of validators, or null: the ledger is stalled. */
  readonly quorum: ReadonlySet<string> | null;
  /** Each up country's connected group (whom its node can sync from). */
  readonly groupOf: ReadonlyMap<string, ReadonlySet<string>>;
}

/** IBFT 2.0 needs ceil(2n/3) of n validators to seal a block (Hyperledger Besu documentation). */
export const quorumOf = (validators: number): number => Math.ceil((2 * validators) / 3);

/**
 * Liveness of one permissioned ledger (CADENA on Besu, IBFT 2.0). Between fault boundaries the
 * up countries split into connected groups (partitions cut pairs); blocks are sealed only while
 * one group holds a quorum of validators. With two validators, either one down stalls it.
 */
export class Consensus {
  readonly #spans: Span[] = [];
  readonly #block: number;

  constructor(faults: Faults, countries: readonly string[], validators: Readonly<Record<string, number>>, horizon: number, blockSeconds: number) {
    this.#block = blockSeconds;
    const total = Object.values(validators).reduce((a, b) => a + b, 0);
    const need = quorumOf(total);
    const points = [0, ...faults.boundaries().filter((t) => t > 0 && t < horizon), horizon];
    for (let i = 0; i + 1 < points.length; i++) {
      const [from, to] = [points[i] as number, points[i + 1] as number];
      // Every up node relays blocks and consensus messages (gossip), validator or not.
      const up = countries.filter((c) => !faults.isDown(c, from));
      const groupOf = new Map<string, Set<string>>();
      for (const c of up) {
        if (groupOf.has(c)) continue;
        const group = new Set([c]);
        for (const member of group) for (const other of up) if (!group.has(other) && !faults.partitioned(member, other, from)) group.add(other);
        group.forEach((m) => groupOf.set(m, group));
      }
      const quorum = [...new Set(groupOf.values())].find((g) => [...g].reduce((sum, c) => sum + (validators[c] ?? 0), 0) >= need) ?? null;
      this.#spans.push({ from, to, quorum, groupOf });
    }
  }

  /** The first block time at or after t whose quorum group includes `issuer` (null: never within the run). */
  sealedAt(issuer: string, t: number): number | null {
    return this.#first(t, (span) => span.quorum?.has(issuer) ?? false, true);
  }

  /** When `partner`'s node first holds a block sealed at `sealed`: it must be in a group with the quorum of then. */
  syncedAt(partner: string, sealed: number): number | null {
    const quorum = this.#spanAt(sealed)?.quorum;
    if (!quorum) return null;
    return this.#first(sealed, (span) => [...(span.groupOf.get(partner) ?? [])].some((c) => quorum.has(c)), false);
  }

  /** Seconds of the run during which no block could be sealed. */
  stalledSeconds(): number {
    return this.#spans.filter((s) => s.quorum === null).reduce((sum, s) => sum + (s.to - s.from), 0);
  }

  #spanAt(t: number): Span | undefined {
    return this.#spans.find((s) => t >= s.from && t < s.to);
  }

  #first(t: number, ok: (span: Span) => boolean, onGrid: boolean): number | null {
    for (const span of this.#spans) {
      if (span.to <= t || !ok(span)) continue;
      const at = Math.max(t, span.from);
      const time = onGrid ? Math.ceil(at / this.#block - 1e-9) * this.#block : at;
      if (time < span.to) return time;
    }
    return null;
  }
}
