/** People as tickets show them: name and role, never a phone; residents masked to other residents. */
import type { PersonView } from '../../../typings/ticket';
import type { Role } from '../../../typings/user';
import type { User } from '../users/model';
import { holds } from '../users/permissions';
import { roleLabel } from '../users/role-labels';
import type { Relation } from './access';
import type { PersonSnapshot } from './model';

/** The role a user works a ticket in, highest first, within the community. */
export function workingRole(user: User, communityId: string): Role {
  const order: Role[] = ['secretary', 'staff', 'leader', 'worker'];
  return order.find((role) => holds(user, role, communityId)) ?? 'resident';
}

/** The role of someone acting through a relation: a reporter acts as a resident even if they are a worker. */
export function roleFor(user: User, communityId: string, relation: Relation | undefined): Role {
  switch (relation) {
    case 'reporter':
    case 'follower':
    case 'neighbour':
      return 'resident';
    case 'microGridWorker':
      return 'worker';
    case 'gridLeader':
      return 'leader';
    case 'staff':
      return holds(user, 'secretary', communityId) ? 'secretary' : 'staff';
    default:
      return workingRole(user, communityId);
  }
}

/** Someone as they act now: the role decides, the label is its words at that moment. */
export function snapshotOf(user: Pick<User, '_id' | 'name'>, role: Role): PersonSnapshot {
  return { userId: user._id, name: user.name, role, roleLabel: roleLabel(role) };
}

/** 刘女士 → 刘**: how one resident appears to another. */
export function maskName(name: string): string {
  const chars = [...name];
  return chars.length <= 1 ? '*' : `${chars[0]}${'*'.repeat(Math.min(chars.length - 1, 2))}`;
}

/** The whitelist view of a person for this viewer. */
export function personView(person: PersonSnapshot, viewerId: string, viewerIsHandler: boolean): PersonView {
  const masked = person.role === 'resident' && person.userId !== viewerId && !viewerIsHandler;
  return {
    userId: person.userId,
    name: masked ? maskName(person.name) : person.name,
    role: person.role,
    roleLabel: roleLabel(person.role),
  };
}
