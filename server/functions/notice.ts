/** The `notice` cloud function: compose and publish, the resident feed and 已知晓, coverage, visits, groups. */
import * as z from 'zod';
import type { NoticeActions } from '../../typings/notice';
import { householdTagLabels } from '../core/grids/ledger/columns';
import { loadNoticeForStaff } from '../core/notices/access';
import {
  composeNotice,
  editNotice,
  previewAudience,
  staffDetail,
  staffList,
  withdrawNotice,
} from '../core/notices/compose';
import { staffBoard } from '../core/notices/board';
import { coverageOf, coverageSheets, coverageView } from '../core/notices/coverage';
import { noticeDetail, noticeFeed } from '../core/notices/feed';
import { bindGroup, fixGroup, groupsView, issueShareToken } from '../core/notices/groups';
import { requestPublish } from '../core/notices/publish';
import { confirmNotice } from '../core/notices/receipts';
import { reconcileNotice } from '../core/notices/reconcile';
import { getSubscriptions, setSubscriptions } from '../core/notices/subscriptions';
import { noticeCategoryLabels, noticeStateLabels, visitOutcomeLabels } from '../core/notices/tables';
import { recordVisit, visitList, visitTasks } from '../core/notices/visits';
import { toIso } from '../core/time/shanghai';
import { loadActor } from '../core/users/actor';
import { defineFunction } from './define';
import { writeCoverageWorkbook } from './notice-export';
import { empty, fileIdSchema, id, keysOf } from './schemas';

const category = keysOf(noticeCategoryLabels);
const span = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('text'), text: z.string().max(5000), bold: z.boolean().optional() }),
  z.object({ kind: z.literal('noticeLink'), noticeId: id, text: z.string().trim().min(1).max(200) }),
]);
const block = z.object({ kind: z.literal('paragraph'), spans: z.array(span).min(1).max(50) });
const content = z.object({
  title: z.string().trim().min(2).max(60),
  body: z.array(block).min(1).max(100),
  category,
  coverFileId: fileIdSchema.nullable(),
  attachments: z
    .array(
      z.object({
        fileId: fileIdSchema,
        name: z.string().trim().min(1).max(100),
        kind: z.enum(['pdf', 'image']),
      }),
    )
    .max(9),
});
const audience = z.object({
  scope: z.enum(['community', 'places']),
  gridIds: z.array(id).max(500),
  microGridIds: z.array(id).max(5000),
  tags: z.array(keysOf(householdTagLabels)).max(Object.keys(householdTagLabels).length),
});
const version = z.number().int().min(1);
const noticeId = z.object({ noticeId: id });

export const noticeFunction = defineFunction<NoticeActions>('notice', {
  compose: {
    input: content.extend({ communityId: id, audience }),
    run: (deps, caller, input) => composeNotice(deps, caller, input),
  },
  edit: {
    input: z.object({
      noticeId: id,
      version,
      content,
      audience: audience.optional(),
      correctionNote: z.string().trim().max(200).optional(),
    }),
    run: (deps, caller, input) => editNotice(deps, caller, input),
  },
  previewAudience: {
    input: z.object({ communityId: id, audience }),
    run: (deps, caller, input) => previewAudience(deps, caller, input),
  },
  publish: {
    input: z.object({
      noticeId: id,
      version,
      at: z.iso.datetime({ offset: true }).optional(),
    }),
    run: (deps, caller, input) => requestPublish(deps, caller, input),
  },
  withdraw: {
    input: z.object({ noticeId: id, version, reason: z.string().trim().min(2).max(200) }),
    run: (deps, caller, input) => withdrawNotice(deps, caller, input),
  },
  staffList: {
    input: z.object({
      communityId: id,
      state: keysOf(noticeStateLabels).optional(),
    }),
    run: (deps, caller, input) => staffList(deps, caller, input),
  },
  staffDetail: { input: noticeId, run: (deps, caller, input) => staffDetail(deps, caller, input.noticeId) },
  staffBoard: {
    input: z.object({ communityId: id }),
    run: (deps, caller, input) => staffBoard(deps, caller, input),
  },
  feed: {
    input: z.object({ category: category.optional(), before: z.string().max(200).optional() }),
    run: (deps, caller, input) => noticeFeed(deps, caller, input),
  },
  detail: { input: noticeId, run: (deps, caller, input) => noticeDetail(deps, caller, input.noticeId) },
  confirm: { input: noticeId, run: (deps, caller, input) => confirmNotice(deps, caller, input.noticeId) },
  subscriptions: { input: empty, run: (deps, caller) => getSubscriptions(deps, caller) },
  setSubscriptions: {
    input: z.object({ categories: z.array(category).max(Object.keys(noticeCategoryLabels).length) }),
    run: (deps, caller, input) => setSubscriptions(deps, caller, input.categories),
  },
  coverage: { input: noticeId, run: (deps, caller, input) => coverageView(deps, caller, input.noticeId) },
  exportCoverage: {
    input: noticeId,
    run: async (deps, caller, input) => {
      const user = await loadActor(deps.store, caller);
      const notice = await loadNoticeForStaff(deps.store, user, input.noticeId);
      const view = await coverageOf(deps.store, notice);
      const stamp = toIso(deps.clock.now()).slice(0, 16).replace(/[-:T]/g, '');
      const name = `通知覆盖情况-${notice.title.slice(0, 20)}-${stamp}.xlsx`;
      const fileId = await writeCoverageWorkbook(
        deps.files,
        `exports/notices/${notice._id}/${stamp}.xlsx`,
        coverageSheets(view),
      );
      return { fileId, url: await deps.files.url(fileId), name };
    },
  },
  reconcile: {
    input: noticeId,
    run: async (deps, caller, input) => {
      const user = await loadActor(deps.store, caller);
      return reconcileNotice(deps.store, await loadNoticeForStaff(deps.store, user, input.noticeId));
    },
  },
  visitTasks: { input: empty, run: (deps, caller) => visitTasks(deps, caller) },
  visitList: {
    input: z.object({ noticeId: id, microGridId: id }),
    run: (deps, caller, input) => visitList(deps, caller, input),
  },
  recordVisit: {
    input: z.object({
      noticeId: id,
      householdId: id,
      outcome: keysOf(visitOutcomeLabels),
      note: z.string().trim().max(500),
      requestId: z.string().trim().min(1).max(64).optional(),
    }),
    run: (deps, caller, input) => recordVisit(deps, caller, input),
  },
  shareToken: {
    input: noticeId,
    run: (deps, caller, input) => issueShareToken(deps, caller, input.noticeId),
  },
  bindGroup: {
    input: z.object({
      noticeId: id,
      shareToken: z.string().trim().min(1).max(300),
      cloudID: z.string().trim().min(1).max(2048),
    }),
    run: (deps, caller, input) => bindGroup(deps, deps.groupTickets, caller, input),
  },
  groups: {
    input: z.object({ communityId: id }),
    run: (deps, caller, input) => groupsView(deps, caller, input.communityId),
  },
  fixGroup: {
    input: z.object({ bindingId: id.max(200), gridId: id.nullable() }),
    run: (deps, caller, input) => fixGroup(deps, caller, input),
  },
});
