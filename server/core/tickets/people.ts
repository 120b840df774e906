/** People as tickets show them: name and role in words, never a phone; residents masked to other residents. */
import type { PersonView } from '../../../typings/ticket';
import type { User } from '../users/model';
import { holds } from '../users/permissions';
import type { Relation } from './access';
import type { PersonSnapshot } from './model';

export const RESIDENT_LABEL = '居民';

/** The role a user works a ticket in, highest first, within the community. */
export function workingRoleLabel(user: User, communityId: string): string {
  if (holds(user, 'secretary', communityId)) return '书记';
  if (holds(user, 'staff', communityId)) return '社区工作人员';
  if (holds(user, 'leader', communityId)) return '网格长';
  if (holds(user, 'worker', communityId)) return '网格员';
  return RESIDENT_LABEL;
}

/** The label for someone acting through a relation: a reporter acts as a resident even if they are a worker. */
export function labelFor(user: User, communityId: string, relation: Relation | undefined): string {
  switch (relation) {
    case 'reporter':
    case 'follower':
    case 'neighbour':
      return RESIDENT_LABEL;
    case 'microGridWorker':
      return '网格员';
    case 'gridLeader':
      return '网格长';
    case 'staff':
      return holds(user, 'secretary', communityId) ? '书记' : '社区工作人员';
    default:
      return workingRoleLabel(user, communityId);
  }
}

export function snapshotOf(user: User, roleLabel: string): PersonSnapshot {
  return { userId: user._id, name: user.name, roleLabel };
}

/** 刘女士 → 刘**: how one resident appears to another. */
export function maskName(name: string): string {
  const chars = [...name];
  return chars.length <= 1 ? '*' : `${chars[0]}${'*'.repeat(Math.min(chars.length - 1, 2))}`;
}

/** The whitelist view of a person for this viewer. */
export function personView(person: PersonSnapshot, viewerId: string, viewerIsHandler: boolean): PersonView {
  const masked = person.roleLabel === RESIDENT_LABEL && person.userId !== viewerId && !viewerIsHandler;
  return {
    userId: person.userId,
    name: masked ? maskName(person.name) : person.name,
    roleLabel: person.roleLabel,
  };
}
