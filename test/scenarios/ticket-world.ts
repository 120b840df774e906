/**
 * Helpers for the ticket scenarios: the harness (real handlers, in-memory SQLite, the demo seeded), photos
 * stored through the Files port as an upload would, and the outbox read back in the order it was written.
 */
import type { TicketActions, TicketDetail } from '../../typings/ticket';
import type { NotificationKind } from '../../server/core/notifications/model';
import { demoIds } from '../../server/demo/ids';
import { createHarness, type Actor, type Harness } from '../support/harness';

export type SubmitReq = TicketActions['submit']['req'];

/** The demo user id of a dev openid. */
export const uid = (openid: string) => demoIds.user(openid);

let photoSerial = 0;

/** A photo as the client would have uploaded it: stored, with the fileId returned. */
export async function uploadPhoto(h: Harness, name = 'photo'): Promise<string> {
  photoSerial += 1;
  const path = `tests/${process.pid}/${Date.now().toString(36)}-${photoSerial}-${name}.jpg`;
  return h.deps.files.put(path, new Uint8Array([0xff, 0xd8, 0xff, photoSerial % 256]), 'image/jpeg');
}

let requestSerial = 0;
/** A fresh client request id, as the page makes one per submission attempt. */
export function requestId(): string {
  requestSerial += 1;
  return `req-${Date.now().toString(36)}-${requestSerial}`;
}

/**
 * What the changes queued, in the order they were written: outbox entries, and the notifications a change
 * with few recipients wrote itself (grouped by the entry id they derive from; recipients then in id order).
 * `from` skips earlier ones.
 */
export async function outbox(
  h: Harness,
  from = 0,
): Promise<Array<{ kind: NotificationKind; userIds: string[] }>> {
  const entries = await h.deps.store.find('outbox');
  const groups = new Map<string, { kind: NotificationKind; userIds: string[]; createdAt: string }>(
    entries.map((e) => [e._id, { kind: e.kind, userIds: e.userIds, createdAt: e.createdAt }]),
  );
  const entryIds = new Set(entries.map((e) => e._id));
  for (const n of await h.deps.store.find('notifications')) {
    if (entryIds.has(n.outboxId)) continue;
    const group = groups.get(n.outboxId) ?? { kind: n.kind, userIds: [], createdAt: n.createdAt };
    group.userIds = [...group.userIds, n.userId].sort();
    groups.set(n.outboxId, group);
  }
  // Ids from the sequential test ids (outbox_7) order entries written at the same instant; others sort first.
  const serial = (id: string) => Number(/^outbox_(\d+)$/.exec(id)?.[1] ?? -1);
  return [...groups.entries()]
    .sort(([a, x], [b, y]) => x.createdAt.localeCompare(y.createdAt) || serial(a) - serial(b))
    .slice(from)
    .map(([, g]) => ({ kind: g.kind, userIds: g.userIds }));
}

/** How many things were queued so far: a mark for `outbox(h, mark)`. */
export async function outboxMark(h: Harness): Promise<number> {
  return (await outbox(h)).length;
}

/** The event types of the ticket's timeline, as the reporter sees it. */
export function timeline(detail: TicketDetail): string[] {
  return detail.events.map((e) => e.type);
}

/** Calls an action that must fail and returns its error code. */
export async function refusal(
  actor: Actor,
  action: keyof TicketActions & string,
  req: unknown,
): Promise<string> {
  const result = await actor.call('ticket', action, req as never);
  if (result.ok) throw new Error(`ticket.${action} as ${actor.openid} unexpectedly succeeded`);
  return result.error.code;
}

export { createHarness };
export type { Actor, Harness };
