import type { Push, PushMessage, PushOutcome } from '../../core/ports/push';

/** One outcome of each class WeChat can answer with, for tests and the local cloud's failure drills. */
export const pushOutcomes = {
  sent: (): PushOutcome => ({ kind: 'sent' }),
  refused: (): PushOutcome => ({ kind: 'refused', code: 43101, message: 'user refuse to accept the msg' }),
  badData: (): PushOutcome => ({
    kind: 'badData',
    code: 47003,
    message: 'argument invalid! data.thing2.value invalid',
  }),
  throttled: (): PushOutcome => ({
    kind: 'throttled',
    code: 45009,
    message: 'reach max api daily quota limit',
  }),
  network: (): PushOutcome => ({ kind: 'network', message: 'connect ECONNREFUSED' }),
  unknown: (): PushOutcome => ({ kind: 'unknown', message: 'ESOCKETTIMEDOUT after the request was sent' }),
};

/**
 * The Push port for the local cloud and tests: records what it would send, and can be told to answer with
 * any of WeChat's outcomes, once or for a number of calls, to test the dispatcher's handling of each.
 */
export class RecordingPush implements Push {
  /** Messages that reached (or, for 'unknown', may have reached) the user. */
  readonly sent: PushMessage[] = [];
  readonly attempts: Array<{ message: PushMessage; outcome: PushOutcome }> = [];
  private readonly planned: PushOutcome[] = [];
  private always: PushOutcome | null = null;

  /** The next calls answer these outcomes, in order; after them, calls succeed. */
  failNext(...outcomes: PushOutcome[]): void {
    this.planned.push(...outcomes);
  }

  /** Every call answers this outcome (after any planned ones) until cleared with null. */
  failAlways(outcome: PushOutcome | null): void {
    this.always = outcome;
  }

  async send(message: PushMessage): Promise<PushOutcome> {
    const outcome = this.planned.shift() ?? this.always ?? { kind: 'sent' };
    this.attempts.push({ message, outcome });
    // 'unknown' means WeChat may have delivered it: record it as sent, as the real world would.
    if (outcome.kind === 'sent' || outcome.kind === 'unknown') this.sent.push(message);
    return outcome;
  }

  /** What reached one user, in order. */
  sentTo(openid: string): PushMessage[] {
    return this.sent.filter((m) => m.openid === openid);
  }

  clear(): void {
    this.sent.length = 0;
    this.attempts.length = 0;
    this.planned.length = 0;
    this.always = null;
  }
}
