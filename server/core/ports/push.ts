/**
 * Sends one message to one WeChat user as a subscribe message (订阅消息). Every outcome is a value, never a
 * throw, so that the dispatcher can record it: the adapter maps WeChat's answer codes to these kinds.
 */
export interface PushMessage {
  openid: string;
  templateId: string;
  /** Mini-program page opened by a tap on the message, with its query. */
  page: string;
  /** Template fields, already cut to WeChat's limits. */
  data: Record<string, { value: string }>;
}

export type PushOutcome =
  | { kind: 'sent' }
  /** 43101: the user declined or has no grant left for this template. Do not retry. */
  | { kind: 'refused'; code: number; message: string }
  /** 47003 and friends: the payload is wrong. A bug: do not retry. */
  | { kind: 'badData'; code: number; message: string }
  /** Rate or quota: retry later. */
  | { kind: 'throttled'; code: number; message: string }
  /** Never reached WeChat: retry. */
  | { kind: 'network'; message: string }
  /** Sent, but no answer came back: it may have arrived. Never retried blindly. */
  | { kind: 'unknown'; message: string };

export interface Push {
  send(message: PushMessage): Promise<PushOutcome>;
}
