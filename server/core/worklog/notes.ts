/** A worker adds a note to a day of their work log; a resent note (same client request id) is one note. */
import type { WorklogEntry } from '../../../typings/field';
import { AppError, isAppError } from '../errors';
import type { Deps } from '../ports';
import type { Caller } from '../ports/identity';
import { toIso } from '../time/shanghai';
import { loadActor } from '../users/actor';
import { worklogKindLabels } from './labels';
import { worklogIds, type WorklogNote } from './model';

export async function addWorklogNote(
  deps: Deps,
  caller: Caller,
  input: { date: string; text: string; clientRequestId: string },
): Promise<WorklogEntry> {
  const user = await loadActor(deps.store, caller);
  // Only people who do field or community work keep a work log.
  if (!user.roles.some((g) => g.role !== 'resident')) throw new AppError('AUTH.FORBIDDEN');
  const note: WorklogNote = {
    _id: worklogIds.note(user._id, input.clientRequestId),
    userId: user._id,
    date: input.date,
    text: input.text.trim(),
    at: toIso(deps.clock.now()),
  };
  try {
    await deps.store.insert('worklogNotes', note);
  } catch (error) {
    if (!(isAppError(error) && error.code === 'STORE.DUPLICATE')) throw error;
  }
  const stored = (await deps.store.get('worklogNotes', note._id)) ?? note;
  return { at: stored.at, kind: 'note', text: `${worklogKindLabels.note}：${stored.text}`, ref: null };
}
