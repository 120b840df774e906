/**
 * 联系网格员: the worker of the caller's own household's micro-grid, for a notice that says "contact your grid
 * worker". Only the resident's own micro-grid: the request names none, so no one can ask for another's.
 */
import type { WorkerContact } from '../../../typings/user';
import type { Store } from '../ports/store';
import type { User } from '../users/model';
import { microGridWorkerContact } from './worker-contact';

/** Null for a caller bound to no household (they have no micro-grid yet). */
export async function myGridWorker(store: Store, user: User): Promise<WorkerContact | null> {
  if (!user.householdId) return null;
  const household = await store.get('households', user.householdId);
  if (!household) return null;
  return microGridWorkerContact(store, household.microGridId);
}
