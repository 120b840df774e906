/**
 * What each person received, read the way they would: their message centre (the `message` function, as
 * them) and the subscribe messages that reached their WeChat (the recording push).
 */
import type { SubscribePurpose } from '../../typings/message';
import type { Actor, Harness } from './harness';

/** Their message centre, oldest first, as `kind: title`. */
export async function inbox(h: Harness, openid: string): Promise<string[]> {
  const page = await h.as(openid).ok('message', 'list', { limit: 50 });
  if (page.nextBefore) throw new Error(`${openid} has more than 50 messages: page through them`);
  return page.items.map((m) => `${m.kind}: ${m.title}`).reverse();
}

/** Accepts every template the mini-program asks for at this moment (one tap on wx.requestSubscribeMessage). */
export async function subscribeAll(actor: Actor, purpose: SubscribePurpose): Promise<void> {
  const { templateIds } = await actor.ok('message', 'templates', { purpose });
  await actor.ok('message', 'subscribe', {
    answers: Object.fromEntries(templateIds.map((id) => [id, 'accept' as const])),
  });
}

/**
 * Their message centre, oldest first, each message as `kind: title`, followed by ` ⇒ <templateId>` when it
 * also went out as a subscribe message, or ` [state: reason]` while its delivery has not ended as sent or
 * in-app only. Checks on the way that the subscribe messages the push recorded for them are exactly these,
 * in this order, each opening the same page as the message.
 */
export async function received(h: Harness, openid: string): Promise<string[]> {
  const page = await h.as(openid).ok('message', 'list', { limit: 50 });
  if (page.nextBefore) throw new Error(`${openid} has more than 50 messages: page through them`);
  const lines: string[] = [];
  const pushed: Array<{ templateId: string; page: string }> = [];
  for (const message of [...page.items].reverse()) {
    const doc = await h.deps.store.get('notifications', message.messageId);
    if (!doc) throw new Error(`message ${message.messageId} has no notification behind it`);
    const { state, reason, templateId } = doc.delivery;
    let line = `${message.kind}: ${message.title}`;
    if (state === 'sent' && templateId) {
      line += ` ⇒ ${templateId}`;
      pushed.push({ templateId, page: message.page });
    } else if (state !== 'inAppOnly') line += ` [${state}${reason ? `: ${reason}` : ''}]`;
    lines.push(line);
  }
  const recorded = h.deps.push
    .sentTo(openid)
    .map((m) => ({ templateId: m.templateId, page: m.page.startsWith('/') ? m.page : `/${m.page}` }));
  if (JSON.stringify(recorded) !== JSON.stringify(pushed))
    throw new Error(
      `${openid}: the push recorded ${JSON.stringify(recorded)} but the message centre says ${JSON.stringify(pushed)}`,
    );
  return lines;
}

/**
 * Messages whose tap leads nowhere for this person: the ticket does not open for them, or the page is not
 * the one their side of the ticket uses. Each as `kind: title → page (why)`.
 */
export async function deadLinks(h: Harness, openid: string, side: 'resident' | 'handler'): Promise<string[]> {
  const expected = side === 'resident' ? '/pages/ticket-detail/index' : '/packages/worker/pages/ticket/index';
  const page = await h.as(openid).ok('message', 'list', { limit: 50 });
  const dead: string[] = [];
  for (const m of page.items) {
    if (!m.ticketId) continue;
    const opened = await h.as(openid).call('ticket', 'get', { ticketId: m.ticketId });
    const why = !opened.ok
      ? opened.error.code
      : m.page !== `${expected}?id=${m.ticketId}`
        ? 'wrong page'
        : null;
    if (why) dead.push(`${m.kind}: ${m.title} → ${m.page} (${why})`);
  }
  return dead;
}
