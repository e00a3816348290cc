import { fakerEN, fakerES, fakerES_MX, type Faker } from '@faker-js/faker';
import { OPERATOR_ROLES, type OperatorRole } from '../subgraphs/ledger/index.js';
import { DAY } from './faults.js';
import { Rng, deriveSeed } from './random.js';
import type { Scenario } from './scenario-schema.js';

export interface SimOperator {
  readonly aeoId: string;
  readonly country: string;
  readonly role: OperatorRole;
  readonly legalName: string;
  readonly city: string;
  readonly taxId: string;
  /** Relative trade size: the operator's share of its country's partner declarations is proportional to it. */
  readonly size: number;
}

export type ChangeKind = 'suspend' | 'reinstate' | 'revoke';

/** A status change as it really happened at the issuing authority. */
export interface TruthChange {
  readonly at: number;
  readonly aeoId: string;
  readonly country: string;
  readonly kind: ChangeKind;
  readonly reason: string;
}

/** The seeded world every mechanism of a run is compared on. */
export interface World {
  readonly scenario: Scenario;
  readonly seed: number;
  readonly horizon: number;
  readonly operators: readonly SimOperator[];
  readonly byCountry: ReadonlyMap<string, readonly SimOperator[]>;
  readonly changes: readonly TruthChange[];
}

const FAKERS: Record<string, Faker> = { es_MX: fakerES_MX, es: fakerES, en: fakerEN };
const SUFFIX: Record<string, string> = { MX: 'S.A. de C.V.', CR: 'S.A.', CO: 'S.A.S.', CL: 'SpA', PE: 'S.A.C.' };

/** Tax ids in each country's usual shape (RFC, cédula jurídica, NIT, RUT, RUC). */
function taxIdFor(country: string, rng: Rng): string {
  const digits = (n: number) => Array.from({ length: n }, () => rng.int(0, 9)).join('');
  const letters = (n: number) => Array.from({ length: n }, () => String.fromCharCode(65 + rng.int(0, 25))).join('');
  switch (country) {
    case 'MX': return `${letters(3)}${digits(6)}${letters(1)}${digits(2)}`;
    case 'CR': return `3-101-${digits(6)}`;
    case 'CO': return `${digits(9)}-${rng.int(0, 9)}`;
    case 'CL': return `${rng.int(76, 77)}.${digits(3)}.${digits(3)}-${rng.int(0, 9)}`;
    case 'PE': return `20${digits(9)}`;
    default: return `${country}${digits(10)}`;
  }
}

/** Builds the operators and their true status history from the scenario and the seed. */
export function buildWorld(scenario: Scenario, seed: number): World {
  const horizon = scenario.days * DAY;
  const operators: SimOperator[] = [];
  const byCountry = new Map<string, SimOperator[]>();
  for (const [country, spec] of Object.entries(scenario.countries)) {
    const faker = FAKERS[spec.locale] ?? fakerES;
    faker.seed(deriveSeed(seed, 'names', country));
    const rng = new Rng(seed, 'operators', country);
    const sizes = new Rng(seed, 'sizes', country);
    const { sizes: shape, paretoAlpha } = scenario.trade;
    const list: SimOperator[] = [];
    for (const role of OPERATOR_ROLES) {
      for (let i = 0; i < (spec.aeos[role] ?? 0); i++) {
        list.push({
          aeoId: `${country}-AEO-${String(list.length + 1).padStart(6, '0')}`,
          country, role,
          legalName: `${faker.company.name()} ${SUFFIX[country] ?? 'S.A.'}`,
          city: faker.location.city(),
          taxId: taxIdFor(country, rng),
          // Pareto sizes (x_min 1): a few firms lodge most declarations, as firm sizes follow Zipf.
          size: shape === 'pareto' ? (1 - sizes.next()) ** (-1 / paretoAlpha) : 1,
        });
      }
    }
    byCountry.set(country, list);
    operators.push(...list);
  }
  const changes = operators.flatMap((op) => lifeOf(op, scenario, seed, horizon));
  changes.sort((a, b) => a.at - b.at || (a.aeoId < b.aeoId ? -1 : 1));
  return { scenario, seed, horizon, operators, byCountry, changes };
}

const REASONS = {
  suspend: ['security audit finding', 'unreported change of premises', 'customs offence under investigation', 'lapsed security certification'],
  reinstate: ['findings corrected', 'investigation closed', 'certification renewed'],
  revoke: ['serious customs offence', 'fraud confirmed', 'failed to correct audit findings', 'ceased trading'],
} as const;

/** One operator's status history: suspensions (some lifted), revocations, until the horizon. */
function lifeOf(op: SimOperator, scenario: Scenario, seed: number, horizon: number): TruthChange[] {
  const rng = new Rng(seed, 'life', op.aeoId);
  const sc = scenario.statusChanges;
  const perSecond = (perYear: number) => perYear / (365 * DAY);
  const out: TruthChange[] = [];
  const change = (at: number, kind: ChangeKind) => out.push({ at, aeoId: op.aeoId, country: op.country, kind, reason: rng.pick(REASONS[kind]) });
  let t = 0;
  while (t < horizon) {
    const suspendAt = t + rng.exponential(perSecond(sc.suspensionsPerAeoYear));
    const revokeAt = t + rng.exponential(perSecond(sc.revocationsPerAeoYear));
    if (Math.min(suspendAt, revokeAt) >= horizon) break;
    if (revokeAt <= suspendAt) {
      change(revokeAt, 'revoke');
      break;
    }
    change(suspendAt, 'suspend');
    const liftedAt = suspendAt + rng.between(sc.reinstatedAfterDays[0], sc.reinstatedAfterDays[1]) * DAY;
    if (liftedAt >= horizon) break;
    if (rng.chance(sc.reinstatedShare)) {
      change(liftedAt, 'reinstate');
      t = liftedAt;
    } else {
      change(liftedAt, 'revoke');
      break;
    }
  }
  return out;
}
