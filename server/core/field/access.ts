/**
 * Who does field work where: a worker of the micro-grid, the leader of its grid, staff of the community — the
 * same people who may see the place's households and their tags (tags are sensitive personal information).
 */
import { AppError } from '../errors';
import { mayVisit } from '../notices/access';
import type { User } from '../users/model';
import { isCommunityStaff } from '../users/permissions';

export type FieldPlace = { communityId: string; gridId: string; microGridId: string };

/** FIELD.NOT_FOUND for anyone else: a stranger learns nothing, not even that the item exists. */
export function requireFieldWorker(user: User, place: FieldPlace): void {
  if (!mayVisit(user, place)) throw new AppError('FIELD.NOT_FOUND');
}

/** Staff of the community manage templates, plans and care groups. */
export function requireStaffOf(user: User, communityId: string): void {
  if (!isCommunityStaff(user, communityId)) throw new AppError('AUTH.FORBIDDEN');
}

/** The grids a user leads in a community. */
export function ledGrids(user: User, communityId: string): string[] {
  return user.roles.flatMap((g) =>
    g.role === 'leader' && g.communityId === communityId && g.gridId ? [g.gridId] : [],
  );
}
