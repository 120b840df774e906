/** The authorization matrix of the `notice` function (test/access/matrix.ts). */
import { expectMatrix } from './run';
import { noticeRows } from './rows/notice';

test('every notice action as every role in every relation: allowed or refused with nothing written', async () => {
  await expectMatrix('notice', noticeRows);
}, 300_000);
