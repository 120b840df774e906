/**
 * The sorted result of a recent query, kept while its collection is unchanged, so that paging through a
 * large result by offset sorts it once rather than once per page. Only for a total order (one ending with
 * `_id`): with ties the order must be drawn again at every request.
 */
import type { Doc } from './ejson';

interface Entry {
  version: number;
  docs: Doc[];
}

const SIZE = 16;

export class SortedCache {
  private readonly entries = new Map<string, Entry>();

  get(key: string, version: number): Doc[] | undefined {
    const entry = this.entries.get(key);
    return entry && entry.version === version ? entry.docs : undefined;
  }

  set(key: string, version: number, docs: Doc[]): void {
    this.entries.delete(key);
    this.entries.set(key, { version, docs });
    if (this.entries.size > SIZE) this.entries.delete(this.entries.keys().next().value as string);
  }

  clear(): void {
    this.entries.clear();
  }
}
