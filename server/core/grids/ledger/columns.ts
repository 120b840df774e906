/** The ledger's Chinese column headers, in export order, and the words used in them. */
import type { HouseholdTag, MemberDuty } from '../model';

export const BUILDING_COLUMNS = ['小区', '楼栋', '网格', '微网格', '层数', '经度', '纬度'] as const;
export const BUILDING_REQUIRED = ['小区', '楼栋', '网格', '微网格'] as const;

export const HOUSEHOLD_COLUMNS = ['小区', '楼栋', '单元', '房号', '标签'] as const;
export const HOUSEHOLD_REQUIRED = ['小区', '楼栋', '单元', '房号'] as const;

export const MEMBER_COLUMNS = ['姓名', '手机', '职责', '网格', '微网格', '是否主责', '是否在岗'] as const;
export const MEMBER_REQUIRED = ['姓名', '手机', '职责', '网格'] as const;

export const householdTagLabels: Record<HouseholdTag, string> = {
  elderly: '老年人',
  disabled: '残疾人',
  leftBehindChild: '留守儿童',
  hardship: '困难家庭',
};

export const memberDutyLabels: Record<MemberDuty, string> = {
  leader: '网格长',
  worker: '网格员',
  police: '民警',
  property: '物业',
  volunteer: '志愿者',
  other: '其他',
};

/** Label → value, accepting a few everyday variants. */
export const dutyByLabel: Record<string, MemberDuty> = {
  ...Object.fromEntries(Object.entries(memberDutyLabels).map(([k, v]) => [v, k as MemberDuty])),
  社区民警: 'police',
  物业经理: 'property',
  专职网格员: 'worker',
};

export const tagByLabel: Record<string, HouseholdTag> = Object.fromEntries(
  Object.entries(householdTagLabels).map(([k, v]) => [v, k as HouseholdTag]),
);

/** Cells listing several tags: 老年人、残疾人 / 老年人,残疾人 / 老年人 残疾人. */
export function splitList(cell: string): string[] {
  return cell
    .split(/[、,，;；\s]+/)
    .map((s) => s.trim())
    .filter(Boolean);
}
