/**
 * Asking for subscribe messages (订阅消息) at the moment WeChat allows it: inside a tap handler, before
 * anything is awaited. Usage on the submit button:
 *
 *   onSubmit() {
 *     askSubscription('ticketSubmit');      // first line of the tap: nothing awaited before it
 *     void this.submitTicket();             // proceeds whatever the answer
 *   }
 *
 * and `preloadSubscribeTemplates('ticketSubmit')` in the page's onLoad, so that the template ids are at hand.
 */
import type { SubscribeAnswer, SubscribePurpose } from '../../typings/message';
import { callApi } from './api';

const ANSWERS: readonly string[] = ['accept', 'reject', 'ban', 'filter'] satisfies SubscribeAnswer[];
const templateIds: Partial<Record<SubscribePurpose, string[]>> = {};
const ready: Partial<Record<SubscribePurpose, boolean>> = {};

/**
 * Fetches what to ask at this moment (this deployment's templates, less long-term ones the user accepted)
 * and whether the user will hear now; resolves with the latter. A failure leaves the ask a no-op.
 */
export async function preloadSubscribeTemplates(purpose: SubscribePurpose): Promise<boolean> {
  try {
    const ask = await callApi('message', 'templates', { purpose });
    templateIds[purpose] = ask.templateIds;
    ready[purpose] = ask.ready;
  } catch {
    templateIds[purpose] = [];
    ready[purpose] = false;
  }
  return ready[purpose] ?? false;
}

/** Whether, as last fetched, the user holds a grant for the moment's main template (开启提醒 on). */
export function subscriptionReady(purpose: SubscribePurpose): boolean {
  return ready[purpose] ?? false;
}

/**
 * Shows WeChat's subscription dialog now and reports the answers to the server. Resolves with the answers
 * (empty when nothing was asked or the dialog failed); never rejects, so the caller never waits on it.
 */
export function askSubscription(purpose: SubscribePurpose): Promise<Record<string, SubscribeAnswer>> {
  const tmplIds = templateIds[purpose] ?? [];
  if (tmplIds.length === 0) return Promise.resolve({});
  return new Promise((resolve) => {
    wx.requestSubscribeMessage({
      tmplIds,
      success: (res) => {
        const raw = res as unknown as Record<string, string>;
        const answers: Record<string, SubscribeAnswer> = {};
        for (const id of tmplIds)
          if (ANSWERS.includes(raw[id] ?? '')) answers[id] = raw[id] as SubscribeAnswer;
        if (Object.keys(answers).length === 0) return resolve(answers);
        // Resolves once the server holds the answers and the moment's next ask is known (a one-time grant
        // allows one message: the next tap asks again; an accepted long-term one is not asked again).
        callApi('message', 'subscribe', { answers })
          .then(() => preloadSubscribeTemplates(purpose))
          .catch(() => undefined)
          .then(() => resolve(answers));
      },
      // 20004: the user switched subscriptions off in settings; other codes: not in a tap, too many ids.
      fail: () => resolve({}),
    });
  });
}
