import { describe, expect, it } from 'vitest';
import { deliver, integrationsInNetwork, integrationsPerAuthority, type Outage, type TransferTimes } from '../../subgraphs/certificates/index.js';

const TRANSFER: TransferTimes = { BILATERAL_BRIDGES: 1000, CENTRAL_HUB: 1000, SHARED_LEDGER: 1000 };
const HOUR = 3_600_000;

describe('certificates: exchange scenario model', () => {
  it('bridges grow with N² across the network and N − 1 per authority; a hub and a ledger with N', () => {
    expect([2, 8, 95].map((n) => integrationsInNetwork('BILATERAL_BRIDGES', n))).toEqual([1, 28, 4465]);
    expect([2, 8, 95].map((n) => integrationsInNetwork('CENTRAL_HUB', n))).toEqual([2, 8, 95]);
    expect([2, 8, 95].map((n) => integrationsInNetwork('SHARED_LEDGER', n))).toEqual([2, 8, 95]);
    expect(integrationsPerAuthority('BILATERAL_BRIDGES', 95)).toBe(94);
    expect(integrationsPerAuthority('SHARED_LEDGER', 95)).toBe(1);
    expect(() => integrationsInNetwork('CENTRAL_HUB', 1)).toThrow(RangeError);
  });

  it('a hub outage delays every certificate issued during it; the ledger only those of the authority whose node is down', () => {
    const outages: Outage[] = [{ component: 'hub', start: HOUR, end: 3 * HOUR }, { component: 'PE', start: HOUR, end: 2 * HOUR }];
    const during = { exporter: 'CR', importer: 'MX', issuedAt: 2 * HOUR };
    expect(deliver('CENTRAL_HUB', during, outages, TRANSFER)).toEqual({ deliveredAt: 3 * HOUR + 1000, delayed: true });
    expect(deliver('SHARED_LEDGER', during, outages, TRANSFER)).toEqual({ deliveredAt: 2 * HOUR + 1000, delayed: false });
    expect(deliver('BILATERAL_BRIDGES', during, outages, TRANSFER)).toEqual({ deliveredAt: 2 * HOUR + 1000, delayed: false });
    expect(deliver('SHARED_LEDGER', { exporter: 'PE', importer: 'MX', issuedAt: HOUR + 5 }, outages, TRANSFER)).toEqual({ deliveredAt: 2 * HOUR + 1000, delayed: true });
    expect(deliver('BILATERAL_BRIDGES', during, [{ component: 'MX-CR', start: 0, end: 4 * HOUR }], TRANSFER).delayed).toBe(true);
  });

  it('a transfer that would still be running when an outage starts waits for its end', () => {
    const outage: Outage[] = [{ component: 'hub', start: 10_000, end: 20_000 }];
    expect(deliver('CENTRAL_HUB', { exporter: 'CR', importer: 'MX', issuedAt: 9_500 }, outage, TRANSFER)).toEqual({ deliveredAt: 21_000, delayed: true });
    expect(deliver('CENTRAL_HUB', { exporter: 'CR', importer: 'MX', issuedAt: 8_000 }, outage, TRANSFER)).toEqual({ deliveredAt: 9_000, delayed: false });
  });
});
