/** The `message` cloud function: the message centre, subscription answers, deliveries for staff. */
import * as z from 'zod/mini';
import type { MessageActions } from '../../typings/message';
import { listDeliveries } from '../core/notifications/deliveries';
import { listMessages, markAllRead, markRead, unreadCount } from '../core/notifications/inbox';
import { recordAnswers } from '../core/notifications/subscriptions';
import { subscriptionAsk } from '../core/notifications/subscription-ask';
import { loadActor } from '../core/users/actor';
import { defineFunction } from './define';
import { empty, id, required, whole } from './schemas';

// wx.requestSubscribeMessage takes at most 5 ids a call (3 in older base libraries).
const answers = z
  .record(required(128), z.enum(['accept', 'reject', 'ban', 'filter']))
  .check(
    z.refine(
      (value) => Object.keys(value).length >= 1 && Object.keys(value).length <= 5,
      '每次需要 1 到 5 个模板的结果',
    ),
  );

export const messageFunction = defineFunction<MessageActions>('message', {
  list: {
    input: z.object({
      before: z.optional(z.string().check(z.maxLength(300))),
      limit: z.optional(whole(1, 50)),
    }),
    run: async (deps, caller, input) => listMessages(deps.store, await loadActor(deps.store, caller), input),
  },
  unreadCount: {
    input: empty,
    run: async (deps, caller) => ({
      unread: await unreadCount(deps.store, (await loadActor(deps.store, caller))._id),
    }),
  },
  markRead: {
    input: z.object({ messageId: required(200) }),
    run: async (deps, caller, input) => markRead(deps, await loadActor(deps.store, caller), input.messageId),
  },
  markAllRead: {
    input: empty,
    run: async (deps, caller) => markAllRead(deps, await loadActor(deps.store, caller)),
  },
  templates: {
    input: z.object({
      purpose: z.enum(['ticketSubmit', 'ticketFollow', 'ticketResolution', 'task', 'notice']),
    }),
    run: async (deps, caller, input) =>
      subscriptionAsk(
        deps.store,
        deps.notificationSettings.templates,
        (await loadActor(deps.store, caller))._id,
        input.purpose,
      ),
  },
  subscribe: {
    input: z.object({ answers }),
    run: async (deps, caller, input) => {
      const user = await loadActor(deps.store, caller);
      const result = await recordAnswers(
        deps.store,
        deps.notificationSettings.templates,
        user._id,
        input.answers,
        deps.clock.now(),
      );
      return { recorded: result.recorded.length, ignored: result.ignored.length };
    },
  },
  deliveries: {
    input: z.object({
      communityId: id,
      states: z.optional(
        z.array(z.enum(['failed', 'inAppOnly', 'pending', 'sending'])).check(z.maxLength(4)),
      ),
      limit: z.optional(whole(1, 200)),
    }),
    run: async (deps, caller, input) =>
      listDeliveries(deps.store, await loadActor(deps.store, caller), input),
  },
});
