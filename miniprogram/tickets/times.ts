/** How a ticket's times read on a card: when, how long ago, how long is left. Times arrive in +08:00. */

/** 2026-06-20T09:05:00+08:00 → 6月20日 09:05. */
export function timeText(iso: string): string {
  const m = /^\d{4}-(\d{2})-(\d{2})T(\d{2}):(\d{2})/.exec(iso);
  return m ? `${Number(m[1])}月${Number(m[2])}日 ${m[3]}:${m[4]}` : iso;
}

/** A span in the largest two units that matter: 2天3小时, 3小时5分钟, 12分钟. */
export function spanText(ms: number): string {
  const minutes = Math.max(0, Math.floor(ms / 60_000));
  const days = Math.floor(minutes / 1440);
  const hours = Math.floor((minutes % 1440) / 60);
  const mins = minutes % 60;
  if (days > 0) return hours > 0 ? `${days}天${hours}小时` : `${days}天`;
  if (hours > 0) return mins > 0 ? `${hours}小时${mins}分钟` : `${hours}小时`;
  return `${mins}分钟`;
}

/** 刚刚 / 12分钟前 / 3小时5分钟前. */
export function ageText(iso: string, now: number): string {
  const ms = now - Date.parse(iso);
  return ms < 60_000 ? '刚刚' : `${spanText(ms)}前`;
}

/** 剩余 3小时 / 已超时 20分钟. */
export function timeLeftText(deadlineIso: string, now: number): string {
  const ms = Date.parse(deadlineIso) - now;
  return ms >= 0 ? `剩余 ${spanText(ms)}` : `已超时 ${spanText(-ms)}`;
}
