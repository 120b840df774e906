/** Field work's words on pages, each table exhaustive over the contract's union so none can be forgotten. */
import type {
  CareCadence,
  CareService,
  InspectionTaskState,
  ItemResult,
  NoticeHouseholdTag,
  VisitOutcome,
  WorklogKind,
} from '../../typings/field';

export const itemResultLabels: Record<ItemResult, string> = {
  pass: '合格',
  fail: '不合格',
  notApplicable: '不适用',
};

export const taskStateLabels: Record<InspectionTaskState, string> = {
  due: '待排查',
  failed: '待复查',
  passed: '已通过',
};

export const careOutcomeLabels: Record<VisitOutcome, string> = {
  inPerson: '入户见到本人',
  phone: '电话联系',
  nobodyHome: '无人在家',
};

export const careServiceLabels: Record<CareService, string> = {
  payment: '代缴',
  medicine: '买药',
  pensionCertification: '养老认证',
  errand: '代办',
  other: '其他',
};

export const cadenceLabels: Record<CareCadence, string> = {
  weekly: '每周',
  monthly: '每月',
  quarterly: '每季度',
};

export const householdTagLabels: Record<NoticeHouseholdTag, string> = {
  elderly: '老年人',
  disabled: '残疾人',
  leftBehindChild: '留守儿童',
  hardship: '困难家庭',
};

export const worklogKindLabels: Record<WorklogKind, string> = {
  ticketAccepted: '签收工单',
  ticketProgress: '办理工单',
  ticketResolved: '办结工单',
  inspection: '安全排查',
  careVisit: '走访',
  noticeVisit: '入户宣传',
  noticeShared: '转发通知',
  note: '备注',
};

/** 6月20日 18:00 from an IsoTime. */
export function dueText(at: string): string {
  return `${Number(at.slice(5, 7))}月${Number(at.slice(8, 10))}日 ${at.slice(11, 16)}`;
}

/**
 * What the inspection walk says before it sends a form the server would refuse: the very sentences of the
 * server's FIELD.ANSWERS_INVALID and FIELD.PHOTO_REQUIRED (a test keeps them equal), so a worker reads one
 * wording whether the phone or the server caught it.
 */
export const walkRefusals = {
  answersMissing: '排查表填写不完整，请为每一项选择合格、不合格或不适用',
  photoMissing: '不合格的项目请拍一张现场照片',
} as const;
