/** New document ids, from outside so that the core stays deterministic under test. */
export interface Ids {
  next(prefix: string): string;
}
