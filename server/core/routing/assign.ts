/**
 * Who inside a micro-grid gets the report (DESIGN §3): the on-duty primary worker; else the grid's on-duty
 * worker with the fewest open tickets; else the grid leader; else nobody (the duty queue).
 */
import type { Member } from '../grids/model';
import type { Store } from '../ports/store';
import type { AssignedBy } from './decision';

/** Open tickets per user: supplied by the tickets context; users it does not name count as zero. */
export type OpenTicketCounts = (userIds: string[]) => Promise<Map<string, number>>;

export const noOpenTickets: OpenTicketCounts = async () => new Map();

export type { AssignedBy };

export interface Assignment {
  assigneeUserId: string | null;
  assignedBy: AssignedBy;
  /** The grid's leader, whoever got the report (gas: told at once). */
  leaderUserId: string | null;
}

export const assignmentReasons: Record<AssignedBy, string> = {
  primaryOnDuty: '由在岗的主责网格员处理',
  fewestOpenTickets: '主责网格员不在岗，转本网格在办工单最少的在岗网格员',
  noPrimary: '本微网格未设主责网格员，转本网格在办工单最少的在岗网格员',
  leader: '本网格暂无在岗网格员，转网格长',
  secretary: '转社区书记',
  nobody: '本网格暂无网格员和网格长，转社区值班台',
};

const byUserId = (a: Member, b: Member) => (a.userId < b.userId ? -1 : a.userId > b.userId ? 1 : 0);

/** Picks the assignee among the grid's members. */
export async function assignWithin(
  store: Store,
  place: { gridId: string; microGridId: string },
  openTicketCounts: OpenTicketCounts = noOpenTickets,
): Promise<Assignment> {
  const members = await store.find('members', { where: { gridId: place.gridId } });
  const leader = members
    .filter((m) => m.duty === 'leader')
    .sort(
      (a, b) =>
        Number(b.primary) - Number(a.primary) || Number(b.onDuty) - Number(a.onDuty) || byUserId(a, b),
    )[0];
  const leaderUserId = leader?.userId ?? null;

  const workers = members.filter((m) => m.duty === 'worker' && m.onDuty);
  const primary = workers.filter((m) => m.microGridId === place.microGridId && m.primary).sort(byUserId)[0];
  if (primary) return { assigneeUserId: primary.userId, assignedBy: 'primaryOnDuty', leaderUserId };

  if (workers.length > 0) {
    const counts = await openTicketCounts([...new Set(workers.map((w) => w.userId))]);
    const load = (m: Member) => counts.get(m.userId) ?? 0;
    const here = (m: Member) => (m.microGridId === place.microGridId ? 0 : 1);
    const [least] = [...workers].sort((a, b) => load(a) - load(b) || here(a) - here(b) || byUserId(a, b));
    const hasPrimary = members.some(
      (m) => m.duty === 'worker' && m.primary && m.microGridId === place.microGridId,
    );
    if (least)
      return {
        assigneeUserId: least.userId,
        assignedBy: hasPrimary ? 'fewestOpenTickets' : 'noPrimary',
        leaderUserId,
      };
  }
  if (leaderUserId) return { assigneeUserId: leaderUserId, assignedBy: 'leader', leaderUserId };
  return { assigneeUserId: null, assignedBy: 'nobody', leaderUserId: null };
}
