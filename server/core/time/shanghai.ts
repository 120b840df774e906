/** Time in Asia/Shanghai, the zone every deadline and every displayed time is in. Pure: no clock reads. */
import dayjs from 'dayjs';
import timezone from 'dayjs/plugin/timezone';
import utc from 'dayjs/plugin/utc';

dayjs.extend(utc);
dayjs.extend(timezone);

export const ZONE = 'Asia/Shanghai';

/** China has kept UTC+8 without daylight saving since 1991, so every instant we store has this offset. */
const OFFSET_MS = 8 * 3_600_000;

/**
 * ISO-8601 with +08:00, the contract's IsoTime. A fixed-offset shift rather than dayjs's zone lookup: it is on
 * every write path, and the zone plugin costs ~100 µs a call (a test checks both agree).
 */
export function toIso(date: Date): string {
  return `${new Date(date.getTime() + OFFSET_MS).toISOString().slice(0, 19)}+08:00`;
}

/** A dayjs in Asia/Shanghai, for calendar arithmetic (deadlines, day buckets). */
export function shanghai(date: Date | string): dayjs.Dayjs {
  return dayjs(date).tz(ZONE);
}
