/** The security rules file covers every collection, and gives clients no direct access to any of them. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { collectionNames } from '../../server/core/store/collections';

test('every collection has a rule, and every rule denies client reads and writes', () => {
  const rules = JSON.parse(readFileSync(join(__dirname, '../../database/security-rules.json'), 'utf8')) as {
    collections: Record<string, { read: unknown; write: unknown }>;
  };
  expect(Object.keys(rules.collections).sort()).toEqual([...collectionNames].sort());
  for (const rule of Object.values(rules.collections)) expect(rule).toEqual({ read: false, write: false });
});
