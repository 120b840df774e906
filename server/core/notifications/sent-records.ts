/**
 * The `sent` answers of one pass, recorded together: one request per template and hundred notifications
 * instead of one each (DESIGN §6, issue 9 item 6). The guard is the pass's claim — still 'sending' with this
 * pass's token — so a notification that stuck-claim recovery recorded meanwhile keeps that record (counted
 * `skipped`, as a stale single write was). A pass that dies before it records leaves its sends claimed:
 * recovery records them as an unknown outcome and nothing is sent twice.
 */
import type { Clock } from '../ports/clock';
import type { Store } from '../ports/store';
import { toIso } from '../time/shanghai';

/** The part of a pass's tally a lost record moves (send-step's DispatchTally has these and more). */
type Tally = Record<'sent' | 'skipped', number>;

const FLUSH_AT = 100;

export class SentRecords {
  private readonly waiting = new Map<string, string[]>();

  constructor(
    private readonly store: Store,
    private readonly clock: Clock,
    private readonly token: string,
    private readonly tally: Tally,
  ) {}

  /** Notes a notification WeChat accepted (counted `sent` by the caller); records its template's batch when full. */
  async add(notificationId: string, templateId: string): Promise<void> {
    const ids = this.waiting.get(templateId) ?? [];
    ids.push(notificationId);
    this.waiting.set(templateId, ids);
    if (ids.length >= FLUSH_AT) await this.record(templateId);
  }

  /** Records everything still waiting; call once the pass's sends are done. */
  async flush(): Promise<void> {
    for (const templateId of [...this.waiting.keys()]) await this.record(templateId);
  }

  private async record(templateId: string): Promise<void> {
    const ids = this.waiting.get(templateId) ?? [];
    this.waiting.delete(templateId);
    if (ids.length === 0) return;
    const written = await this.store.incrementMany(
      'notifications',
      ids,
      {
        add: { version: 1 },
        set: {
          'delivery.state': 'sent',
          'delivery.reason': null,
          'delivery.nextAttemptAt': null,
          'delivery.finishedAt': toIso(this.clock.now()),
          'delivery.templateId': templateId,
          'delivery.lastError': null,
          'delivery.errorCode': null,
        },
      },
      { where: { 'delivery.state': 'sending', 'delivery.claimedBy': this.token } },
    );
    const lost = ids.length - written;
    this.tally.sent -= lost;
    this.tally.skipped += lost;
  }
}
