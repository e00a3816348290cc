import { DAY } from './faults.js';
import { Rng } from './random.js';
import type { SimOperator, World } from './world.js';

/** Declarations lodged by partner AEOs (the ones MRA benefits apply to), as parallel arrays. */
export interface DeclarationStream {
  readonly total: number;
  readonly times: Float64Array;
  readonly importer: string[];
  readonly operator: Int32Array;
  /** A uniform draw per declaration, shared by every mechanism: inspected iff below the rate applied. */
  readonly inspectionDraw: Float64Array;
}

/** Parties with an MRA in force with `country` on `day`. */
export function mraPartners(world: World, country: string, day: number): string[] {
  const partners = new Set<string>();
  for (const mra of world.scenario.mras) {
    if (mra.signedDay <= day && mra.parties.includes(country)) mra.parties.forEach((p) => p !== country && partners.add(p));
  }
  return [...partners].sort();
}

/** Picks an operator with probability proportional to its trade size (binary search on cumulative sizes). */
class SizePicker {
  readonly #operators: readonly SimOperator[];
  readonly #cumulative: Float64Array;

  constructor(operators: readonly SimOperator[]) {
    this.#operators = operators;
    this.#cumulative = new Float64Array(operators.length);
    let sum = 0;
    operators.forEach((op, i) => (this.#cumulative[i] = sum += op.size));
  }

  pick(u: number): SimOperator {
    const target = u * (this.#cumulative[this.#cumulative.length - 1] ?? 0);
    let lo = 0;
    let hi = this.#cumulative.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if ((this.#cumulative[mid] as number) > target) hi = mid;
      else lo = mid + 1;
    }
    return this.#operators[lo] as SimOperator;
  }
}

/**
 * Every declaration of every day is drawn: a share `partnerAeoShare` of a country's declarations
 * comes from AEOs of its MRA partners, each AEO in proportion to its trade size; those are kept
 * (time, importer, operator, inspection draw) for checking under every mechanism.
 */
export function drawDeclarations(world: World): DeclarationStream {
  const rng = new Rng(world.seed, 'declarations');
  const index = new Map(world.operators.map((op, i) => [op.aeoId, i]));
  const pickers = new Map<string, SizePicker | null>();
  const times: number[] = [];
  const importer: string[] = [];
  const operator: number[] = [];
  const draws: number[] = [];
  let total = 0;
  for (let day = 0; day < world.scenario.days; day++) {
    for (const [country, spec] of Object.entries(world.scenario.countries)) {
      const partners = mraPartners(world, country, day);
      const key = `${country}:${partners.join(',')}`;
      if (!pickers.has(key)) {
        const exporters = partners.flatMap((p) => world.byCountry.get(p) ?? []);
        pickers.set(key, exporters.length === 0 ? null : new SizePicker(exporters));
      }
      const picker = pickers.get(key);
      total += spec.declarationsPerDay;
      if (!picker) continue;
      for (let n = 0; n < spec.declarationsPerDay; n++) {
        if (rng.next() >= spec.partnerAeoShare) continue;
        times.push(day * DAY + rng.next() * DAY);
        importer.push(country);
        operator.push(index.get(picker.pick(rng.next()).aeoId) as number);
        draws.push(rng.next());
      }
    }
  }
  return { total, times: Float64Array.from(times), importer, operator: Int32Array.from(operator), inspectionDraw: Float64Array.from(draws) };
}
