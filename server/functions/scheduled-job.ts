/** One job of the scheduled function: what it is called in the tick's report, and one run of it. */
import type { Deps } from '../core/ports';

export interface ScheduledJob {
  name: string;
  /** Safe to run twice at the same minute; answers what it did, by count. */
  run(deps: Deps): Promise<Record<string, number>>;
}
