/**
 * A notice's states in words: one table, exhaustive over the contract's union; the server's pushes use the
 * same words (server/core/notifications/status-words.ts, test/access/status-words.test.ts).
 */
import type { NoticeState } from '../../typings/notice';

export const noticeStateLabels = {
  draft: '草稿',
  scheduled: '定时发布',
  publishing: '发布中',
  published: '已发布',
  withdrawn: '已撤回',
} as const satisfies Record<NoticeState, string>;
