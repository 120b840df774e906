/**
 * Rows of the authorization matrix for the deadlines branch (format: test/access/matrix.ts): extension 延期
 * on the `ticket` function; the working calendar and the street office on the `grid` function.
 */
import type { TicketDetail } from '../../../typings/ticket';
import { IN_A, row, type Cell, type MatrixRelation, type Row } from '../matrix';
import type { World } from '../world';

const COMMUNITY: readonly MatrixRelation[] = ['sameCommunity', 'otherCommunity'];
/** Staff and the secretary of the community; staff of B in B. */
const RUNS_COMMUNITY = {
  staff: ['sameCommunity'],
  secretary: ['sameCommunity'],
  otherStaff: ['otherCommunity'],
} as const;
/** Setting up a community (deadlines, calendar, map): its staff, and the office of its street (A's, not B's). */
const SETS_UP = { ...RUNS_COMMUNITY, street: ['sameCommunity'] } as const;
const RUNS = { staff: IN_A, secretary: IN_A, otherStaff: ['otherCommunity'] } as const;
const LEADS = { leader: ['own', 'sameMicroGrid', 'sameGrid'] } as const;
const ASSIGNEE = { worker: ['own', 'sameMicroGrid'] } as const;
const community = (w: World, c: Cell) => w.slot(c.relation).communityId;

/** A ticket signed for by its handler, where the cell puts it. */
async function inHand(w: World, c: Cell) {
  return w.ticket(c, { status: 'accepted' });
}

/** A ticket in hand whose handler asked for two more working days. */
async function asked(w: World, c: Cell): Promise<TicketDetail | null> {
  const t = await inHand(w, c);
  if (!t) return null;
  const handler = await w.h.deps.store.get('users', t.detail.assignee!.userId);
  return w.ok<TicketDetail>(handler!.openid, 'ticket', 'askExtension', {
    ticketId: t.ticketId,
    version: t.version,
    reason: '等厂家配件',
    limit: { amount: 2, unit: 'workingDays' },
  });
}

export const deadlineRows: Row[] = [
  row('ticket', 'askExtension', {
    allow: ASSIGNEE,
    request: async (w, c) => {
      const t = await inHand(w, c);
      return (
        t && {
          req: {
            ticketId: t.ticketId,
            version: t.version,
            reason: '等厂家配件',
            limit: { amount: 2, unit: 'workingDays' },
          },
          subject: t.ticketId,
        }
      );
    },
  }),
  row('ticket', 'approveExtension', {
    allow: { ...LEADS, ...RUNS },
    request: async (w, c) => {
      const t = await asked(w, c);
      return t && { req: { ticketId: t.ticketId, version: t.version }, subject: t.ticketId };
    },
  }),
  row('ticket', 'denyExtension', {
    allow: { ...LEADS, ...RUNS },
    request: async (w, c) => {
      const t = await asked(w, c);
      return (
        t && {
          req: { ticketId: t.ticketId, version: t.version, reason: '请先临时处理' },
          subject: t.ticketId,
        }
      );
    },
  }),
  row('grid', 'deadlines', {
    relations: COMMUNITY,
    allow: SETS_UP,
    request: async (w, c) => ({ req: { communityId: community(w, c) } }),
  }),
  row('grid', 'setDeadlines', {
    relations: COMMUNITY,
    allow: SETS_UP,
    request: async (w, c) => ({
      req: {
        communityId: community(w, c),
        rules: [
          {
            group: 'safety',
            signFor: { amount: 2, unit: 'calendarHours' },
            resolve: { amount: 4, unit: 'calendarHours' },
          },
          { signFor: { amount: 4, unit: 'workingHours' }, resolve: { amount: 5, unit: 'workingDays' } },
        ],
      },
    }),
  }),
  row('grid', 'calendar', {
    relations: COMMUNITY,
    allow: SETS_UP,
    request: async (w, c) => ({ req: { communityId: community(w, c) } }),
  }),
  row('grid', 'setWorkingHours', {
    relations: COMMUNITY,
    allow: SETS_UP,
    request: async (w, c) => ({
      req: { communityId: community(w, c), periods: [{ start: '09:00', end: '17:00' }] },
    }),
  }),
  row('grid', 'importHolidays', {
    relations: COMMUNITY,
    allow: SETS_UP,
    request: async (w, c) => ({
      req: { communityId: community(w, c), year: 2027, holidays: ['2027-01-01'], workdays: [] },
    }),
  }),
  // The street office's own actions: its officer's street (the ranking of its communities), and a new
  // community in it; everyone else works in no street office.
  row('grid', 'street', {
    relations: ['own'],
    allow: { street: ['own'] },
    refusedWith: ['STREET.NOT_FOUND', 'AUTH.UNAUTHENTICATED'],
    request: async () => ({ req: {} }),
  }),
  row('grid', 'createCommunity', {
    relations: ['own'],
    allow: { street: ['own'] },
    refusedWith: ['STREET.NOT_FOUND', 'AUTH.UNAUTHENTICATED'],
    request: async () => ({
      req: { name: '矩阵社区', communityCode: '099', center: { lat: 36.2, lng: 103.9 } },
    }),
  }),
  row('grid', 'replaceMap', {
    // A dry run of the community's own map: the plan, nothing written.
    relations: COMMUNITY,
    allow: SETS_UP,
    request: async (w, c) => {
      const s = w.slot(c.relation);
      const out = await w.ok<{ text: string | null }>(s.secretary, 'grid', 'export', {
        communityId: s.communityId,
        kind: 'boundaries',
      });
      return { req: { communityId: s.communityId, dryRun: true, text: out.text! } };
    },
  }),
  row('grid', 'retire', {
    relations: COMMUNITY,
    allow: SETS_UP,
    request: async (w, c) => {
      const s = w.slot(c.relation);
      const ring = [
        [103.9, 36.3],
        [103.91, 36.3],
        [103.91, 36.31],
        [103.9, 36.31],
        [103.9, 36.3],
      ];
      const feature = (properties: object) => ({
        type: 'Feature',
        properties,
        geometry: { type: 'Polygon', coordinates: [ring] },
      });
      await w.ok(s.secretary, 'grid', 'importBoundaries', {
        communityId: s.communityId,
        coordinateSystem: 'gcj02',
        text: JSON.stringify({
          type: 'FeatureCollection',
          features: [
            feature({ level: 'grid', grid: '矩阵网格' }),
            feature({ grid: '矩阵网格', microGrid: '空微网格' }),
          ],
        }),
      });
      const [empty] = await w.h.deps.store.find('microGrids', {
        where: { communityId: s.communityId, name: '空微网格' },
      });
      return { req: { communityId: s.communityId, microGridId: empty!._id }, subject: empty!._id };
    },
  }),
];

/** This branch's rows of one function. */
export const deadlineRowsOf = (fn: Row['fn']): Row[] => deadlineRows.filter((r) => r.fn === fn);
