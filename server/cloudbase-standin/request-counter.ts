/** Requests received, by action and by collection: the round trips an action costs on CloudBase. */
export interface RequestCounts {
  total: number;
  byAction: Record<string, number>;
  byCollection: Record<string, number>;
}

export class RequestCounter {
  private counts: RequestCounts = { total: 0, byAction: {}, byCollection: {} };

  add(action: string, collection: string | undefined): void {
    this.counts.total += 1;
    this.counts.byAction[action] = (this.counts.byAction[action] ?? 0) + 1;
    if (collection) this.counts.byCollection[collection] = (this.counts.byCollection[collection] ?? 0) + 1;
  }

  read(): RequestCounts {
    return structuredClone(this.counts);
  }

  reset(): void {
    this.counts = { total: 0, byAction: {}, byCollection: {} };
  }
}
