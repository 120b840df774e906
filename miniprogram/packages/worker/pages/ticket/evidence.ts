/** What a worker's form still lacks before it can be sent, mirroring the server's rules; '' when complete. */
import type { TicketCategory } from '../../../../../typings/ticket';
import { isSafetyCategory } from '../../../../tickets/categories';

/** 办结: safety hazards need a note and at least one photo (TICKET.EVIDENCE_REQUIRED on the server). */
export function resolveMissing(category: TicketCategory, note: string, photos: number): string {
  if (!isSafetyCategory(category)) return '';
  if (!note.trim() && photos === 0) return '安全隐患办结须填写办结说明并上传至少 1 张照片';
  if (!note.trim()) return '安全隐患办结须填写办结说明';
  if (photos === 0) return '安全隐患办结须上传至少 1 张现场照片';
  return '';
}

/** The co-handling parties 协办单位 offered as one tap; anything else can be typed. */
export const commonParties = ['物业', '供水公司', '供电公司', '燃气公司', '街道', '城管', '派出所'] as const;
