/** What household binding tells whom: the micro-grid's workers of a request, the resident of the decision. */
import type { NewNotification } from '../notifications/model';
import type { Store } from '../ports/store';
import { roleKey } from '../users/role-keys';
import type { BindRequest } from './model';
import { momentWords } from '../notifications/status-words';

export const bindPages = {
  resident: 'pages/home/index',
  worker: 'packages/worker/pages/bind-requests/index',
};

/** Who decides a request: the micro-grid's workers; where it has none, the grid's leader; else staff. */
export async function approversOf(
  store: Store,
  request: Pick<BindRequest, 'communityId' | 'gridId' | 'microGridId'>,
): Promise<string[]> {
  const members = await store.find('members', { where: { gridId: request.gridId } });
  const workers = members.filter((m) => m.duty === 'worker' && m.microGridId === request.microGridId);
  if (workers.length) return workers.map((m) => m.userId);
  const leaders = members.filter((m) => m.duty === 'leader');
  if (leaders.length) return leaders.map((m) => m.userId);
  const staff = await store.find('users', {
    where: { roleKeys: { has: roleKey('staff', request.communityId) } },
  });
  return staff.map((u) => u._id);
}

export function requestedNotice(
  request: BindRequest,
  approvers: string[],
  applicant: string,
  address: string,
): NewNotification {
  return {
    userIds: approvers,
    kind: 'bindRequested',
    title: '有居民申请绑定住户',
    body: `${applicant} 申请绑定 ${address}，请核实后审核`,
    page: bindPages.worker,
    communityId: request.communityId,
    facts: { subject: '住户绑定申请', status: momentWords.bindRequested, place: address, person: applicant },
  };
}

export function decidedNotice(request: BindRequest, address: string, approved: boolean): NewNotification {
  return {
    userIds: [request.userId],
    kind: approved ? 'bindApproved' : 'bindDenied',
    title: approved ? '住户绑定已通过' : '住户绑定未通过',
    body: approved
      ? `您已绑定 ${address}，可以随手拍、查看通知了`
      : `您绑定 ${address} 的申请未通过${request.reason ? `：${request.reason}` : ''}。如有疑问请联系网格员`,
    page: bindPages.resident,
    communityId: request.communityId,
    facts: {
      subject: '住户绑定',
      status: approved ? momentWords.bindApproved : momentWords.bindDenied,
      place: address,
      note: request.reason ?? undefined,
    },
  };
}

export function boundByStaffNotice(userId: string, communityId: string, address: string): NewNotification {
  return {
    userIds: [userId],
    kind: 'bindApproved',
    title: '社区已为您绑定住户',
    body: `社区工作人员已为您绑定 ${address}`,
    page: bindPages.resident,
    communityId,
    facts: { subject: '住户绑定', status: momentWords.bindApproved, place: address },
  };
}

export function removedNotice(userId: string, communityId: string, address: string): NewNotification {
  return {
    userIds: [userId],
    kind: 'bindRemoved',
    title: '您已被移出住户',
    body: `社区工作人员已将您从 ${address} 移出。如有疑问请联系社区`,
    page: bindPages.resident,
    communityId,
    facts: { subject: '住户绑定', status: momentWords.bindRemoved, place: address },
  };
}
