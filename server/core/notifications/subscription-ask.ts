/**
 * What to ask one user at one moment (issue 13 item 3): the moment's templates minus long-term ones they
 * already accepted, and whether they hold a grant of the moment's main template now, so that a page can show
 * a 开启提醒 switch as on or off and stop asking once a long-term grant is in place.
 */
import type { SubscribePurpose } from '../../../typings/message';
import type { Store } from '../ports/store';
import { subscriptionId, usable } from './subscriptions';
import { PURPOSE_TEMPLATES, templateIdsFor, type TemplateSet } from './templates';

export interface SubscriptionAsk {
  templateIds: string[];
  ready: boolean;
}

export async function subscriptionAsk(
  store: Store,
  templates: TemplateSet,
  userId: string,
  purpose: SubscribePurpose,
): Promise<SubscriptionAsk> {
  const configs = PURPOSE_TEMPLATES[purpose].flatMap((key) => (templates[key] ? [templates[key]] : []));
  const settled = new Set<string>();
  let ready = false;
  for (const [index, config] of configs.entries()) {
    const grant = await store.get('subscriptions', subscriptionId(userId, config.id));
    if (index === 0) ready = usable(grant);
    if (config.longTerm && usable(grant)) settled.add(config.id);
  }
  return { templateIds: templateIdsFor(templates, purpose, settled), ready };
}
