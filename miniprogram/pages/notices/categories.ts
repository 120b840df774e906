/** Notice categories with their Chinese labels, exhaustive over the contract's union. */
import type { NoticeCategory } from '../../../typings/notice';

export const noticeCategoryLabels: Record<NoticeCategory, string> = {
  medicalInsurance: '医保',
  employment: '就业',
  safety: '安全',
  health: '健康',
  eldercare: '养老',
  other: '其他',
};

export const noticeCategories = Object.keys(noticeCategoryLabels) as NoticeCategory[];

/** 2026-06-20T09:05:00+08:00 → 6月20日 09:05 (times arrive in Asia/Shanghai already). */
export function timeText(iso: string): string {
  const m = /^\d{4}-(\d{2})-(\d{2})T(\d{2}):(\d{2})/.exec(iso);
  return m ? `${Number(m[1])}月${Number(m[2])}日 ${m[3]}:${m[4]}` : iso;
}
