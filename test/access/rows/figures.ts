/**
 * The figures actions of the `ticket` function (format: test/access/matrix.ts). Figures are about a place,
 * never about a person's own thing: a grid's figures for its leader and the community's staff, a community's
 * for its staff only; staff of another community are refused (community lines).
 */
import { row, type MatrixRelation, type Row } from '../matrix';

const MONTHS = { fromMonth: '2026-06', toMonth: '2026-06' };
/** Grid G (the home grid), grid 1 of community A, and community B. */
const GRIDS: readonly MatrixRelation[] = ['sameGrid', 'sameCommunity', 'otherCommunity'];
/** Community A and community B. */
const COMMUNITIES: readonly MatrixRelation[] = ['sameCommunity', 'otherCommunity'];
const STAFF_OF = {
  staff: ['sameCommunity'],
  secretary: ['sameCommunity'],
  otherStaff: ['otherCommunity'],
} as const;

export const figureRows: Row[] = [
  row('ticket', 'figures', {
    // A grid's figures: its leader, and staff of its community.
    relations: GRIDS,
    allow: {
      leader: ['sameGrid'],
      staff: ['sameGrid', 'sameCommunity'],
      secretary: ['sameGrid', 'sameCommunity'],
      otherStaff: ['otherCommunity'],
      // The street office: every community of its street, and any grid of one (never another street's).
      street: ['sameGrid', 'sameCommunity'],
    },
    request: async (w, c) => {
      const slot = w.slot(c.relation);
      return { req: { communityId: slot.communityId, gridId: slot.gridId, ...MONTHS } };
    },
  }),
  row('ticket', 'exportFigures', {
    // The whole community's workbook: staff only (a leader asks for their grid, as above).
    relations: COMMUNITIES,
    allow: { ...STAFF_OF, street: ['sameCommunity'] },
    request: async (w, c) => ({ req: { communityId: w.slot(c.relation).communityId, ...MONTHS } }),
  }),
  row('ticket', 'streetFigures', {
    // 街道考核: the street office's own street (A's); nobody else works in a street office.
    relations: ['own'],
    allow: { street: ['own'] },
    refusedWith: ['STREET.NOT_FOUND', 'AUTH.UNAUTHENTICATED'],
    request: async () => ({ req: MONTHS, subject: 'c_wujiayuan' }),
    grants: (data, subject) => JSON.stringify(data).includes(JSON.stringify(subject)),
  }),
  row('ticket', 'reconcileFigures', {
    relations: COMMUNITIES,
    allow: STAFF_OF,
    request: async (w, c) => ({ req: { communityId: w.slot(c.relation).communityId, month: '2026-06' } }),
  }),
];
