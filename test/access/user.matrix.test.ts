/** The authorization matrix of the `user` function (test/access/matrix.ts). */
import { expectMatrix } from './run';
import { userRows } from './rows/user';

test('every user action as every role in every relation: allowed or refused with nothing written', async () => {
  await expectMatrix('user', userRows);
}, 300_000);
