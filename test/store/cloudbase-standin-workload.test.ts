/**
 * A realistic workload on the CloudBase adapter and the stand-in: seed scenario suites run unmodified with
 * every harness on CloudbaseStore (node-sdk → loopback → stand-in). Their own assertions must hold there too,
 * and, once they have run, no query of theirs may have gone unserved by a declared index.
 */
import { startStandin, standinStore, type Standin } from '../../server/cloudbase-standin';
import { seedDemo } from '../../server/demo/seed';
import { useHarnessStore } from '../support/harness';

let standin: Standin;
beforeAll(async () => {
  standin = await startStandin();
  // The demo world is seeded once through the adapter (node-sdk → stand-in); each test starts from a copy.
  await seedDemo(standinStore(standin));
  const seeded = standin.snapshot();
  useHarnessStore((seed) => {
    if (seed) standin.restore(seeded);
    else standin.reset();
    return { store: standinStore(standin), seeded: seed };
  });
});
afterAll(async () => {
  useHarnessStore(undefined);
  await standin.close();
});

/* eslint-disable @typescript-eslint/no-require-imports -- each suite registers its tests when loaded */
describe('seed scenario 1 on the stand-in', () => {
  require('../scenarios/flying-wire.test');
});
describe('water escalation on the stand-in', () => {
  require('../scenarios/water-escalation.test');
});
describe('duty queue on the stand-in', () => {
  require('../scenarios/duty-queue.test');
});
describe('return and reassign on the stand-in', () => {
  require('../scenarios/return-reassign.test');
});
describe('sewer followers on the stand-in', () => {
  require('../scenarios/sewer-followers.test');
});
describe('submission guards on the stand-in', () => {
  require('../scenarios/submission-guards.test');
});
describe('notices on the stand-in', () => {
  require('../notices/notices.test');
});
describe('publishing on the stand-in', () => {
  require('../notices/publish.test');
});
describe('groups on the stand-in', () => {
  require('../notices/groups.test');
});
describe('coverage repair on the stand-in', () => {
  require('../notices/repair.test');
});
describe('the staff notice board on the stand-in', () => {
  require('../notices/board.test');
});
describe("the street office's officers on the stand-in", () => {
  require('../street/office.test');
});
/* eslint-enable @typescript-eslint/no-require-imports */

/** Queries only the suites' own checks make (no product code does), which need no index in production. */
const testOnly = [{ collection: 'outbox', fields: ['noticeId'] }]; // publish.test.ts reads a notice's outbox

describe('after the workload', () => {
  test('no query of the product went unserved by a declared index', () => {
    const unserved = standin
      .unindexedQueries()
      .filter(
        (q) => !testOnly.some((t) => t.collection === q.collection && t.fields.join() === q.fields.join()),
      );
    expect(unserved).toEqual([]);
  });
});
