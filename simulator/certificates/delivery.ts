import { pathOf, type ExchangeMechanism, type Outage } from '../../subgraphs/certificates/index.js';
import type { CertificateMechanism } from './schema.js';
import type { CertificateShipment } from './world.js';

export const MODEL_NAME: Readonly<Record<CertificateMechanism, ExchangeMechanism>> = {
  'bilateral-bridges': 'BILATERAL_BRIDGES',
  'central-hub': 'CENTRAL_HUB',
  'shared-ledger': 'SHARED_LEDGER',
};

/** When the importer holds the certificate, and which outages pushed it back. */
export interface Arrival {
  readonly at: number;
  readonly delayedBy: readonly string[];
}

const key = (component: string) => (component.includes('-') ? component.split('-').sort().join('-') : component);

/**
 * The components a certificate must pass, on equal terms: both authorities' own systems (down,
 * they can neither send nor receive), plus the mechanism's own path from the certificate model
 * (`pathOf`: the bridge between them, the hub; on the ledger the exporter's node, which serves
 * the content; entries reach the importer through any replica, so no other shared component).
 */
export function componentsOf(mechanism: CertificateMechanism, s: CertificateShipment): ReadonlySet<string> {
  return new Set([s.exporter, s.importer, ...pathOf(MODEL_NAME[mechanism], { exporter: s.exporter, importer: s.importer, issuedAt: s.issuedAt }).map(key)]);
}

/**
 * Arrival at issue plus the transfer time, pushed past the end of every outage of a component on
 * the path that the transfer would overlap (store and forward: nothing is lost, it waits).
 */
export function arrival(components: ReadonlySet<string>, issuedAt: number, transfer: number, outages: readonly Outage[]): Arrival {
  let at = issuedAt;
  const delayedBy: string[] = [];
  for (const o of outages) {
    if (!components.has(key(o.component))) continue;
    if (at + transfer > o.start && at < o.end) {
      at = o.end;
      delayedBy.push(key(o.component));
    }
  }
  return { at: at + transfer, delayedBy };
}
