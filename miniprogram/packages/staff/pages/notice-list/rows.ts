/** The notice list's words: a notice's state as staff read it, and each line's figures. */
import type { NoticeState, StaffNoticeRow } from '../../../../../typings/notice';
import { noticeCategoryLabels, timeText } from '../../../../pages/notices/categories';

export const noticeStateLabels = {
  draft: '草稿',
  scheduled: '定时待发',
  publishing: '发布中',
  published: '已发布',
  withdrawn: '已撤回',
} as const satisfies Record<NoticeState, string>;

export interface NoticeLine {
  noticeId: string;
  title: string;
  stateLabel: string;
  category: string;
  /** 修改于 6月20日 09:05 · 将于 6月24日 09:00 发布 · 6月20日 09:05 发布 */
  when: string;
  /** 已覆盖 12/85 户（14%）; empty for drafts and scheduled notices. */
  coverage: string;
  /** 0–100, for the bar; null when there is no coverage yet. */
  percent: number | null;
}

/** A whole percentage, rounded down so that 99.6% never reads as done. */
export function percentOf(reached: number, households: number): number {
  return households > 0 ? Math.floor((reached * 100) / households) : 0;
}

function whenOf(row: StaffNoticeRow): string {
  if (row.state === 'draft') return `修改于 ${timeText(row.updatedAt)}`;
  if (row.state === 'scheduled') return row.publishAt ? `将于 ${timeText(row.publishAt)} 发布` : '定时待发';
  return row.publishedAt ? `${timeText(row.publishedAt)} 发布` : '';
}

export function lineOf(row: StaffNoticeRow): NoticeLine {
  const counted = row.reached !== null && row.households !== null;
  const percent = counted ? percentOf(row.reached ?? 0, row.households ?? 0) : null;
  return {
    noticeId: row.noticeId,
    title: row.title,
    stateLabel: noticeStateLabels[row.state],
    category: noticeCategoryLabels[row.category],
    when: whenOf(row),
    coverage: counted ? `已覆盖 ${row.reached}/${row.households} 户（${percent}%）` : '',
    percent,
  };
}
