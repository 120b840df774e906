/**
 * Fault injection: latency on every request, throttling answers, and write conflicts on chosen documents.
 * Tests and benches set them on `standin.faults`; `clear()` restores a healthy server.
 */
export class Faults {
  /** Added before every request is answered, as a round trip to CloudBase costs. */
  latencyMs = 0;
  private throttles: Array<{ action: string | undefined; left: number }> = [];
  private conflicts = new Map<string, number>();

  /** The next `times` requests (of `action`, or any) answer RequestLimitExceeded. */
  throttle(times: number, action?: string): void {
    this.throttles.push({ action, left: times });
  }

  /** The next `times` transactional writes to this document fail with DATABASE_TRANSACTION_CONFLICT. */
  conflictOn(collection: string, id: string, times = 1): void {
    this.conflicts.set(`${collection}/${id}`, (this.conflicts.get(`${collection}/${id}`) ?? 0) + times);
  }

  clear(): void {
    this.latencyMs = 0;
    this.throttles = [];
    this.conflicts.clear();
  }

  /** Consumes one throttle for this action, if one is set. */
  takeThrottle(action: string): boolean {
    const hit = this.throttles.find((t) => t.left > 0 && (t.action === undefined || t.action === action));
    if (!hit) return false;
    hit.left -= 1;
    return true;
  }

  /** Consumes one injected conflict for this document, if one is set. */
  takeConflict(collection: string, id: string): boolean {
    const key = `${collection}/${id}`;
    const left = this.conflicts.get(key) ?? 0;
    if (left <= 0) return false;
    this.conflicts.set(key, left - 1);
    return true;
  }
}
