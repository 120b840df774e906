import type { Ids } from '../../core/ports/ids';

/** Predictable ids for tests: prefix_1, prefix_2, … */
export function sequentialIds(): Ids {
  const counters = new Map<string, number>();
  return {
    next(prefix) {
      const n = (counters.get(prefix) ?? 0) + 1;
      counters.set(prefix, n);
      return `${prefix}_${n}`;
    },
  };
}
