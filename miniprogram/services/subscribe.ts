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

/** Fetches this deployment's template ids for the moment; a failure leaves the ask a no-op. */
export async function preloadSubscribeTemplates(purpose: SubscribePurpose): Promise<void> {
  try {
    templateIds[purpose] = (await callApi('message', 'templates', { purpose })).templateIds;
  } catch {
    templateIds[purpose] = [];
  }
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
        if (Object.keys(answers).length > 0)
          callApi('message', 'subscribe', { answers }).catch(() => undefined);
        resolve(answers);
      },
      // 20004: the user switched subscriptions off in settings; other codes: not in a tap, too many ids.
      fail: () => resolve({}),
    });
  });
}
