/** The message centre (消息): a user's own notifications, newest first, and read marks. */
import type { MessagePage, MessageView } from '../../../typings/message';
import { AppError } from '../errors';
import type { Deps } from '../ports';
import type { Query, Store } from '../ports/store';
import { toIso } from '../time/shanghai';
import type { User } from '../users/model';
import type { Notification } from './model';

const MARK_ALL_BATCH = 500;

/** The view a user gets of their own message: no delivery internals. */
export function messageView(n: Notification): MessageView {
  return {
    messageId: n._id,
    kind: n.kind,
    title: n.title,
    body: n.body,
    subject: n.facts.subject ?? '',
    // navigateTo needs an absolute path; the outbox may hold WeChat's form (no leading slash).
    page: n.page.startsWith('/') ? n.page : `/${n.page}`,
    ticketId: n.ticketId,
    noticeId: n.noticeId,
    createdAt: n.createdAt,
    read: n.readAt !== null,
  };
}

export function unreadCount(store: Store, userId: string): Promise<number> {
  return store.count('notifications', { userId, readAt: null });
}

const CURSOR = /^(.+)\|(.+)$/;

/**
 * One page of the user's messages, newest first; within one second, by id descending (production ids are
 * time-ordered). `before` is the last page's cursor, the time and id of its oldest message, so that messages
 * of the same second are neither skipped nor repeated.
 */
export async function listMessages(
  store: Store,
  user: User,
  input: { before?: string; limit?: number },
): Promise<MessagePage> {
  const limit = input.limit ?? 20;
  const order: Query['orderBy'] = [
    ['createdAt', 'desc'],
    ['_id', 'desc'],
  ];
  let rows: Notification[];
  const cursor = input.before ? CURSOR.exec(input.before) : null;
  if (input.before && !cursor)
    throw new AppError('VALIDATION.FAILED', { message: '「翻页位置」不正确，请刷新后重试' });
  if (cursor) {
    const [, at, lastId] = cursor as unknown as [string, string, string];
    const ties = await store.find('notifications', {
      where: { userId: user._id, createdAt: at, _id: { lt: lastId } },
      orderBy: order,
      limit: limit + 1,
    });
    const older =
      ties.length > limit
        ? []
        : await store.find('notifications', {
            where: { userId: user._id, createdAt: { lt: at } },
            orderBy: order,
            limit: limit + 1 - ties.length,
          });
    rows = [...ties, ...older];
  } else {
    rows = await store.find('notifications', {
      where: { userId: user._id },
      orderBy: order,
      limit: limit + 1,
    });
  }
  const page = rows.slice(0, limit);
  const last = page[page.length - 1];
  return {
    items: page.map(messageView),
    unread: await unreadCount(store, user._id),
    nextBefore: rows.length > limit && last ? `${last.createdAt}|${last._id}` : null,
  };
}

/** Marks one of the caller's messages read; marking it again changes nothing. Others' messages do not exist. */
export async function markRead(
  deps: Pick<Deps, 'store' | 'clock'>,
  user: User,
  messageId: string,
): Promise<{ unread: number }> {
  const { store } = deps;
  const n = await store.get('notifications', messageId);
  if (!n || n.userId !== user._id) throw new AppError('MESSAGE.NOT_FOUND');
  // readAt is its own field: it never races the dispatcher's versioned writes to `delivery`.
  if (n.readAt === null) await store.update('notifications', n._id, { readAt: toIso(deps.clock.now()) });
  return { unread: await unreadCount(store, user._id) };
}

/** Marks every unread message of the caller read, in batches. */
export async function markAllRead(
  deps: Pick<Deps, 'store' | 'clock'>,
  user: User,
): Promise<{ marked: number; unread: number }> {
  const { store } = deps;
  const readAt = toIso(deps.clock.now());
  let marked = 0;
  for (;;) {
    const unread = await store.find('notifications', {
      where: { userId: user._id, readAt: null },
      limit: MARK_ALL_BATCH,
    });
    for (const n of unread) if (await store.update('notifications', n._id, { readAt })) marked += 1;
    if (unread.length < MARK_ALL_BATCH) break;
  }
  return { marked, unread: await unreadCount(store, user._id) };
}
