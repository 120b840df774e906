/** The `grid` function's rows of the authorization matrix (format: test/access/matrix.ts). */
import { row, type Cell, type MatrixRelation, type Row } from '../matrix';
import type { World } from '../world';

/** Community-wide actions: the caller's own community, or another. */
const COMMUNITY: readonly MatrixRelation[] = ['sameCommunity', 'otherCommunity'];
/** Staff and the secretary of the community; staff of B in B. */
const RUNS = {
  staff: ['sameCommunity'],
  secretary: ['sameCommunity'],
  otherStaff: ['otherCommunity'],
} as const;
/** Setting up a community's map and ledger: its staff, and the office of its street (A's, not B's). */
const SETS_UP = { ...RUNS, street: ['sameCommunity'] } as const;

const community = (w: World, c: Cell) => w.slot(c.relation).communityId;
/** A member of the place's roster (its primary worker's entry). */
async function memberOf(w: World, c: Cell): Promise<string> {
  const s = w.slot(c.relation);
  const [m] = await w.h.deps.store.find('members', { where: { microGridId: s.microGridId, duty: 'worker' } });
  return m!._id;
}
/** What the place's own staff would export: a file to import back. */
async function exported(w: World, c: Cell, kind: 'boundaries' | 'buildings'): Promise<string> {
  const s = w.slot(c.relation);
  const out = await w.ok<{ text: string | null }>(s.secretary, 'grid', 'export', {
    communityId: s.communityId,
    kind,
    ...(kind === 'buildings' ? { format: 'csv' } : {}),
  });
  return out.text!;
}

export const gridRows: Row[] = [
  row('grid', 'route', {
    // "Where does this go?" for a point in the place, asked of the caller's own community (B for B's staff):
    // the preview answers only for points inside it.
    relations: ['sameMicroGrid', 'sameGrid', 'sameCommunity', 'otherCommunity'],
    allow: {
      staff: ['sameMicroGrid', 'sameGrid', 'sameCommunity'],
      secretary: ['sameMicroGrid', 'sameGrid', 'sameCommunity'],
      otherStaff: ['otherCommunity'],
      // The street office previews routing in its communities, as their staff do.
      street: ['sameMicroGrid', 'sameGrid', 'sameCommunity'],
    },
    request: async (w, c) => ({
      req: {
        communityId:
          c.role === 'otherStaff' ? w.slot('otherCommunity').communityId : w.slot('own').communityId,
        category: 'garbage',
        point: w.slot(c.relation).point,
      },
    }),
  }),
  row('grid', 'map', {
    relations: COMMUNITY,
    allow: SETS_UP,
    request: async (w, c) => ({ req: { communityId: community(w, c) } }),
  }),
  row('grid', 'importBoundaries', {
    relations: COMMUNITY,
    allow: SETS_UP,
    request: async (w, c) => ({
      req: { communityId: community(w, c), text: await exported(w, c, 'boundaries') },
    }),
  }),
  row('grid', 'importLedger', {
    relations: COMMUNITY,
    allow: SETS_UP,
    request: async (w, c) => ({
      req: {
        communityId: community(w, c),
        kind: 'buildings',
        format: 'csv',
        text: await exported(w, c, 'buildings'),
      },
    }),
  }),
  row('grid', 'export', {
    relations: COMMUNITY,
    allow: SETS_UP,
    request: async (w, c) => ({ req: { communityId: community(w, c), kind: 'members', format: 'csv' } }),
  }),
  row('grid', 'members', {
    relations: COMMUNITY,
    allow: RUNS,
    request: async (w, c) => ({ req: { communityId: community(w, c) } }),
  }),
  row('grid', 'setMember', {
    relations: COMMUNITY,
    allow: RUNS,
    request: async (w, c) => {
      const s = w.slot(c.relation);
      return {
        req: {
          communityId: s.communityId,
          gridId: s.gridId,
          microGridId: s.microGridId,
          userId: await w.userId(s.resident),
          duty: 'volunteer',
        },
      };
    },
  }),
  row('grid', 'setOnDuty', {
    relations: COMMUNITY,
    allow: RUNS,
    request: async (w, c) => ({
      req: { communityId: community(w, c), memberId: await memberOf(w, c), onDuty: false },
    }),
  }),
  row('grid', 'removeMember', {
    relations: COMMUNITY,
    allow: RUNS,
    request: async (w, c) => ({ req: { communityId: community(w, c), memberId: await memberOf(w, c) } }),
  }),
  row('grid', 'setSecretary', {
    relations: COMMUNITY,
    allow: RUNS,
    // The community's secretary named again: the role is granted first (user.grantRole), then named here.
    request: async (w, c) => ({
      req: { communityId: community(w, c), userId: await w.userId(w.slot(c.relation).secretary) },
    }),
  }),
];
