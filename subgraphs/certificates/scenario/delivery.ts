import type { ExchangeMechanism } from './connections.js';

/** A component down from `start` to `end` (ms on the scenario's virtual clock). */
export interface Outage {
  /** `hub`, a bridge `CR-MX` (either order), or an authority's node `CR`. */
  readonly component: string;
  readonly start: number;
  readonly end: number;
}

export interface Shipment {
  readonly exporter: string;
  readonly importer: string;
  /** When the exporting NPPO issues it (ms). */
  readonly issuedAt: number;
}

/** Per-mechanism transfer time once every component on the path is up (ms; an assumption the scenario labels). */
export type TransferTimes = Readonly<Record<ExchangeMechanism, number>>;

/**
 * The components a certificate's content must pass, per mechanism: the bridge between the two
 * authorities; the hub (store and forward); on the shared ledger, only the exporter's node, which
 * holds the content (entries replicate through any replica, so no single shared component).
 */
export function pathOf(mechanism: ExchangeMechanism, s: Shipment): readonly string[] {
  switch (mechanism) {
    case 'BILATERAL_BRIDGES':
      return [[s.exporter, s.importer].sort().join('-')];
    case 'CENTRAL_HUB':
      return ['hub'];
    case 'SHARED_LEDGER':
      return [s.exporter];
    default: {
      const unreachable: never = mechanism;
      return unreachable;
    }
  }
}

/**
 * When the importer has the certificate: at issue plus the transfer time, pushed past the end of
 * any outage of a component on its path that the transfer would overlap. `delayed` says whether an
 * outage moved it.
 */
export function deliver(mechanism: ExchangeMechanism, s: Shipment, outages: readonly Outage[], transfer: TransferTimes): { deliveredAt: number; delayed: boolean } {
  const path = new Set(pathOf(mechanism, s).map(normalise));
  const relevant = outages.filter((o) => path.has(normalise(o.component))).sort((a, b) => a.start - b.start);
  let at = s.issuedAt;
  let delayed = false;
  for (const outage of relevant) {
    if (at + transfer[mechanism] > outage.start && at < outage.end) {
      at = outage.end;
      delayed = true;
    }
  }
  return { deliveredAt: at + transfer[mechanism], delayed };
}

function normalise(component: string): string {
  return component.includes('-') ? component.split('-').sort().join('-') : component;
}
