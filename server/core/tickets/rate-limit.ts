/**
 * The submission rate limit (DESIGN §8: "rate limited per user, atomically"). Each user has one counter
 * document holding the times of their submissions within the last hour; the submit transaction reads it,
 * refuses when the window is full, and writes it back with the new submission. Two simultaneous submits
 * touch the same document, so one of them is re-run (SQLite) or conflicts (CloudBase's write lock) and then
 * sees the other: they cannot both pass, as they could with a count query outside the transaction.
 */
import { AppError } from '../errors';
import type { Tx } from '../ports/store';
import { toIso } from '../time/shanghai';
import { submitRateId } from './submit-rate';

const HOUR_MS = 3_600_000;

/** Counts one submission inside the caller's transaction; RATE.LIMITED when the hour is full. */
export async function countSubmission(tx: Tx, userId: string, limit: number, now: Date): Promise<void> {
  const id = submitRateId(userId);
  const since = now.getTime() - HOUR_MS;
  const doc = await tx.get('submitRates', id);
  const recent = (doc?.recent ?? []).filter((at) => new Date(at).getTime() > since);
  if (recent.length >= limit) {
    throw new AppError('RATE.LIMITED', {
      message: `每小时最多提交 ${limit} 条工单，请稍后再试`,
      details: { limit, windowMinutes: 60 },
    });
  }
  await tx.set('submitRates', { _id: id, userId, recent: [...recent, toIso(now)].slice(-limit) });
}
