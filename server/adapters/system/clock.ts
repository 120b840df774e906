/** The machine's clock: what production (and the local cloud, unless a test moves time) reads. */
import type { Clock } from '../../core/ports/clock';

export const systemClock: Clock = { now: () => new Date() };
