/** Errors with stable codes (typings/errors.ts) and the Chinese message people read at the edge. */
import type { ErrorCode } from '../../typings/errors';

export const errorMessages: Record<ErrorCode, string> = {
  'VALIDATION.FAILED': '提交的内容有误，请检查后重试',
  'VALIDATION.UNKNOWN_ACTION': '小程序版本过旧，不支持此操作，请关闭小程序后重新打开',
  'AUTH.UNAUTHENTICATED': '请先登录：关闭小程序后重新打开即可',
  'AUTH.FORBIDDEN': '您没有权限进行此操作，如需办理请联系社区工作人员',
  'AUTH.DEV_IDENTITY_REFUSED': '开发身份仅可在本机的本地云中使用，请在本机访问或改用云开发环境',
  'USER.NOT_FOUND': '找不到这位用户，请刷新后重新选择',
  'USER.ROLE_SCOPE_INVALID': '角色的范围不正确，请为网格长选择网格、为网格员选择微网格',
  'USER.SELF_REVOKE': '不能撤销自己的工作人员角色，请由其他工作人员操作',
  'COMMUNITY.NOT_FOUND': '找不到这个社区，请返回首页重新进入',
  'GRID.NOT_FOUND': '找不到这个网格，可能已被调整，请刷新后重新选择',
  'MICRO_GRID.NOT_FOUND': '找不到这个微网格，可能已被调整，请刷新后重新选择',
  'HOUSEHOLD.NOT_FOUND': '找不到这户住户，请刷新后重新选择，或联系社区工作人员核实',
  'MEMBER.NOT_FOUND': '找不到这位网格成员，可能已被移出，请刷新后查看',
  'HOUSEHOLD.CODE_FORGED': '住户码无法识别，请重新扫描社区张贴或发放的住户码',
  'HOUSEHOLD.CODE_REVOKED': '此住户码已作废，请向社区工作人员索取新的住户码',
  'HOUSEHOLD.CODE_USED_UP': '此住户码已达到可绑定人数上限，请联系社区工作人员',
  'HOUSEHOLD.ALREADY_BOUND': '您已绑定此住户，无需重复绑定，请返回首页使用',
  'HOUSEHOLD.REQUEST_PENDING': '您已提交绑定申请，请等待网格员审核',
  'HOUSEHOLD.RAW_ID_REFUSED': '请扫描住户码绑定住户，不能直接填写住户编号',
  'HOUSEHOLD.USER_OTHER_COMMUNITY': '此用户属于其他社区，请由其所在社区的工作人员办理',
  'HOUSEHOLD.NOT_MEMBER': '此用户不是该住户的成员，请刷新后重新选择',
  'BIND_REQUEST.NOT_FOUND': '找不到这条绑定申请，可能已撤回，请刷新后查看',
  'BIND_REQUEST.DECIDED': '此申请已处理，请刷新后查看',
  'INVITE.INVALID': '邀请码无效，请核对后重新输入，或向社区工作人员索取',
  'INVITE.CLAIMED': '此邀请码已被使用，请向社区工作人员索取新的邀请码',
  'INVITE.REVOKED': '此邀请码已作废，请向社区工作人员索取新的邀请码',
  'INVITE.NOT_FOUND': '找不到这条邀请，可能已作废，请刷新后查看',
  'MEMBER.PRIMARY_REQUIRED': '每个微网格须有一名主责网格员：请先把另一名网格员设为主责',
  'IMPORT.INVALID': '导入文件有误，未写入任何数据，请按提示修改文件后重新导入',
  'IMPORT.NO_SOURCE': '请上传文件或粘贴文件内容',
  'IMPORT.FILE_NOT_FOUND': '找不到上传的文件，请重新上传',
  'MESSAGE.NOT_FOUND': '找不到这条消息，请刷新消息列表后查看',
  'STORE.CONFLICT': '数据已被他人修改，请刷新后重试',
  'STORE.DUPLICATE': '这条记录已经存在，请刷新后查看，无需重复提交',
  'STORE.NOT_FOUND': '找不到这条记录，可能已被删除，请刷新后查看',
  'RATE.LIMITED': '操作太频繁，请稍后再试',
  'TICKET.NOT_FOUND': '找不到这张工单，可能已撤销或您无权查看，请返回列表刷新',
  'TICKET.STALE_VERSION': '工单状态已更新，请刷新页面查看最新状态后再操作',
  'TICKET.INVALID_STATE': '工单当前状态下不能进行此操作，请刷新后查看',
  'TICKET.PHOTO_MISSING': '有照片没有上传成功，请重新上传后再提交',
  'TICKET.CONTENT_REFUSED': '内容未通过安全检测，请修改后再提交',
  'TICKET.EVIDENCE_REQUIRED': '安全隐患类工单办结时，请填写处理说明并上传至少一张现场照片',
  'TICKET.PLACE_INVALID': '无法确定问题所在位置，请选择楼栋或在地图上重新选点',
  'TICKET.ASSIGNEE_INVALID': '指定的处理人不属于该网格，请重新选择',
  'TICKET.MERGE_INVALID': '只能合并到本社区未办结的另一张工单，请重新搜索并选择',
  'TICKET.EXTENSION_INVALID': '延期时限超过本社区允许的上限，请缩短延期时间',
  'CALENDAR.INVALID': '工作日历有误，未写入任何数据，请按提示修改后重新保存',
  'POLICY.INVALID': '办理时限设置有误，未写入任何数据，请按提示修改后重新保存',
  'STREET.NOT_FOUND': '街道不存在，或您不是该街道的工作人员，请联系街道管理员核实',
  'STREET.OFFICER_NOT_FOUND': '此人不是本街道的工作人员，可能已被移除，请刷新后查看',
  'STREET.ALREADY_INVITED':
    '这个手机号已是本街道的工作人员，或已有未领取的邀请码，请在列表中查看，或先撤销旧的邀请',
  'STREET.LAST_OFFICER': '街道至少要保留一名工作人员，请先邀请新同事并等其登录认领后再移除',
  'COMMUNITY.EXISTS': '本街道已有同名或同编码的社区，请换一个名称或编码',
  'GRID.NOT_EMPTY': '该网格或微网格仍有楼栋或成员，请先将楼栋和成员调整到其他微网格后再撤销',
  'FIGURES.RANGE_INVALID': '统计月份请写作 2026-06 这样的年月，起始不晚于截止，最多 12 个月',
  'NOTICE.NOT_FOUND': '找不到这条通知，可能已撤回，请返回通知列表刷新',
  'NOTICE.STALE_VERSION': '通知已被他人修改，请刷新后再操作',
  'NOTICE.PUBLISHED_ON_SCHEDULE':
    '这条通知已按设定的时间自动发布，请刷新后查看；如需修改，请在已发布的通知上更正',
  'NOTICE.INVALID_STATE': '通知当前状态下不能进行此操作，请刷新后查看',
  'NOTICE.BODY_INVALID': '通知正文格式有误，请检查段落和链接',
  'NOTICE.AUDIENCE_INVALID': '发布范围有误：所选网格或微网格不属于本社区，请重新选择',
  'NOTICE.AUDIENCE_EMPTY': '发布范围内没有住户，请调整范围或标签',
  'NOTICE.SCHEDULE_INVALID': '定时发布的时间须晚于现在，且不超过 90 天，请重新选择时间',
  'NOTICE.CONTENT_REFUSED': '内容未通过安全检测，请修改后再提交',
  'NOTICE.ATTACHMENT_MISSING': '有图片或附件没有上传成功，请重新上传',
  'NOTICE.NO_HOUSEHOLD': '请先绑定您的住户，再查看和确认通知',
  'NOTICE.NOT_TARGETED': '该通知不是发给您所在住户的，请在通知列表查看发给您的通知',
  'NOTICE.WITHDRAWN': '该通知已撤回，请在通知列表查看其他通知',
  'GROUP.TICKET_FORGED': '无法识别该群，请从群聊中重新打开通知',
  'GROUP.TICKET_EXPIRED': '群信息已过期，请从群聊中重新打开通知',
  'GROUP.UNAVAILABLE': '暂时无法识别群信息，请稍后再试',
  'GROUP.NOT_FOUND': '找不到这条群绑定记录，请刷新网格群列表后查看',
  'FIELD.NOT_FOUND': '找不到这项排查、走访或模板，请刷新后查看',
  'FIELD.INVALID_STATE': '当前状态下不能进行此操作，请刷新后查看',
  'FIELD.ANSWERS_INVALID': '排查表填写不完整，请为每一项选择合格、不合格或不适用',
  'FIELD.PHOTO_REQUIRED': '不合格的项目请拍一张现场照片',
  'FIELD.TEMPLATE_INVALID': '排查模板有误：项目不能重复，至少一项，请修改后重新保存',
  'FIELD.PLACES_INVALID': '所选微网格或楼栋不属于本社区，或没有选择任何地点，请重新选择',
  'GROUP.SHARE_INVALID': '无法确认分享人，请让网格员重新分享这条通知',
  INTERNAL: '系统繁忙，请稍后再试',
};

export class AppError extends Error {
  readonly code: ErrorCode;
  readonly details?: unknown;

  /** `message` overrides the standard Chinese message when the case needs more words (e.g. bad rows). */
  constructor(code: ErrorCode, options: { message?: string; details?: unknown } = {}) {
    super(options.message ?? errorMessages[code]);
    this.name = 'AppError';
    this.code = code;
    this.details = options.details;
  }
}

export function isAppError(error: unknown): error is AppError {
  return error instanceof AppError;
}
