/** The authorization matrix of the `scheduler` function (test/access/matrix.ts). */
import { expectMatrix } from './run';
import { schedulerRows } from './rows/scheduler';

test('every scheduler action as every role in every relation: allowed or refused with nothing written', async () => {
  await expectMatrix('scheduler', schedulerRows);
}, 300_000);
