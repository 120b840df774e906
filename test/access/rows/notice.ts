/** The `notice` function's rows of the authorization matrix (format: test/access/matrix.ts). */
import {
  issueGroupTicket,
  DEFAULT_LOCAL_GROUP_SECRET,
} from '../../../server/adapters/local/signed-group-tickets';
import { noticeIds } from '../../../server/core/notices/model';
import { mentions, row, type Cell, type MatrixRelation, type Row } from '../matrix';
import type { World } from '../world';

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
/** A notice the caller composed (own), one of the caller's community, one of another. */
const MANAGED: readonly MatrixRelation[] = ['own', 'sameCommunity', 'otherCommunity'];
const RUNS = {
  staff: ['own', 'sameCommunity'],
  secretary: ['own', 'sameCommunity'],
  otherStaff: ['otherCommunity'],
} as const;
/** Where a notice's audience lies: the micro-grid it targets. */
const TARGETED: readonly MatrixRelation[] = ['sameMicroGrid', 'sameGrid', 'sameCommunity', 'otherCommunity'];
/** Who visits the households of a targeted micro-grid: its workers, its grid's leader, the community's staff. */
const VISITS = {
  worker: ['sameMicroGrid'],
  leader: ['sameMicroGrid', 'sameGrid'],
  staff: ['sameMicroGrid', 'sameGrid', 'sameCommunity'],
  secretary: ['sameMicroGrid', 'sameGrid', 'sameCommunity'],
  otherStaff: ['otherCommunity'],
} as const;

const content = {
  title: '医保缴费提醒（更正）',
  body: [{ kind: 'paragraph', spans: [{ kind: 'text', text: '请于月底前缴费。' }] }],
  category: 'medicalInsurance',
  coverFileId: null,
  attachments: [],
};
const placesOf = (w: World, c: Cell) => ({
  scope: 'places',
  gridIds: [],
  microGridIds: [w.slot(c.relation).microGridId],
  tags: [],
});

/** A notice in `state` where the cell puts it; the request names it. */
function onNotice(
  state: 'draft' | 'published' | 'withdrawn',
  extra: (w: World, c: Cell, version: number) => object = () => ({}),
) {
  return async (w: World, c: Cell) => {
    const n = await w.notice(c, { state });
    return n && { req: { noticeId: n.noticeId, ...extra(w, c, n.version) }, subject: n.noticeId };
  };
}

let groups = 0;
/** A WeChat group's cloudID as the client gets it when the card is opened there (the local stand-in). */
const cloudID = (w: World, opengid = `opengid-matrix-${(groups += 1)}`) =>
  issueGroupTicket(DEFAULT_LOCAL_GROUP_SECRET, opengid, new Date(w.h.clock.now().getTime() + 300_000));

/** The share token the worker's page puts into the card's path. */
const tokenOf = async (w: World, worker: string, noticeId: string) =>
  (await w.ok<{ shareToken: string }>(worker, 'notice', 'shareToken', { noticeId })).shareToken;

export const noticeRows: Row[] = [
  row('notice', 'compose', {
    relations: ['sameCommunity', 'otherCommunity'],
    allow: { staff: ['sameCommunity'], secretary: ['sameCommunity'], otherStaff: ['otherCommunity'] },
    request: async (w, c) => ({
      req: { communityId: w.slot(c.relation).communityId, audience: placesOf(w, c), ...content },
    }),
  }),
  row('notice', 'edit', {
    relations: MANAGED,
    allow: RUNS,
    request: onNotice('draft', (_w, _c, version) => ({ version, content })),
    refusedWith: ['NOTICE.NOT_FOUND', 'AUTH.UNAUTHENTICATED'],
  }),
  row('notice', 'previewAudience', {
    relations: ['sameCommunity', 'otherCommunity'],
    allow: { staff: ['sameCommunity'], secretary: ['sameCommunity'], otherStaff: ['otherCommunity'] },
    request: async (w, c) => ({
      req: { communityId: w.slot(c.relation).communityId, audience: placesOf(w, c) },
    }),
  }),
  row('notice', 'publish', {
    relations: MANAGED,
    allow: RUNS,
    request: onNotice('draft', (_w, _c, version) => ({ version })),
    refusedWith: ['NOTICE.NOT_FOUND', 'AUTH.UNAUTHENTICATED'],
  }),
  row('notice', 'withdraw', {
    relations: MANAGED,
    allow: RUNS,
    request: onNotice('published', (_w, _c, version) => ({ version, reason: '内容有误' })),
    refusedWith: ['NOTICE.NOT_FOUND', 'AUTH.UNAUTHENTICATED'],
  }),
  row('notice', 'staffList', {
    relations: MANAGED,
    allow: RUNS,
    request: async (w, c) => {
      const n = await w.notice(c, { state: 'draft' });
      return n && { req: { communityId: n.communityId }, subject: n.noticeId };
    },
    grants: mentions,
  }),
  row('notice', 'staffBoard', {
    relations: MANAGED,
    allow: RUNS,
    request: async (w, c) => {
      const n = await w.notice(c, { state: 'draft' });
      return n && { req: { communityId: n.communityId }, subject: n.noticeId };
    },
    grants: mentions,
  }),
  row('notice', 'staffDetail', {
    relations: MANAGED,
    allow: RUNS,
    request: onNotice('draft'),
    refusedWith: ['NOTICE.NOT_FOUND', 'AUTH.UNAUTHENTICATED'],
  }),
  row('notice', 'feed', {
    // A resident's feed holds what targets their household.
    relations: TARGETED,
    allow: { resident: ['sameMicroGrid'] },
    request: async (w, c) => {
      const n = await w.notice(c, { state: 'published' });
      return n && { req: {}, subject: n.noticeId };
    },
    grants: mentions,
  }),
  row('notice', 'detail', {
    // Residents read what targets them; workers, leaders and staff of the community read its published notices
    // (they share them and visit for them). Of another community nothing is told, not even that it exists.
    relations: TARGETED,
    allow: {
      resident: ['sameMicroGrid'],
      worker: ['sameMicroGrid', 'sameGrid', 'sameCommunity'],
      leader: ['sameMicroGrid', 'sameGrid', 'sameCommunity'],
      staff: ['sameMicroGrid', 'sameGrid', 'sameCommunity'],
      secretary: ['sameMicroGrid', 'sameGrid', 'sameCommunity'],
      otherStaff: ['otherCommunity'],
    },
    request: onNotice('published'),
    refusedWith: ['NOTICE.NOT_FOUND', 'AUTH.UNAUTHENTICATED'],
  }),
  row('notice', 'confirm', {
    relations: TARGETED,
    allow: { resident: ['sameMicroGrid'] },
    request: onNotice('published'),
    refusedWith: ['NOTICE.NOT_FOUND', 'NOTICE.NOT_TARGETED', 'NOTICE.NO_HOUSEHOLD', 'AUTH.UNAUTHENTICATED'],
  }),
  row('notice', 'subscriptions', { relations: OWN, allow: USERS, request: async () => ({ req: {} }) }),
  row('notice', 'setSubscriptions', {
    relations: OWN,
    allow: USERS,
    request: async () => ({ req: { categories: ['medicalInsurance'] } }),
  }),
  row('notice', 'coverage', { relations: MANAGED, allow: RUNS, request: onNotice('published') }),
  row('notice', 'exportCoverage', { relations: MANAGED, allow: RUNS, request: onNotice('published') }),
  row('notice', 'reconcile', { relations: MANAGED, allow: RUNS, request: onNotice('published') }),
  row('notice', 'visitTasks', {
    // The notice appears among the visit tasks of the targeted micro-grid's workers and its grid's leader.
    relations: TARGETED,
    allow: { worker: ['sameMicroGrid'], leader: ['sameMicroGrid', 'sameGrid'] },
    request: async (w, c) => {
      const n = await w.notice(c, { state: 'published' });
      return n && { req: {}, subject: n.noticeId };
    },
    grants: mentions,
  }),
  row('notice', 'visitList', {
    relations: TARGETED,
    allow: VISITS,
    request: onNotice('published', (w, c) => ({ microGridId: w.slot(c.relation).microGridId })),
  }),
  row('notice', 'recordVisit', {
    relations: TARGETED,
    allow: VISITS,
    request: onNotice('published', (w, c) => ({
      householdId: w.slot(c.relation).householdId,
      outcome: 'phone',
      note: '',
    })),
  }),
  row('notice', 'shareToken', {
    // The token for the card's share path: workers and leaders of the notice's community.
    relations: TARGETED,
    allow: {
      worker: ['sameMicroGrid', 'sameGrid', 'sameCommunity'],
      leader: ['sameMicroGrid', 'sameGrid', 'sameCommunity'],
    },
    request: onNotice('published'),
  }),
  row('notice', 'bindGroup', {
    // Anyone who opens the card in the group binds it, to the grid of the worker whose token the path carries.
    relations: TARGETED,
    allow: {
      stranger: TARGETED,
      resident: TARGETED,
      worker: TARGETED,
      leader: TARGETED,
      staff: TARGETED,
      secretary: TARGETED,
      otherStaff: TARGETED,
      street: TARGETED,
    },
    request: async (w, c) => {
      const n = await w.notice(c, { state: 'published' });
      if (!n) return null;
      const shareToken = await tokenOf(w, w.slot(c.relation).worker, n.noticeId);
      return { req: { noticeId: n.noticeId, shareToken, cloudID: cloudID(w) }, subject: n.noticeId };
    },
  }),
  row('notice', 'groups', {
    relations: ['sameCommunity', 'otherCommunity'],
    allow: { staff: ['sameCommunity'], secretary: ['sameCommunity'], otherStaff: ['otherCommunity'] },
    request: async (w, c) => ({ req: { communityId: w.slot(c.relation).communityId } }),
  }),
  row('notice', 'fixGroup', {
    relations: ['sameCommunity', 'otherCommunity'],
    allow: { staff: ['sameCommunity'], secretary: ['sameCommunity'], otherStaff: ['otherCommunity'] },
    request: async (w, c) => {
      const s = w.slot(c.relation);
      const n = await w.notice(c, { state: 'published' });
      const opengid = `opengid-matrix-fix-${(groups += 1)}`;
      await w.ok(s.resident, 'notice', 'bindGroup', {
        noticeId: n!.noticeId,
        shareToken: await tokenOf(w, s.worker, n!.noticeId),
        cloudID: cloudID(w, opengid),
      });
      return { req: { bindingId: noticeIds.binding(opengid), gridId: null } };
    },
  }),
];
