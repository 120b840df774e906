/** The `scheduler` cloud function, run by a timer trigger. */
import type { ActionDef, IsoTime } from './common';

export type SchedulerActions = {
  /** One sweep of every job: what each did, by count. */
  tick: ActionDef<Record<string, never>, { at: IsoTime; results: Record<string, Record<string, number>> }>;
};
