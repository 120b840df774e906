/**
 * The Chinese name of every input field, as a validation message says it (「问题描述」最多 1000 字). One table
 * for all functions, keyed by field name; where one name means different things, a longer key wins: the
 * path's last named keys (`place.kind`), or the action with the field (`ticket.resolve.note`). A list
 * field may name the unit its items are counted in (「照片」最多 9 张).
 */
export interface FieldLabel {
  label: string;
  /** What a list counts, e.g. 张 for photos; default 项. */
  unit?: string;
}

export const fieldLabels: Record<string, FieldLabel> = {
  // Places and the grid map
  communityId: { label: '社区' },
  gridId: { label: '网格' },
  microGridId: { label: '微网格' },
  gridIds: { label: '网格', unit: '个' },
  microGridIds: { label: '微网格', unit: '个' },
  buildingId: { label: '楼栋' },
  householdId: { label: '住户' },
  unit: { label: '单元' },
  room: { label: '房号' },
  floor: { label: '楼层' },
  place: { label: '问题位置' },
  'place.kind': { label: '位置方式' },
  point: { label: '地图选点' },
  lat: { label: '纬度' },
  lng: { label: '经度' },
  addressText: { label: '地址描述' },
  // People and roles
  userId: { label: '用户' },
  // Onboarding: household codes, bind requests, invites
  'user.claimInvite.code': { label: '邀请码' },
  inviteCode: { label: '邀请码' },
  inviteId: { label: '邀请' },
  'user.previewHouseholdCode.code': { label: '住户码' },
  'user.bindHousehold.code': { label: '住户码' },
  codeId: { label: '住户码' },
  'user.setOnboardingPolicy.policy': { label: '绑定规则' },
  'policy.mode': { label: '住户码使用方式' },
  'policy.memberLimit': { label: '每户人数上限' },
  'policy.approval': { label: '需网格员审核' },
  'user.bindRequests.status': { label: '申请状态' },
  phone: { label: '手机号' },
  'ticket.follow.from': { label: '您所在的位置' },
  shareToken: { label: '分享凭证' },
  name: { label: '姓名' },
  grant: { label: '角色授权' },
  role: { label: '角色' },
  duty: { label: '职责' },
  memberId: { label: '网格成员' },
  primary: { label: '主责' },
  onDuty: { label: '在岗' },
  assigneeUserId: { label: '处理人' },
  sharer: { label: '分享人' },
  // Tickets
  statuses: { label: '工单状态', unit: '个' },
  overdue: { label: '只看超时' },
  escalated: { label: '只看升级' },
  fromMonth: { label: '起始月份' },
  toMonth: { label: '截止月份' },
  ticketId: { label: '工单' },
  intoTicketId: { label: '合并到的工单' },
  clientRequestId: { label: '提交编号' },
  category: { label: '分类' },
  description: { label: '问题描述' },
  photos: { label: '照片', unit: '张' },
  version: { label: '版本号' },
  note: { label: '说明' },
  'ticket.progress.note': { label: '进展说明' },
  'ticket.resolve.note': { label: '办结说明' },
  'notice.recordVisit.note': { label: '走访记录' },
  reason: { label: '原因' },
  'ticket.reopen.reason': { label: '重新办理的原因' },
  'ticket.return.reason': { label: '退回原因' },
  'ticket.reject.reason': { label: '驳回原因' },
  'notice.withdraw.reason': { label: '撤回原因' },
  party: { label: '协办单位' },
  request: { label: '协办事项' },
  stars: { label: '评分' },
  comment: { label: '评价' },
  scope: { label: '范围' },
  tab: { label: '列表' },
  // Notices
  noticeId: { label: '通知' },
  'spans.noticeId': { label: '链接的通知' },
  title: { label: '标题' },
  body: { label: '正文', unit: '段' },
  'body.kind': { label: '段落类型' },
  spans: { label: '段落内容', unit: '段' },
  'spans.kind': { label: '文字类型' },
  'spans.text': { label: '正文文字' },
  bold: { label: '加粗' },
  content: { label: '通知内容' },
  coverFileId: { label: '封面图片' },
  attachments: { label: '附件', unit: '个' },
  'attachments.fileId': { label: '附件文件' },
  'attachments.name': { label: '附件名称' },
  'attachments.kind': { label: '附件类型' },
  audience: { label: '发布范围' },
  'audience.scope': { label: '发布范围' },
  tags: { label: '人群标签', unit: '个' },
  at: { label: '定时发布时间' },
  correctionNote: { label: '更正说明' },
  state: { label: '通知状态' },
  categories: { label: '订阅的分类', unit: '个' },
  before: { label: '翻页位置' },
  outcome: { label: '走访结果' },
  requestId: { label: '请求编号' },
  cloudID: { label: '群信息' },
  bindingId: { label: '群绑定记录' },
  // Imports and exports
  fileId: { label: '文件' },
  text: { label: '文件内容' },
  kind: { label: '类型' },
  'importLedger.kind': { label: '台账类型' },
  'export.kind': { label: '导出内容' },
  format: { label: '文件格式' },
  // The workbench
  filter: { label: '筛选条件' },
  'filter.statuses': { label: '工单状态', unit: '个' },
  'filter.overdue': { label: '只看超时' },
  'filter.escalated': { label: '只看督办' },
  'filter.from': { label: '开始日期' },
  'filter.to': { label: '截止日期' },
  cursor: { label: '翻页位置' },
  // Field work
  templateId: { label: '排查模板' },
  'field.saveTemplate.name': { label: '模板名称' },
  items: { label: '排查项目', unit: '项' },
  'items.key': { label: '项目编号' },
  'items.text': { label: '项目内容' },
  'items.category': { label: '不合格时上报的分类' },
  buildingIds: { label: '楼栋', unit: '栋' },
  cadence: { label: '周期' },
  'cadence.kind': { label: '周期类型' },
  'cadence.from': { label: '专项排查开始时间' },
  'cadence.to': { label: '专项排查截止时间' },
  taskId: { label: '排查任务' },
  'field.submitInspection.answers': { label: '排查结果', unit: '项' },
  'answers.itemKey': { label: '排查项目' },
  'answers.result': { label: '检查结果' },
  'answers.photoFileId': { label: '现场照片' },
  'answers.note': { label: '情况说明' },
  groupId: { label: '关怀人群' },
  'field.saveCareGroup.name': { label: '关怀人群名称' },
  'field.saveCareGroup.tags': { label: '住户标签', unit: '个' },
  'field.recordEvent.note': { label: '事件说明' },
  'field.recordCareVisit.note': { label: '走访记录' },
  'field.recordCareVisit.outcome': { label: '走访结果' },
  dueId: { label: '走访任务' },
  services: { label: '代办服务', unit: '项' },
  month: { label: '月份' },
  date: { label: '日期' },
  'field.addWorklogNote.text': { label: '备注内容' },
  // Messages
  messageId: { label: '消息' },
  limit: { label: '条数' },
  purpose: { label: '订阅用途' },
  answers: { label: '订阅结果' },
  states: { label: '发送状态', unit: '个' },
  // Streets, deadlines and the work calendar (issue 11)
  streetId: { label: '街道' },
  rankBy: { label: '排名指标' },
  communityCode: { label: '社区编码' },
  center: { label: '社区中心点' },
  coordinateSystem: { label: '坐标系' },
  dryRun: { label: '仅预览' },
  repair: { label: '修复计数' },
  rules: { label: '时限规则', unit: '条' },
  'rules.group': { label: '分类组' },
  'rules.urgent': { label: '紧急' },
  signFor: { label: '签收时限' },
  'signFor.amount': { label: '签收时限数值' },
  'signFor.unit': { label: '签收时限单位' },
  resolve: { label: '办结时限' },
  'resolve.amount': { label: '办结时限数值' },
  'resolve.unit': { label: '办结时限单位' },
  extensionMax: { label: '延期上限' },
  'extensionMax.amount': { label: '延期上限数值' },
  'extensionMax.unit': { label: '延期上限单位' },
  'ticket.askExtension.limit': { label: '延期时长' },
  'ticket.approveExtension.limit': { label: '批准的延期时长' },
  'limit.amount': { label: '延期时长数值' },
  'limit.unit': { label: '延期时长单位' },
  periods: { label: '工作时段', unit: '段' },
  'periods.start': { label: '上班时间' },
  'periods.end': { label: '下班时间' },
  year: { label: '年份' },
  holidays: { label: '放假日期', unit: '天' },
  workdays: { label: '调休上班日期', unit: '天' },
};

/** What a message says when a field has no row above (a test keeps every field in the table). */
export const UNLABELLED: FieldLabel = { label: '提交的内容' };

/**
 * The label for a field at `path` (its named keys, indices dropped) in `fn`.`action`: the longest key of the
 * table that the path ends with, trying the action-qualified key first; else that of the enclosing field.
 */
export function labelFor(fn: string, action: string, names: readonly string[]): FieldLabel {
  // A path ending in a record's key (a template id under `answers`) is named after the field holding it.
  for (let end = names.length; end > 0; end--) {
    const qualified = [fn, action, ...names.slice(0, end)];
    for (let start = 0; start < qualified.length; start++) {
      const key = qualified.slice(start).join('.');
      if (Object.hasOwn(fieldLabels, key)) return fieldLabels[key]!;
    }
  }
  return UNLABELLED;
}
