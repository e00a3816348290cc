/**
 * The certificate-exchange scenario's model, as pure functions for the simulator to drive on its
 * virtual clock: integrations per authority (bridges grow with N², a hub and a ledger with N),
 * and delivery through each mechanism's path under outages. Sourced volumes in `figures.ts`.
 */
export { EXCHANGE_MECHANISMS, integrationsInNetwork, integrationsPerAuthority, type ExchangeMechanism } from './connections.js';
export { deliver, pathOf, type Outage, type Shipment, type TransferTimes } from './delivery.js';
export { EPHYTO_FIGURES } from './figures.js';
