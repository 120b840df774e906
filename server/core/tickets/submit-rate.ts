/** The per-user submission counter document (see rate-limit.ts); a leaf module, so collections.ts can name it. */

/** One per user: `_id` is submitRateId(userId). */
export interface SubmitRate {
  _id: string;
  userId: string;
  /** Submission times (IsoTime) within the rolling hour, oldest first; never more than the limit. */
  recent: string[];
}

export function submitRateId(userId: string): string {
  return `rate_submit_${userId}`;
}
