import type { Store, Where } from '../ports/store';
import type { CollectionDocs, CollectionName } from '../store/collections';

/** CloudBase answers at most 1,000 documents a query. */
export const PAGE = 1000;

/** Every document matching `where`, fetched in pages ordered by _id (no skip: each page starts after the last id). */
export async function findAll<C extends CollectionName>(
  store: Store,
  collection: C,
  where: Where,
): Promise<CollectionDocs[C][]> {
  const all: CollectionDocs[C][] = [];
  let after: string | null = null;
  for (;;) {
    const page: CollectionDocs[C][] = await store.find(collection, {
      where: after === null ? where : { ...where, _id: { gt: after } },
      orderBy: [['_id', 'asc']],
      limit: PAGE,
    });
    all.push(...page);
    const last = page[page.length - 1];
    if (page.length < PAGE || !last) return all;
    after = last._id;
  }
}

/** Splits a list into chunks of `size`. */
export function chunks<T>(items: T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}
