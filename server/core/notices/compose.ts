/**
 * Staff write notices: compose a draft, edit it (after publication only its content, recorded as a
 * correction 更正 with its time), withdraw it (gone from feeds; receipts and visits stay for the record).
 */
import type { NoticeActions, NoticeContent, StaffNoticeView } from '../../../typings/notice';
import { AppError } from '../errors';
import type { Deps } from '../ports';
import type { Caller } from '../ports/identity';
import { toIso } from '../time/shanghai';
import { loadActor } from '../users/actor';
import { requireCommunityStaff } from '../users/permissions';
import { loadNoticeForStaff, requireVersion, staleWriteError } from './access';
import { checkAudience, loadPlaces, resolveAudience } from './audience';
import { plainText, validateBody } from './body';
import type { Notice } from './model';
import { staffView } from './views';
import { authorizeNotice } from './transitions';

/** msgSecCheck takes at most 2,500 characters a call. */
const CHECK_CHUNK = 2500;

async function checkContent(
  deps: Deps,
  caller: Caller,
  noticeId: string | null,
  communityId: string,
  content: NoticeContent,
): Promise<void> {
  await validateBody(deps.store, communityId, noticeId, content.body);
  const text = `${content.title}\n${plainText(content.body)}`;
  for (let i = 0; i < text.length; i += CHECK_CHUNK) {
    const result = await deps.contentCheck.checkText(text.slice(i, i + CHECK_CHUNK), {
      openid: caller.openid,
      scene: 'forum',
    });
    if (result.verdict === 'risky')
      throw new AppError('NOTICE.CONTENT_REFUSED', { details: { label: result.label ?? null } });
  }
  const files = [
    ...(content.coverFileId ? [content.coverFileId] : []),
    ...content.attachments.map((a) => a.fileId),
  ];
  const found = await Promise.all(files.map((fileId) => deps.files.exists(fileId)));
  const missing = files.filter((_, i) => !found[i]);
  if (missing.length > 0) throw new AppError('NOTICE.ATTACHMENT_MISSING', { details: { missing } });
}

function contentOf(input: NoticeContent): NoticeContent {
  return {
    title: input.title,
    body: input.body,
    category: input.category,
    coverFileId: input.coverFileId,
    attachments: input.attachments,
  };
}

/** Staff: a new draft in their community. */
export async function composeNotice(
  deps: Deps,
  caller: Caller,
  input: NoticeActions['compose']['req'],
): Promise<StaffNoticeView> {
  const user = await loadActor(deps.store, caller);
  requireCommunityStaff(user, input.communityId);
  checkAudience(await loadPlaces(deps.store, input.communityId), input.audience);
  await checkContent(deps, caller, null, input.communityId, input);
  const at = toIso(deps.clock.now());
  const notice: Notice = {
    _id: deps.ids.next('ntc'),
    communityId: input.communityId,
    state: 'draft',
    ...contentOf(input),
    audience: input.audience,
    publishAt: null,
    publishedAt: null,
    withdrawnAt: null,
    withdrawReason: null,
    corrections: [],
    publishing: null,
    households: null,
    coverageShards: 0,
    createdBy: user._id,
    createdAt: at,
    updatedAt: at,
    version: 1,
  };
  await deps.store.insert('notices', notice);
  return staffView(notice);
}

/** Staff: edit a draft or scheduled notice, or correct a published one. */
export async function editNotice(
  deps: Deps,
  caller: Caller,
  input: NoticeActions['edit']['req'],
): Promise<StaffNoticeView> {
  const user = await loadActor(deps.store, caller);
  const notice = await loadNoticeForStaff(deps.store, user, input.noticeId);
  requireVersion(notice, input.version);
  const live = notice.state === 'published';
  authorizeNotice(live ? 'correct' : 'edit', notice);
  if (live && input.audience)
    throw new AppError('NOTICE.INVALID_STATE', { message: '已发布的通知不能更改发布范围，请撤回后重新发布' });
  // The category is frozen with the targets (the feed filters on it); a wrong category means a new notice.
  if (live && input.content.category !== notice.category)
    throw new AppError('NOTICE.INVALID_STATE', { message: '已发布的通知不能更改分类，请撤回后重新发布' });
  if (live && !input.correctionNote?.trim())
    throw new AppError('VALIDATION.FAILED', { message: '更正已发布的通知时，请填写「更正说明」' });
  if (input.audience) checkAudience(await loadPlaces(deps.store, notice.communityId), input.audience);
  await checkContent(deps, caller, notice._id, notice.communityId, input.content);

  const at = toIso(deps.clock.now());
  const next: Notice = {
    ...notice,
    ...contentOf(input.content),
    audience: input.audience ?? notice.audience,
    corrections: live
      ? [...notice.corrections, { at, note: input.correctionNote!.trim() }]
      : notice.corrections,
    updatedAt: at,
    version: notice.version + 1,
  };
  if (!(await deps.store.update('notices', notice._id, next, { ifVersion: notice.version })))
    throw await staleWriteError(deps.store, notice);
  return staffView(next);
}

/** Staff: withdraw. A draft or scheduled notice is withdrawn before anyone saw it. */
export async function withdrawNotice(
  deps: Deps,
  caller: Caller,
  input: NoticeActions['withdraw']['req'],
): Promise<StaffNoticeView> {
  const user = await loadActor(deps.store, caller);
  const notice = await loadNoticeForStaff(deps.store, user, input.noticeId);
  requireVersion(notice, input.version);
  authorizeNotice('withdraw', notice);
  const at = toIso(deps.clock.now());
  const patch = {
    state: 'withdrawn' as const,
    withdrawnAt: at,
    withdrawReason: input.reason.trim(),
    updatedAt: at,
    version: notice.version + 1,
  };
  if (!(await deps.store.update('notices', notice._id, patch, { ifVersion: notice.version })))
    throw await staleWriteError(deps.store, notice);
  return staffView({ ...notice, ...patch });
}

/** Staff: the size of an audience before publishing. */
export async function previewAudience(
  deps: Deps,
  caller: Caller,
  input: NoticeActions['previewAudience']['req'],
): Promise<{ households: number; microGrids: number }> {
  const user = await loadActor(deps.store, caller);
  requireCommunityStaff(user, input.communityId);
  checkAudience(await loadPlaces(deps.store, input.communityId), input.audience);
  const households = await resolveAudience(deps.store, input.communityId, input.audience);
  return { households: households.length, microGrids: new Set(households.map((h) => h.microGridId)).size };
}

/** Staff: the community's notices, newest first. */
export async function staffList(
  deps: Deps,
  caller: Caller,
  input: NoticeActions['staffList']['req'],
): Promise<{ items: StaffNoticeView[] }> {
  const user = await loadActor(deps.store, caller);
  requireCommunityStaff(user, input.communityId);
  const notices = await deps.store.find('notices', {
    where: { communityId: input.communityId, ...(input.state ? { state: input.state } : {}) },
    orderBy: [['createdAt', 'desc']],
    limit: 100,
  });
  return { items: notices.map(staffView) };
}

export async function staffDetail(deps: Deps, caller: Caller, noticeId: string): Promise<StaffNoticeView> {
  const user = await loadActor(deps.store, caller);
  return staffView(await loadNoticeForStaff(deps.store, user, noticeId));
}
