/** How authorities exchange certificates in the scenario. */
export const EXCHANGE_MECHANISMS = ['BILATERAL_BRIDGES', 'CENTRAL_HUB', 'SHARED_LEDGER'] as const;
export type ExchangeMechanism = (typeof EXCHANGE_MECHANISMS)[number];

/**
 * Integrations one authority must set up and maintain among `n` exchanging authorities: a bridge
 * to each partner (n − 1); one link to the hub; one node on the shared ledger (its partners,
 * their keys and terms come from the trust registry on the ledger, not from bilateral projects).
 */
export function integrationsPerAuthority(mechanism: ExchangeMechanism, n: number): number {
  assertCount(n);
  switch (mechanism) {
    case 'BILATERAL_BRIDGES':
      return n - 1;
    case 'CENTRAL_HUB':
    case 'SHARED_LEDGER':
      return 1;
    default: {
      const unreachable: never = mechanism;
      return unreachable;
    }
  }
}

/** Integrations in the whole network: n(n − 1)/2 bridges, or n links to a hub, or n nodes. */
export function integrationsInNetwork(mechanism: ExchangeMechanism, n: number): number {
  assertCount(n);
  return mechanism === 'BILATERAL_BRIDGES' ? (n * (n - 1)) / 2 : n;
}

function assertCount(n: number): void {
  if (!Number.isInteger(n) || n < 2) throw new RangeError(`an exchange needs at least 2 authorities, got ${n}`);
}
