/**
 * Rows of the authorization matrix for the street office's own officers (grid.officers, inviteOfficer,
 * revokeOfficerInvite, removeOfficer; format: test/access/matrix.ts). A street action has two relations here:
 * `own` is the street of A (建兰路街道, whose office the matrix's street officer works in) and
 * `otherCommunity` the street of B (草场街街道), named by `streetId`. Only the street officer in their own
 * street is allowed; everyone else works in neither office (STREET.NOT_FOUND).
 */
import type { NewOfficerInvite } from '../../../typings/grid';
import type { Me } from '../../../typings/user';
import { row, type Cell, type MatrixRelation, type Row } from '../matrix';
import type { World } from '../world';

const STREETS: readonly MatrixRelation[] = ['own', 'otherCommunity'];
const OFFICE = { street: ['own'] } as const;
const REFUSED_WITH = ['STREET.NOT_FOUND', 'AUTH.UNAUTHENTICATED'];

/** The street the cell is about, and an officer of it (who sets up what the cell acts on). */
const streetOf = (c: Cell) =>
  c.relation === 'own'
    ? { streetId: 's_jianlanlu', officer: 'dev-street-jianlanlu' }
    : { streetId: 's_caochangjie', officer: 'dev-street-caochangjie' };

/** An open invite to the cell's street, made by its officer. */
const openInvite = (w: World, c: Cell) =>
  w.ok<NewOfficerInvite>(streetOf(c).officer, 'grid', 'inviteOfficer', {
    streetId: streetOf(c).streetId,
    name: '矩阵同事',
  });

export const officeRows: Row[] = [
  row('grid', 'officers', {
    relations: STREETS,
    allow: OFFICE,
    refusedWith: REFUSED_WITH,
    request: async (_w, c) => ({ req: { streetId: streetOf(c).streetId } }),
  }),
  row('grid', 'inviteOfficer', {
    relations: STREETS,
    allow: OFFICE,
    refusedWith: REFUSED_WITH,
    request: async (_w, c) => ({ req: { streetId: streetOf(c).streetId, name: '矩阵同事' } }),
  }),
  row('grid', 'revokeOfficerInvite', {
    relations: STREETS,
    allow: OFFICE,
    refusedWith: REFUSED_WITH,
    request: async (w, c) => {
      const invite = await openInvite(w, c);
      return { req: { streetId: streetOf(c).streetId, inviteId: invite.inviteId } };
    },
  }),
  row('grid', 'removeOfficer', {
    // A colleague who claimed an invite to the street: the street's own officer is its last and stays.
    relations: STREETS,
    allow: OFFICE,
    refusedWith: REFUSED_WITH,
    request: async (w, c) => {
      const invite = await openInvite(w, c);
      const colleague = await w.ok<Me>('matrix-colleague', 'user', 'login', { inviteCode: invite.code });
      return {
        req: { streetId: streetOf(c).streetId, userId: colleague.userId },
        subject: colleague.userId,
      };
    },
  }),
];
