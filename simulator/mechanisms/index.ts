import type { MechanismName } from '../scenario-schema.js';
import { batchDaily } from './batch-daily.js';
import { emailMonthly } from './email-monthly.js';
import { hub } from './hub.js';
import { ledger } from './ledger.js';
import type { MechanismContext, Propagation } from './types.js';

export type { Delivery, MechanismContext, Propagation, TamperingOutcome, ViewRecord } from './types.js';

/** Runs one exchange mechanism on a world. */
export async function propagate(mechanism: MechanismName, ctx: MechanismContext): Promise<Propagation> {
  switch (mechanism) {
    case 'email-monthly':
      return emailMonthly(ctx);
    case 'batch-daily':
      return batchDaily(ctx);
    case 'hub':
      return hub(ctx);
    case 'shared-ledger':
    case 'bridged-ledgers':
      return ledger(ctx, mechanism);
    default: {
      const unreachable: never = mechanism;
      throw new Error(`unknown mechanism ${String(unreachable)}`);
    }
  }
}
