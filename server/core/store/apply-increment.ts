/**
 * An Increment applied to a plain document, as MongoDB's $inc and $set apply it: for the stores that hold
 * documents as JSON (SQLite) and for checks of the others. A path through missing fields creates objects; a
 * numeric segment indexes an existing array, and names a key of an object otherwise.
 */
import type { Increment, Scalar } from '../ports/store';

type Node = Record<string, unknown> | unknown[];

function parentOf(doc: Record<string, unknown>, path: string): { node: Node; key: string } {
  const parts = path.split('.');
  let node: Node = doc;
  for (const part of parts.slice(0, -1)) {
    const holder = node as Record<string, unknown>;
    let next = holder[part];
    if (next === null || typeof next !== 'object') {
      next = {};
      holder[part] = next;
    }
    node = next as Node;
  }
  return { node, key: parts[parts.length - 1]! };
}

/** A copy of `doc` with the increment applied. */
export function applyIncrement<T extends object>(doc: T, increment: Increment): T {
  const next = JSON.parse(JSON.stringify(doc)) as Record<string, unknown>;
  for (const [path, by] of Object.entries(increment.add)) {
    const { node, key } = parentOf(next, path);
    const holder = node as Record<string, unknown>;
    const current = holder[key];
    holder[key] = (typeof current === 'number' ? current : 0) + by;
  }
  for (const [path, value] of Object.entries(increment.set ?? {})) {
    const { node, key } = parentOf(next, path);
    (node as Record<string, Scalar>)[key] = value;
  }
  return next as T;
}
