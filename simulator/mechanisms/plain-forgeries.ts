import type { ForgeryAttempt } from '../forgeries.js';
import { hashUnit } from '../random.js';
import type { MechanismContext, TamperingOutcome, ViewRecord } from './types.js';

/**
 * Forgeries through a channel with no signature on the data (e-mail, batch files, a hub that
 * routes envelopes): each receiver takes one as genuine with probability `acceptedShare` (a
 * scenario parameter with its source or assumption); an accepted one changes what that partner
 * believes from its arrival on, until a genuine message about the same AEO replaces it.
 */
export function plainForgeries(
  ctx: MechanismContext,
  mechanism: string,
  acceptedShare: number,
  arrival: (attempt: ForgeryAttempt, receiver: string) => number | null,
): { tampering: TamperingOutcome; records: ViewRecord[] } {
  const records: ViewRecord[] = [];
  let accepted = 0;
  let detected = 0;
  for (const attempt of ctx.forgeries) {
    for (const receiver of attempt.receivers) {
      if (hashUnit(ctx.world.seed, 'forgery-accepted', mechanism, attempt.n, receiver) >= acceptedShare) {
        detected += 1;
        continue;
      }
      accepted += 1;
      const at = arrival(attempt, receiver);
      if (at !== null && at < ctx.world.horizon) records.push({ partner: receiver, aeoId: attempt.aeoId, at, status: attempt.claim, forged: true });
    }
  }
  return { tampering: { attempts: ctx.forgeries.length, detected, accepted, byCode: detected > 0 ? { CHANNEL_REFUSED: detected } : {} }, records };
}
