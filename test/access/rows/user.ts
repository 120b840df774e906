/** The `user` function's rows of the authorization matrix (format: test/access/matrix.ts). */
import { row, type MatrixRelation, type Row } from '../matrix';

const OWN: readonly MatrixRelation[] = ['own'];
const USERS = {
  stranger: OWN,
  resident: OWN,
  worker: OWN,
  leader: OWN,
  staff: OWN,
  secretary: OWN,
  otherStaff: OWN,
  street: OWN,
} as const;
const COMMUNITY: readonly MatrixRelation[] = ['sameCommunity', 'otherCommunity'];
const RUNS = {
  staff: ['sameCommunity'],
  secretary: ['sameCommunity'],
  otherStaff: ['otherCommunity'],
} as const;

/** Roles in a community: its staff, and the office of its street (A's, not B's). */
const GRANTS = { ...RUNS, street: ['sameCommunity'] } as const;

export const userRows: Row[] = [
  row('user', 'login', { relations: OWN, allow: USERS, request: async () => ({ req: { name: '测试' } }) }),
  row('user', 'me', { relations: OWN, allow: USERS, request: async () => ({ req: {} }) }),
  // The caller's own micro-grid's worker only: the request names no micro-grid (test/contacts/).
  row('user', 'myGridWorker', { relations: OWN, allow: USERS, request: async () => ({ req: {} }) }),
  row('user', 'grantRole', {
    relations: COMMUNITY,
    allow: GRANTS,
    request: async (w, c) => {
      const s = w.slot(c.relation);
      return {
        req: {
          userId: await w.userId(s.resident),
          grant: { role: 'worker', communityId: s.communityId, gridId: s.gridId, microGridId: s.microGridId },
        },
      };
    },
  }),
  row('user', 'revokeRole', {
    relations: COMMUNITY,
    allow: GRANTS,
    request: async (w, c) => {
      const s = w.slot(c.relation);
      return {
        req: {
          userId: await w.userId(s.worker),
          grant: { role: 'worker', communityId: s.communityId, gridId: s.gridId, microGridId: s.microGridId },
        },
      };
    },
  }),
];
