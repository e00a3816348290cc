import { DAY } from './faults.js';
import { Rng } from './random.js';
import type { World } from './world.js';

/** Declarations lodged by partner AEOs (the ones MRA benefits apply to), as parallel arrays. */
export interface DeclarationStream {
  readonly total: number;
  readonly times: Float64Array;
  readonly importer: string[];
  readonly operator: Int32Array;
}

/** Parties with an MRA in force with `country` on `day`. */
export function mraPartners(world: World, country: string, day: number): string[] {
  const partners = new Set<string>();
  for (const mra of world.scenario.mras) {
    if (mra.signedDay <= day && mra.parties.includes(country)) mra.parties.forEach((p) => p !== country && partners.add(p));
  }
  return [...partners].sort();
}

/**
 * Every declaration of every day is drawn: a share `partnerAeoShare` of a country's declarations
 * comes from AEOs of its MRA partners; those are kept (time, importer, operator) for checking.
 */
export function drawDeclarations(world: World): DeclarationStream {
  const rng = new Rng(world.seed, 'declarations');
  const index = new Map(world.operators.map((op, i) => [op.aeoId, i]));
  const times: number[] = [];
  const importer: string[] = [];
  const operator: number[] = [];
  let total = 0;
  for (let day = 0; day < world.scenario.days; day++) {
    for (const [country, spec] of Object.entries(world.scenario.countries)) {
      const exporters = mraPartners(world, country, day).flatMap((p) => world.byCountry.get(p) ?? []);
      for (let n = 0; n < spec.declarationsPerDay; n++) {
        total += 1;
        if (exporters.length === 0 || rng.next() >= spec.partnerAeoShare) continue;
        times.push(day * DAY + rng.next() * DAY);
        importer.push(country);
        operator.push(index.get(rng.pick(exporters).aeoId) as number);
      }
    }
  }
  return { total, times: Float64Array.from(times), importer, operator: Int32Array.from(operator) };
}
