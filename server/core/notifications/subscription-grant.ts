/** A user's subscription grant (订阅授权) for one template, as stored; subscriptions.ts keeps its count. */
import type { SubscribeAnswer } from '../../../typings/message';
import type { TemplateKey } from './templates';

export interface SubscriptionGrant {
  _id: string;
  userId: string;
  templateId: string;
  templateKey: TemplateKey;
  longTerm: boolean;
  /** One-time grants not yet used. */
  available: number;
  /** Long-term: the last answer allows sending. */
  active: boolean;
  lastAnswer: SubscribeAnswer | 'refusedBySend';
  answeredAt: string;
  accepted: number;
  used: number;
  version: number;
}
