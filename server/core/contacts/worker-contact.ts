/**
 * The grid worker a resident may call (wx.makePhoneCall): the micro-grid's primary worker on duty, else its
 * first worker on duty, else any of its workers. Workers' phones are for the residents of their micro-grid:
 * who receives one is decided by the callers of these functions (ticket-contacts.ts, my-grid-worker.ts).
 */
import type { WorkerContact } from '../../../typings/user';
import type { Member } from '../grids/model';
import type { Store } from '../ports/store';
import { roleLabel } from '../users/role-labels';

/** Primary and on duty first; ties by user id, so that two readers agree. */
function rank(a: Member, b: Member): number {
  return (
    Number(b.primary && b.onDuty) - Number(a.primary && a.onDuty) ||
    Number(b.onDuty) - Number(a.onDuty) ||
    Number(b.primary) - Number(a.primary) ||
    a.userId.localeCompare(b.userId)
  );
}

/** The micro-grid's worker to call, or null when its roster holds none who has logged in. */
export async function microGridWorkerContact(
  store: Store,
  microGridId: string,
): Promise<WorkerContact | null> {
  const members = await store.find('members', { where: { microGridId, duty: 'worker' } });
  for (const member of [...members].sort(rank)) {
    const user = await store.get('users', member.userId);
    if (user) return { name: user.name, roleLabel: roleLabel('worker'), phone: user.phone };
  }
  return null;
}
