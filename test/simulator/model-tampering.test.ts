import { describe, expect, it } from 'vitest';
import { miniWorld, runMini } from './mini-world.js';

const DAY = 86_400;
function withTamperer(attempts: number, fromDay: number) {
  const world = miniWorld();
  world.countries.PE = { name: 'Peru', aeos: { IMPORTER_EXPORTER: 40 }, declarationsPerDay: 500, partnerAeoShare: 0.05 };
  world.mras = [{ id: 'mini', parties: ['MX', 'CR', 'PE'] }];
  return { ...world, mechanisms: ['email-monthly', 'hub', 'shared-ledger'], faults: { tampering: [{ country: 'PE', fromDay, attempts }] } };
}

describe('simulator model: forgeries are injected during the year and change what partners do', () => {
  it('forgeries happen from tampering.fromDay to the end, not after the year', async () => {
    const { events } = await runMini(withTamperer(30, 40), 4);
    const forgeries = events.filter((e) => e.type === 'forgery');
    expect(forgeries).toHaveLength(30);
    for (const f of forgeries) {
      expect(f.t as number).toBeGreaterThanOrEqual(40 * DAY);
      expect(f.t as number).toBeLessThan(60 * DAY);
    }
  });

  it('accepted forgeries decide declarations (benefits wrongly withdrawn or granted); refused ones do not', async () => {
    const { metrics } = await runMini(withTamperer(200, 5), 4);
    const [hub, ledger] = [metrics.hub, metrics['shared-ledger']];
    expect(hub?.tampering_accepted as number).toBeGreaterThan(0);
    expect(hub?.forged_effect_declarations as number).toBeGreaterThan(0);
    expect(hub?.benefits_missed as number).toBeGreaterThan(ledger?.benefits_missed as number);
    expect(ledger).toMatchObject({ tampering_accepted: 0, forged_effect_declarations: 0 });
  });

  it('the monthly list restates every status, so a forged e-mail lasts at most until the next list', async () => {
    const { metrics } = await runMini(withTamperer(200, 5), 4);
    expect(metrics['email-monthly']?.forged_effect_declarations as number).toBeGreaterThan(0);
    expect(metrics['email-monthly']?.forged_effect_declarations as number).toBeLessThan(metrics.hub?.forged_effect_declarations as number);
  });
});
