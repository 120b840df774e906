/** The `notice` cloud function: compose and publish, the resident feed and 已知晓, coverage, visits, groups. */
import * as z from 'zod/mini';
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
import { reconcileAndRepair } from '../core/notices/repair';
import { getSubscriptions, setSubscriptions } from '../core/notices/subscriptions';
import { noticeCategoryLabels, noticeStateLabels, visitOutcomeLabels } from '../core/notices/tables';
import { recordVisit, visitList, visitTasks } from '../core/notices/visits';
import { toIso } from '../core/time/shanghai';
import { loadActor } from '../core/users/actor';
import { defineFunction } from './define';
import { writeCoverageWorkbook } from './notice-export';
import { empty, fileIdSchema, id, keysOf, required, text, compoundId } from './schemas';

const category = keysOf(noticeCategoryLabels);
const span = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('text'),
    text: z.string().check(z.maxLength(5000)),
    bold: z.optional(z.boolean()),
  }),
  z.object({ kind: z.literal('noticeLink'), noticeId: id, text: required(200) }),
]);
const block = z.object({
  kind: z.literal('paragraph'),
  spans: z.array(span).check(z.minLength(1), z.maxLength(50)),
});
const content = z.object({
  title: required(60, { min: 2 }),
  body: z.array(block).check(z.minLength(1), z.maxLength(100)),
  category,
  coverFileId: z.nullable(fileIdSchema),
  attachments: z
    .array(z.object({ fileId: fileIdSchema, name: required(100), kind: z.enum(['pdf', 'image']) }))
    .check(z.maxLength(9)),
});
const audience = z.object({
  scope: z.enum(['community', 'places']),
  gridIds: z.array(id).check(z.maxLength(500)),
  microGridIds: z.array(id).check(z.maxLength(5000)),
  tags: z.array(keysOf(householdTagLabels)).check(z.maxLength(Object.keys(householdTagLabels).length)),
});
const version = z.int().check(z.gte(1));
const noticeId = z.object({ noticeId: id });

export const noticeFunction = defineFunction<NoticeActions>('notice', {
  compose: {
    input: z.extend(content, { communityId: id, audience }),
    run: (deps, caller, input) => composeNotice(deps, caller, input),
  },
  edit: {
    input: z.object({
      noticeId: id,
      version,
      content,
      audience: z.optional(audience),
      correctionNote: z.optional(text(200)),
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
      at: z.optional(z.iso.datetime({ offset: true })),
    }),
    run: (deps, caller, input) => requestPublish(deps, caller, input),
  },
  withdraw: {
    input: z.object({ noticeId: id, version, reason: required(200, { min: 2 }) }),
    run: (deps, caller, input) => withdrawNotice(deps, caller, input),
  },
  staffList: {
    input: z.object({
      communityId: id,
      state: z.optional(keysOf(noticeStateLabels)),
    }),
    run: (deps, caller, input) => staffList(deps, caller, input),
  },
  staffDetail: { input: noticeId, run: (deps, caller, input) => staffDetail(deps, caller, input.noticeId) },
  staffBoard: {
    input: z.object({ communityId: id }),
    run: (deps, caller, input) => staffBoard(deps, caller, input),
  },
  feed: {
    input: z.object({
      category: z.optional(category),
      before: z.optional(z.string().check(z.maxLength(200))),
    }),
    run: (deps, caller, input) => noticeFeed(deps, caller, input),
  },
  detail: { input: noticeId, run: (deps, caller, input) => noticeDetail(deps, caller, input.noticeId) },
  confirm: { input: noticeId, run: (deps, caller, input) => confirmNotice(deps, caller, input.noticeId) },
  subscriptions: { input: empty, run: (deps, caller) => getSubscriptions(deps, caller) },
  setSubscriptions: {
    input: z.object({
      categories: z.array(category).check(z.maxLength(Object.keys(noticeCategoryLabels).length)),
    }),
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
    input: z.object({ noticeId: id, repair: z.optional(z.boolean()) }),
    run: async (deps, caller, input) => {
      const user = await loadActor(deps.store, caller);
      const notice = await loadNoticeForStaff(deps.store, user, input.noticeId);
      return input.repair ? reconcileAndRepair(deps, notice) : reconcileNotice(deps.store, notice);
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
      note: text(500),
      requestId: z.optional(required(64)),
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
      shareToken: required(300),
      cloudID: required(2048),
    }),
    run: (deps, caller, input) => bindGroup(deps, deps.groupTickets, caller, input),
  },
  groups: {
    input: z.object({ communityId: id }),
    run: (deps, caller, input) => groupsView(deps, caller, input.communityId),
  },
  fixGroup: {
    input: z.object({ bindingId: compoundId, gridId: z.nullable(id) }),
    run: (deps, caller, input) => fixGroup(deps, caller, input),
  },
});
