/**
 * What a CloudBase timer trigger hands `main`: `{Type: "timer", TriggerName, Time, Message}` and no action
 * (PLATFORM-NOTES). Only a run with no caller openid is a trigger: a client can send any body, but it cannot
 * remove the openid the platform adds to its call.
 */
export interface TimerEvent {
  Type: 'timer';
  TriggerName: string;
  Time: string;
  Message?: string;
}

export function isTimerEvent(event: unknown): event is TimerEvent {
  if (!event || typeof event !== 'object') return false;
  const e = event as Record<string, unknown>;
  return e.Type === 'timer' && typeof e.TriggerName === 'string' && typeof e.Time === 'string';
}
